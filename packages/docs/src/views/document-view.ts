// The page of one document version: its metadata and notes, boundary convention, categories with their rules,
// derived facts, tables, parameters and datasets.
import type { LoadedDocument, RuleDocument } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { conditionInWords } from '../conditions-in-words.js';
import { expressionInWords } from '../expressions-in-words.js';
import { categoryAnchor, checklistPage, derivedAnchor, documentPage, factsPage, rulePage, sectorPage, tableAnchor } from '../paths.js';
import { quantityText, unitName } from '../quantities.js';
import { documentName } from '../document-name.js';
import { factNamesAsLabels } from '../fact-names-in-text.js';
import type { PageFrame } from '../render.js';
import { kindWords, periodStatus, periodWords, textStatus } from '../status.js';

type Band = RuleDocument['tables'][string]['bands'][number];

/** A band's range with x standing for the key: "1000 < x ≤ 2500". */
export const bandRange = (band: Band): string => {
  if (band.from !== null && band.to !== null && String(band.from) === String(band.to) && band.fromInclusive && band.toInclusive) return `x = ${band.from}`;
  const lower = band.from === null ? '' : `${band.from} ${band.fromInclusive ? '≤' : '<'} `;
  const upper = band.to === null ? '' : ` ${band.toInclusive ? '≤' : '<'} ${band.to}`;
  return lower || upper ? `${lower}x${upper}` : '任意 x';
};

/**
 * How a dataset column is shown. Columns of identifiers (coal, nonCoalMining) are data for the calculators, shown
 * only in the technical view; columns of English text only in the English view; the rest to everyone.
 */
