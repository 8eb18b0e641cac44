// Evaluating one rule of one document version on facts, as assess() does, for the case runners.
import { assessDocument, type Finding } from '../../packages/rules/src/engine/assess.js';
import { loadRulesData, type LoadedDocument } from '../../packages/rules/src/documents/load.js';
import { validateFacts, vocabularyFor, vocabularyJsonSchema } from '../../packages/rules/src/facts/vocabulary.js';

export const documentById = (id: string, version: string): LoadedDocument => {
  const document = loadRulesData().documents.find((candidate) => candidate.id === id && candidate.version === version);
  if (!document) throw new Error(`no document ${id}@${version} in rules-data`);
  return document;
};

export const evaluateRule = async (document: LoadedDocument, ruleId: string, facts: Record<string, unknown>): Promise<Finding> => {
  const vocabulary = vocabularyFor(document.sector);
  if (!vocabulary) throw new Error(`no vocabulary for ${document.sector}`);
  const [finding] = await assessDocument(document, validateFacts(vocabulary, facts), [ruleId]);
  if (!finding) throw new Error(`no rule ${ruleId} in ${document.id}@${document.version}`);
  return finding;
};

const schemas = new Map<string, { properties?: Record<string, { type?: string }> }>();

/** The JSON Schema type of an observed fact ('integer' steps by whole numbers in boundary properties). */
export const factType = (sector: string, fact: string): string | undefined => {
  const vocabulary = vocabularyFor(sector);
  if (!vocabulary) return undefined;
  if (!schemas.has(sector)) schemas.set(sector, vocabularyJsonSchema(vocabulary) as { properties?: Record<string, { type?: string }> });
  return schemas.get(sector)!.properties?.[fact]?.type;
};
