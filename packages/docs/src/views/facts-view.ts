// The fact vocabulary of one sector, from factsSchema(): each fact's labels, unit and options, and the rules that read it.
import { factsSchema, type JSONSchema, type Sector } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { documentPage, factAnchor, factsSchemaFile, rulePage, sectorPage } from '../paths.js';
import type { PageFrame } from '../render.js';

interface Property {
  type?: string;
  format?: string;
  enum?: string[];
  items?: { enum?: string[] };
  title?: string;
  description?: string;
  unit?: string;
  hint?: string;
  optionLabels?: Record<string, string>;
  minimum?: number;
  maximum?: number;
}

const kindOf = (property: Property | undefined): { zh: string; en: string } => {
  if (!property) return { zh: '未在词汇表中', en: 'not in the vocabulary' };
  if (property.type === 'boolean') return { zh: '是/否', en: 'yes/no' };
  if (property.type === 'number' || property.type === 'integer') return { zh: '数值', en: 'number' };
  if (property.type === 'array') return { zh: '多选', en: 'several of' };
  if (property.enum) return { zh: '单选', en: 'one of' };
  if (property.format === 'date') return { zh: '日期', en: 'date' };
  return { zh: '文本', en: 'text' };
};

export interface SchemaFile {
  path: string;
  asOf: string;
  schema: JSONSchema;
}

export const factsView = (catalogue: Catalogue, sector: Sector) => {
  const documents = catalogue.documentsOf(sector.id).filter((document) => document.rules.length > 0);
  // One schema per date a version took effect (and the build date), so every version's questions are covered.
  const dates = [...new Set([catalogue.asOf, ...documents.map((document) => document.effectiveFrom)])].sort().reverse();
  const schemaFiles: SchemaFile[] = catalogue.hasVocabulary(sector.id)
    ? dates.map((asOf) => ({ path: factsSchemaFile(sector.id, asOf), asOf, schema: factsSchema(sector.id, { asOf }) }))
    : [];
  const properties = new Map<string, Property>();
  for (const file of schemaFiles) {
    for (const [name, property] of Object.entries((file.schema.properties ?? {}) as Record<string, Property>)) {
      if (!properties.has(name)) properties.set(name, property);
    }
  }
  const order: string[] = [];
  for (const document of documents) for (const rule of document.rules) for (const name of rule.facts) if (!order.includes(name)) order.push(name);
  for (const name of properties.keys()) if (!order.includes(name)) order.push(name);
  const facts = order.map((name) => {
    const property = properties.get(name);
    const fallback = documents.find((document) => document.rules.some((rule) => rule.facts.includes(name)));
    const wording = fallback ? catalogue.factWording(fallback, name) : undefined;
    const optionLabels = property?.optionLabels ?? wording?.optionLabels;
    const usedBy = documents
      .map((document) => ({
        document: `${document.title.zh}（${document.version}）`,
        href: documentPage(document),
        rules: document.rules.filter((rule) => rule.facts.includes(name)).map((rule) => ({ href: rulePage(document, rule.id), label: rule.citation.label, title: rule.title.zh })),
      }))
      .filter((group) => group.rules.length > 0);
    return {
      anchor: factAnchor(name),
      name,
      label: { zh: property?.title ?? wording?.label.zh ?? name, en: property?.description ?? wording?.label.en ?? name },
      unit: property?.unit ?? wording?.unit,
      kind: kindOf(property),
      missing: property === undefined,
      hint: property?.hint,
      options: optionLabels ? Object.entries(optionLabels).map(([value, label]) => ({ value, label })) : [],
      usedBy,
    };
  });
  const frame: PageFrame = { title: `${sector.title.zh} — 事实词汇表`, crumbs: [{ label: sector.title.zh, href: sectorPage(sector.id) }, { label: '事实词汇表' }] };
  return {
    frame,
    schemaFiles,
    view: {
      sector: { title: sector.title, id: sector.id, href: sectorPage(sector.id) },
      schemas: schemaFiles.map((file) => ({ href: file.path, asOf: file.asOf, count: Object.keys(file.schema.properties ?? {}).length })),
      facts,
      missingCount: facts.filter((fact) => fact.missing).length,
    },
  };
};