export const columnRole = (values: readonly unknown[]): 'code' | 'en' | 'text' => {
  const strings = values.filter((value) => value !== null && value !== undefined && value !== '');
  if (strings.length === 0 || !strings.every((value) => typeof value === 'string')) return 'text';
  const texts = strings as string[];
  if (texts.every((value) => /^[a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*(?:;[a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*)*$/.test(value))) return 'code';
  // English notes may quote a character ("third alias character 䏲"), so English is mostly Latin letters, not only.
  const latin = (value: string) => (value.match(/[A-Za-z]/g) ?? []).length;
  const chinese = (value: string) => (value.match(/[\u3400-\u9fff]/g) ?? []).length;
  if (texts.every((value) => latin(value) > 2 * chinese(value) && latin(value) >= 2) && texts.some((value) => /[A-Za-z] [A-Za-z]/.test(value))) return 'en';
  return 'text';
};

const cell = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
};

/** A short reference to another document version, linked when rules-data holds it. */
export const versionLink = (catalogue: Catalogue, reference: { id: string; version: string } | null) => {
  if (!reference) return undefined;
  const target = catalogue.documents.find((document) => document.id === reference.id && document.version === reference.version);
  return target
    ? { label: documentName(target), href: documentPage(target) }
    : { label: `未收录的版本（${reference.version}）`, href: undefined };
};

export const documentSummary = (catalogue: Catalogue, document: LoadedDocument) => ({
  id: document.id,
  version: document.version,
  name: documentName(document),
  title: document.title,
  number: document.number,
  kind: document.kind,
  kindWords: kindWords(document.kind),
  period: periodWords(document),
  status: periodStatus(document, catalogue.asOf),
  text: textStatus(document),
  ruleCount: document.rules.length,
  unverifiedCount: document.rules.filter((rule) => !rule.verified).length,
  supplementTo: document.supplementTo
    ? (() => {
        const target = catalogue.documents.find((candidate) => candidate.id === document.supplementTo);
        return target ? documentName(target) : undefined;
      })()
    : undefined,
  href: documentPage(document),
  checklist: document.rules.length > 0 ? checklistPage(document) : undefined,
});

export const documentView = (catalogue: Catalogue, document: LoadedDocument) => {
  const sector = catalogue.sectors.find((candidate) => candidate.id === document.sector)!;
  const fact = (name: string) => catalogue.factWording(document, name);
  const context = { fact, rule: catalogue.ruleReference(document), shared: (name: string) => document.sharedConditions[name] };
  const ruleRow = (rule: LoadedDocument['rules'][number]) => ({
    href: rulePage(document, rule.id),
    label: rule.citation.label,
    title: rule.title,
    verified: rule.verified,
    subItem: rule.partOf !== undefined,
  });
  const listed = new Set(document.categories.map((category) => category.id));
  const categories = [
    ...document.categories.map((category) => ({
      anchor: categoryAnchor(category.id),
      title: category.title,
      appliesWhen: category.appliesWhen ? conditionInWords(category.appliesWhen, context) : undefined,
      rules: document.rules.filter((rule) => rule.category === category.id).map(ruleRow),
    })),
    ...[...new Set(document.rules.map((rule) => rule.category).filter((id) => !listed.has(id)))].map((id) => ({
      anchor: categoryAnchor(id),
      title: { zh: `其他条目（${id}）`, en: `Other items (${id})` },
      appliesWhen: undefined,
      rules: document.rules.filter((rule) => rule.category === id).map(ruleRow),
    })),
  ];
  const tables = Object.entries(document.tables).map(([id, table]) => ({
    anchor: tableAnchor(id),
    id,
    title: table.title,
    citation: table.citation,
    key: { ...table.key, unit: unitName(table.key.unit) },
    value: { ...table.value, unit: unitName(table.value.unit) },
    note: table.note,
    bands: table.bands.map((band) => ({ range: bandRange(band), value: String(band.value) })),
  }));
  const datasets = Object.entries(document.datasets).map(([id, dataset]) => {
    const columns = Object.entries(dataset.columns);
    const roles = columns.map(([name]) => {
      const role = columnRole(dataset.rows.map((row) => row[name]));
      return { dev: role === 'code', en: role === 'en' };
    });
    return {
      anchor: tableAnchor(id),
      id,
      title: dataset.title,
      citation: dataset.citation,
      verified: dataset.verified,
      note: dataset.note,
      columns: columns.map(([name, column], at) => ({ name, label: column.label, unit: unitName(column.unit), ...roles[at]! })),
      rows: dataset.rows.map((row) => columns.map(([name], at) => ({ value: cell(row[name]), ...roles[at]! }))),
    };
  });
  const parameters = Object.entries(document.parameters).map(([id, parameter]) => ({
    id,
    label: parameter.label,
    value: parameter.value === null ? '—' : typeof parameter.value === 'boolean' ? cell(parameter.value) : quantityText(parameter.value, parameter.unit).zh,
    citation: parameter.citation,
    verified: parameter.verified,
    note: parameter.note,
  }));
  const derived = Object.entries(document.derivedFacts).map(([name, definition]) => ({
    anchor: derivedAnchor(name),
    name,
    label: definition.label,
    unit: unitName(definition.unit),
    formula: expressionInWords(definition.expression, { fact, table: catalogue.tableWording(document), shared: (name: string) => document.sharedConditions[name]?.label }),
  }));
  const otherVersions = catalogue.documents
    .filter((candidate) => candidate.id === document.id && candidate !== document)
    .map((candidate) => ({ label: `${candidate.version}（${periodWords(candidate).zh}）`, href: documentPage(candidate) }));
  const supplements = catalogue.documents
    .filter((candidate) => candidate.supplementTo === document.id)
    .map((candidate) => ({ label: documentName(candidate), href: documentPage(candidate) }));
  const supplementTo = document.supplementTo
    ? catalogue.documents
        .filter((candidate) => candidate.id === document.supplementTo)
        .map((candidate) => ({ label: documentName(candidate), href: documentPage(candidate) }))
    : [];
  const frame: PageFrame = {
    title: documentName(document),
    crumbs: [{ label: sector.title.zh, href: sectorPage(sector.id) }, { label: documentName(document) }],
  };
  return {
    frame,
    view: {
      document: {
        ...documentSummary(catalogue, document),
        issuer: document.issuer,
        issued: document.issued,
        source: document.source,
        file: document.file,
        notes: document.notes.map((note) => factNamesAsLabels(note, (name) => fact(name).label.zh)),
        boundaryConvention: document.boundaryConvention,
        isCalculator: document.kind === 'calculator',
      },
      sector: { title: sector.title, href: sectorPage(sector.id), facts: catalogue.hasFactsPage(sector.id) ? factsPage(sector.id) : undefined },
      replaces: versionLink(catalogue, document.replaces),
      replacedBy: versionLink(catalogue, document.replacedBy),
      otherVersions,
      supplements,
      supplementTo,
      categories,
      derived,
      tables,
      datasets,
      parameters,
    },
  };
};
