// Everything the pages are built from, loaded once: sectors, document versions, rules, and how to name their facts.
import { describeFact, loadRuleDocuments, vocabularyFor, type LoadedDocument, type Rule, type Sector } from '@anquan/rules';
import type { FactWording, RuleReference } from './conditions-in-words.js';
import type { TableWording } from './expressions-in-words.js';
import { rulePage } from './paths.js';

export interface RuleEntry {
  document: LoadedDocument;
  rule: Rule;
  /** Position in the document's list of rules. */
  index: number;
}

export interface Catalogue {
  asOf: string;
  sectors: Sector[];
  documents: LoadedDocument[];
  documentsOf: (sector: string) => LoadedDocument[];
  /** A rule by id, looked up first in `near` (the document the reference is made from). */
  findRule: (id: string, near?: LoadedDocument) => RuleEntry | undefined;
  factWording: (document: LoadedDocument, fact: string) => FactWording;
  ruleReference: (document: LoadedDocument) => (id: string) => RuleReference | undefined;
  tableWording: (document: LoadedDocument) => (id: string) => TableWording | undefined;
  /** Whether the sector has a fact vocabulary in the library. */
  hasVocabulary: (sector: string) => boolean;
  /** Whether the sector gets a fact vocabulary page (it has a vocabulary or rules that read facts). */
  hasFactsPage: (sector: string) => boolean;
}

/** The order documents are listed in: by document id, the newest version first. */
const byIdThenNewest = (a: LoadedDocument, b: LoadedDocument): number =>
  a.id === b.id ? b.effectiveFrom.localeCompare(a.effectiveFrom) : a.id.localeCompare(b.id);

export const loadCatalogue = (asOf: string): Catalogue => {
  const { sectors, documents: loaded } = loadRuleDocuments();
  const documents = [...loaded].sort(byIdThenNewest);
  const known = new Set(sectors.map((sector) => sector.id));
  // A document whose sector is missing from sectors.json still gets its pages, under a sector named by its id.
  const allSectors: Sector[] = [
    ...sectors,
    ...[...new Set(documents.map((document) => document.sector))].filter((id) => !known.has(id)).map((id) => ({ id, title: { zh: id, en: id } })),
  ];
  const rulesById = new Map<string, RuleEntry[]>();
  for (const document of documents) {
    document.rules.forEach((rule, index) => rulesById.set(rule.id, [...(rulesById.get(rule.id) ?? []), { document, rule, index }]));
  }
  const findRule = (id: string, near?: LoadedDocument): RuleEntry | undefined => {
    const entries = rulesById.get(id) ?? [];
    return entries.find((entry) => entry.document === near) ?? entries[0];
  };
  const hasVocabulary = (sector: string): boolean => vocabularyFor(sector) !== undefined;
  const documentsOf = (sector: string): LoadedDocument[] => documents.filter((document) => document.sector === sector);
  return {
    asOf,
    sectors: allSectors,
    documents,
    documentsOf,
    findRule,
    factWording: (document, fact) => {
      const vocabulary = vocabularyFor(document.sector);
      const derived = document.derivedFacts[fact];
      if (derived) return { label: derived.label, ...(derived.unit ? { unit: derived.unit } : {}) };
      if (!vocabulary) return { label: { zh: fact, en: fact } };
      const description = describeFact(vocabulary, document, fact);
      return {
        label: description.label,
        ...(description.unit ? { unit: description.unit } : {}),
        ...(description.optionLabels ? { optionLabels: description.optionLabels } : {}),
      };
    },
    ruleReference: (document) => (id) => {
      const entry = findRule(id, document);
      if (!entry) return undefined;
      return { label: entry.rule.citation.label, title: entry.rule.title, link: rulePage(entry.document, entry.rule.id) };
    },
    tableWording: (document) => (id) => {
      const table = document.tables[id];
      return table ? { title: table.title, valueLabel: table.value.label } : undefined;
    },
    hasVocabulary,
    hasFactsPage: (sector) => hasVocabulary(sector) || documentsOf(sector).some((document) => document.rules.length > 0),
  };
};
