// Fast validation of facts, compiled from a sector's zod vocabulary (its def walked once): plain checks
// accept what zod would accept; anything doubtful goes to zod itself, which also writes every error.
import type { FactVocabulary } from '../facts/build.js';
import { validateFacts } from '../facts/vocabulary.js';

type Check = (value: unknown) => boolean;

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string } } }[];
  catchall?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A check for one field, or undefined when the field is of a kind this compiler does not know. */
const compileField = (def: Def): Check | undefined => {
  if (def.type === 'optional' && def.innerType) return compileField(defOf(def.innerType));
  switch (def.type) {
    case 'boolean':
      return def.checks?.length ? undefined : (value) => typeof value === 'boolean';
    case 'enum': {
      if (def.checks?.length || !def.entries) return undefined;
      const allowed = new Set(Object.values(def.entries));
      return (value) => allowed.has(value as string);
    }
    case 'array': {
      if (def.checks?.length || !def.element) return undefined;
      const element = compileField(defOf(def.element));
      if (!element) return undefined;
      return (value) => Array.isArray(value) && value.every(element);
    }
    case 'number': {
      const bounds: Check[] = [];
      for (const check of def.checks ?? []) {
        const { check: kind, value: limit, inclusive, format } = check._zod.def;
        if (kind === 'greater_than' && typeof limit === 'number') bounds.push(inclusive ? (value) => (value as number) >= limit : (value) => (value as number) > limit);
        else if (kind === 'less_than' && typeof limit === 'number') bounds.push(inclusive ? (value) => (value as number) <= limit : (value) => (value as number) < limit);
        else if (kind === 'number_format' && format === 'safeint') bounds.push((value) => Number.isSafeInteger(value));
        else return undefined;
      }
      // Written out for the usual one or two bounds: a closure per call (bounds.every) showed in batch profiles.
      const [first, second] = bounds;
      if (bounds.length === 0) return (value) => typeof value === 'number' && Number.isFinite(value);
      if (bounds.length === 1) return (value) => typeof value === 'number' && Number.isFinite(value) && first!(value);
      if (bounds.length === 2) return (value) => typeof value === 'number' && Number.isFinite(value) && first!(value) && second!(value);
      return (value) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        for (const bound of bounds) if (!bound(value)) return false;
        return true;
      };
    }
    default:
      return undefined;
  }
};

export type FactsValidator = (facts: unknown) => Record<string, unknown>;

/**
 * Compiles a validator for a vocabulary. It returns the answered facts (nulls dropped) when every field
 * passes the plain checks, and otherwise hands the input to zod, so that errors are zod's, word for word.
 */
export const compileFactsValidator = (vocabulary: FactVocabulary): FactsValidator => {
  const slow: FactsValidator = (facts) => validateFacts(vocabulary, facts);
  const root = defOf(vocabulary);
  // Only a strict object of plain fields compiles; defaults, transforms or a lenient object stay with zod.
  if (root.type !== 'object' || !root.shape || !root.catchall || defOf(root.catchall).type !== 'never') return slow;
  const checks = new Map<string, Check>();
  for (const [name, field] of Object.entries(root.shape)) {
    const def = defOf(field);
    if (def.type !== 'optional') return slow;
    const check = compileField(def);
    checks.set(name, check ?? ((value) => (field as unknown as { safeParse: (input: unknown) => { success: boolean; data?: unknown } }).safeParse(value).data === value));
  }
  return (facts) => {
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) return slow(facts);
    // The copy is what is checked and what is evaluated (findings are rendered from it later, so a change
    // to the caller's object must not reach them). Spreading is far cheaper than adding keys one by one.
    const answered: Record<string, unknown> = { ...(facts as Record<string, unknown>) };
    const names = Object.keys(answered);
    let unanswered = false;
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index]!;
      const value = answered[name];
      if (value === null || value === undefined) {
        unanswered = true;
        continue;
      }
      const check = checks.get(name);
      if (!check || !check(value)) return slow(facts);
      if (Array.isArray(value)) answered[name] = value.slice();
    }
    if (unanswered) for (const name of names) if (answered[name] === null || answered[name] === undefined) delete answered[name];
    return answered;
  };
};

const validators = new WeakMap<FactVocabulary, FactsValidator>();

/** The compiled validator of a vocabulary, built on first use. */
export const factsValidatorFor = (vocabulary: FactVocabulary): FactsValidator => {
  let validator = validators.get(vocabulary);
  if (!validator) validators.set(vocabulary, (validator = compileFactsValidator(vocabulary)));
  return validator;
};

export type FieldKind = 'number' | 'boolean' | 'enum' | 'list' | 'text';

/** The kind of each field of a vocabulary, read from its zod def (to read CSV cells, which are all text). */
export const fieldKindsOf = (vocabulary: FactVocabulary): Map<string, FieldKind> => {
  const kinds = new Map<string, FieldKind>();
  const kindOf = (def: Def): FieldKind => {
    if (def.type === 'optional' && def.innerType) return kindOf(defOf(def.innerType));
    if (def.type === 'number') return 'number';
    if (def.type === 'boolean') return 'boolean';
    if (def.type === 'enum') return 'enum';
    if (def.type === 'array') return 'list';
    return 'text';
  };
  for (const [name, field] of Object.entries(defOf(vocabulary).shape ?? {})) kinds.set(name, kindOf(defOf(field)));
  return kinds;
};

/** Every value a yes/no, one-of or short several-of field can take (the finite domains), read from the zod def. */
export const finiteDomainsOf = (vocabulary: FactVocabulary): Map<string, readonly unknown[]> => {
  const domains = new Map<string, readonly unknown[]>();
  const domainOf = (def: Def): readonly unknown[] | undefined => {
    if (def.type === 'optional' && def.innerType) return domainOf(defOf(def.innerType));
    if (def.type === 'boolean') return [true, false];
    if (def.type === 'enum' && def.entries) return Object.values(def.entries);
    // A list of a few options: every subset (at most 16).
    if (def.type === 'array' && def.element) {
      const options = domainOf(defOf(def.element));
      if (!options || options.length > 4) return undefined;
      return Array.from({ length: 2 ** options.length }, (_, mask) => options.filter((_, bit) => mask & (1 << bit)));
    }
    return undefined;
  };
  for (const [name, field] of Object.entries(defOf(vocabulary).shape ?? {})) {
    const domain = domainOf(defOf(field));
    if (domain) domains.set(name, domain);
  }
  return domains;
};
