// The fact vocabulary of one sector, from factsSchema(): each fact's labels, unit and options, and the rules that read it.
import { aliasReplacedBy, factAliases, factsSchema, fieldMeta, vocabularyFor, type JSONSchema, type Sector } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { readersOfFacts } from '../fact-readers.js';
import { documentPage, factAnchor, factsSchemaFile, rulePage, sectorPage } from '../paths.js';
import { documentName } from '../document-name.js';
import { unitName } from '../quantities.js';
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

/** Why an old name is listed: it is no longer a fact, and these are the facts to answer instead. */
const formerNameNote = (replacedBy: string[], labelOf: (fact: string) => string) => ({
  zh: `此名称已弃用，请改答：${replacedBy.map(labelOf).join('、')}。`,
  en: `This name is deprecated; answer ${replacedBy.join(', ')} instead.`,
});

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
  const readers = readersOfFacts(documents);
  const vocabulary = vocabularyFor(sector.id);
  // Old names (aliases on the facts that replace them) are in no schema but accepted for a minor version:
  // listed, so an old name can be looked up.
  const formerNames = vocabulary ? factAliases(vocabulary) : new Map<string, never>();
  const order = [...new Set([...readers.keys(), ...properties.keys(), ...Object.keys(vocabulary?.shape ?? {}), ...formerNames.keys()])];
  const facts = order.map((name) => {
    const property = properties.get(name);
    const factReaders = readers.get(name) ?? [];
    const fallback = factReaders[0]?.document;
    const wording = fallback ? catalogue.factWording(fallback, name) : undefined;
    const field = vocabulary?.shape[name] as Parameters<typeof fieldMeta>[0];
    const meta = fieldMeta(field);
    const optionLabels = property?.optionLabels ?? wording?.optionLabels ?? meta.optionLabels;
    const former = formerNames.get(name);
    const usedBy = documents
      .map((document) => ({
        document: documentName(document),
        href: documentPage(document),
        rules: factReaders
          .filter((reader) => reader.document === document)
          .map(({ rule }) => ({ href: rulePage(document, rule.id), label: rule.citation.label, title: rule.title.zh })),
      }))
      .filter((group) => group.rules.length > 0);
    return {
      anchor: factAnchor(name),
      name,
      label: { zh: property?.title ?? wording?.label.zh ?? meta.title ?? name, en: property?.description ?? wording?.label.en ?? meta.description ?? name },
      unit: unitName(property?.unit ?? wording?.unit ?? meta.unit),
      kind: former ? { zh: '旧名称', en: 'former name' } : kindOf(property),
      missing: property === undefined && field === undefined && !former,
      hint: property?.hint ?? meta.hint,
      deprecation: former ? (former.alias.note ?? formerNameNote(aliasReplacedBy(former.fact, former.alias), (fact) => fieldMeta(vocabulary?.shape[fact] as Parameters<typeof fieldMeta>[0]).title ?? fact)) : undefined,
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
