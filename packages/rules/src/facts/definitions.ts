// A sector's fact definitions read straight from its facts.json (no zod object built): what assess needs on
// its hot path — the plain checks of each value, the labels of each fact and the finite domains — so a
// process that assesses one sector does not pay for building the zod vocabularies of all of them.
import type { RuleDocument } from '../documents/format.js';
import type { FactDescription } from '../engine/three-valued.js';
import type { FactDefinition } from './format.js';
import { loadVocabularies } from './load.js';
import { validateFacts, vocabularyFor } from './vocabulary.js';

const definitionsCache = new Map<string, ReadonlyMap<string, FactDefinition>>();

/** The sector's facts in vocabulary order (shared facts it uses first, then its own); undefined without a facts.json. */
export const definitionsFor = (sector: string): ReadonlyMap<string, FactDefinition> | undefined => {
  const cached = definitionsCache.get(sector);
  if (cached) return cached;
  const { files, shared } = loadVocabularies();
  const file = files.get(sector);
  if (!file) return undefined;
  const definitions = new Map<string, FactDefinition>();
  for (const name of file.uses) {
    const definition = shared[name];
    if (!definition) throw new Error(`facts of ${sector}: uses ${name}, which is not in shared-facts.json`);
    definitions.set(name, definition);
  }
  for (const [name, definition] of Object.entries(file.facts)) definitions.set(name, definition);
  definitionsCache.set(sector, definitions);
  return definitions;
};

/** Whether the sector has a fact vocabulary (and so can be assessed). */
export const hasVocabulary = (sector: string): boolean => loadVocabularies().files.has(sector);

type Check = (value: unknown) => boolean;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The plain check of one kind: it accepts exactly what the zod field built from the same definition accepts (fields.ts). */
export const checkOf = (definition: FactDefinition): Check => {
  switch (definition.kind) {
    case 'quantity':
      return (value) => isNumber(value) && value >= 0;
    case 'signedQuantity':
      return isNumber;
    case 'percent':
      return (value) => isNumber(value) && value >= 0 && value <= 100;
    case 'count':
      return (value) => Number.isSafeInteger(value) && (value as number) >= 0;
    case 'observed':
      return (value) => typeof value === 'boolean';
    case 'oneOf': {
      const allowed = new Set(Object.keys(definition.options));
      return (value) => typeof value === 'string' && allowed.has(value);
    }
    case 'someOf': {
      const allowed = new Set(Object.keys(definition.options));
      return (value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && allowed.has(item));
    }
    case 'date':
      return (value) => typeof value === 'string' && datePattern.test(value);
  }
};

export type FactsValidator = (facts: unknown) => Record<string, unknown>;

const validators = new Map<string, FactsValidator>();

/**
 * The sector's facts validator: answered facts (nulls dropped) when every field passes its plain check;
 * anything else — an unknown or old name, a value that does not fit — goes to zod (the vocabulary is built
 * then), so errors and the reading of old names are zod's, word for word.
 */
export const factsValidatorOfSector = (sector: string): FactsValidator => {
  let validator = validators.get(sector);
  if (validator) return validator;
  const definitions = definitionsFor(sector);
  if (!definitions) throw new Error(`no fact vocabulary for sector ${sector}`);
  const slow: FactsValidator = (facts) => validateFacts(vocabularyFor(sector)!, facts);
  const checks = new Map<string, Check>();
  // An old name (an alias) is not a fact of the file, so it never takes the fast path: zod reads it as its new facts.
  for (const [name, definition] of definitions) checks.set(name, checkOf(definition));
  validator = (facts) => {
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) return slow(facts);
    const answered: Record<string, unknown> = {};
    for (const name of Object.keys(facts)) {
      const value = (facts as Record<string, unknown>)[name];
      if (value === null || value === undefined) continue;
      const check = checks.get(name);
      if (!check || !check(value)) return slow(facts);
      answered[name] = value;
    }
    return answered;
  };
  validators.set(sector, validator);
  return validator;
};

const unitOf = (definition: FactDefinition): string | undefined => {
  if (definition.kind === 'quantity' || definition.kind === 'signedQuantity' || definition.kind === 'count') return definition.unit;
  return definition.kind === 'percent' ? '%' : undefined;
};

/** Labels for a fact: derived facts from the document, observed facts from the definitions (as describeFact gives them). */
export const describeDefinedFact = (sector: string, document: Pick<RuleDocument, 'derivedFacts'>, fact: string): FactDescription => {
  const derived = document.derivedFacts[fact];
  if (derived) return { label: derived.label, ...(derived.unit ? { unit: derived.unit } : {}) };
  const definition = definitionsFor(sector)?.get(fact);
  if (!definition) return { label: { zh: fact, en: fact } };
  const unit = unitOf(definition);
  return {
    label: { zh: definition.label.zh, en: definition.label.en },
    ...(unit ? { unit } : {}),
    ...(definition.kind === 'oneOf' || definition.kind === 'someOf' ? { optionLabels: definition.options } : {}),
  };
};

/** Every value a yes/no, one-of or short several-of fact can take (a list of at most four options: every subset). */
export const finiteDomainsOfSector = (sector: string): Map<string, readonly unknown[]> => {
  const domains = new Map<string, readonly unknown[]>();
  for (const [name, definition] of definitionsFor(sector) ?? []) {
    if (definition.kind === 'observed') domains.set(name, [true, false]);
    else if (definition.kind === 'oneOf') domains.set(name, Object.keys(definition.options));
    else if (definition.kind === 'someOf') {
      const options = Object.keys(definition.options);
      if (options.length <= 4) domains.set(name, Array.from({ length: 2 ** options.length }, (_, mask) => options.filter((_, bit) => mask & (1 << bit))));
    }
  }
  return domains;
};
