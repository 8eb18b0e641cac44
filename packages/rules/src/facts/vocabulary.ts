// Reading a sector's fact vocabulary: validation of user facts, labels for explanations, JSON Schema.
import { z } from 'zod';
import type { RuleDocument } from '../documents/format.js';
import type { FactDescription } from '../engine/three-valued.js';
import { InputError, toInputIssues } from '../validation/issues.js';
import { resolveFactAliases, warnDeprecatedFacts } from './aliases.js';
import type { FactVocabulary } from './build.js';
import type { FactAlias } from './fields.js';
import { loadVocabularies } from './load.js';

export type { FactVocabulary } from './build.js';

/** The sector's fact vocabulary, built from rules-data/<sector>/facts.json; undefined for a sector without one. */
export const vocabularyFor = (sector: string): FactVocabulary | undefined => loadVocabularies().vocabularies.get(sector);

interface FieldMeta {
  title?: string;
  description?: string;
  unit?: string;
  hint?: string;
  optionLabels?: Record<string, string>;
  aliases?: FactAlias[];
  sentence?: { yes: string; no: string };
}

/** The metadata a field builder attached (it sits on the schema inside `.optional()`). */
export const fieldMeta = (field: z.ZodType | undefined): FieldMeta => {
  let current: z.ZodType | undefined = field;
  while (current) {
    const meta = z.globalRegistry.get(current) as FieldMeta | undefined;
    if (meta) return meta;
    current = current instanceof z.ZodOptional ? (current.unwrap() as z.ZodType) : undefined;
  }
  return {};
};

/** Labels for a fact: observed facts from the vocabulary, derived facts from the document. */
export const describeFact = (vocabulary: FactVocabulary, document: Pick<RuleDocument, 'derivedFacts'>, fact: string): FactDescription => {
  const derived = document.derivedFacts[fact];
  if (derived) return { label: derived.label, ...(derived.unit ? { unit: derived.unit } : {}) };
  const meta = fieldMeta(vocabulary.shape[fact] as z.ZodType | undefined);
  return {
    label: { zh: meta.title ?? fact, en: meta.description ?? fact },
    ...(meta.unit ? { unit: meta.unit } : {}),
    ...(meta.optionLabels ? { optionLabels: meta.optionLabels } : {}),
  };
};

/**
 * Validates facts against the sector's vocabulary. A null answer means "not known" and is dropped, so a
 * form can send every field; anything else that does not fit is listed, field by field.
 */
export const validateFacts = (vocabulary: FactVocabulary, facts: unknown): Record<string, unknown> => {
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
    throw new InputError([{ path: 'facts', message: 'expected an object of facts (字段名: 值)' }]);
  }
  const given = Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null && value !== undefined));
  const { facts: answered, deprecated } = resolveFactAliases(vocabulary, given);
  warnDeprecatedFacts(deprecated);
  const parsed = vocabulary.safeParse(answered);
  if (!parsed.success) throw new InputError(toInputIssues(parsed.error.issues, 'facts', answered));
  return parsed.data as Record<string, unknown>;
};

export type JSONSchema = Record<string, unknown>;

/** JSON Schema of the vocabulary, restricted to `facts` when given (the facts the documents in force read). */
export const vocabularyJsonSchema = (vocabulary: FactVocabulary, facts?: ReadonlySet<string>): JSONSchema => {
  const shape = facts ? Object.fromEntries(Object.entries(vocabulary.shape).filter(([name]) => facts.has(name))) : vocabulary.shape;
  return z.toJSONSchema(z.strictObject(shape), { target: 'draft-2020-12', unrepresentable: 'any' }) as JSONSchema;
};
