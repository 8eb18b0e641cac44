// What a sector's zod vocabulary says of each field, read from its def: the kind (the CLI screen reads CSV
// cells by it) and the finite domains (the reference definitions.ts is tested against). Validation on the
// hot path is facts/definitions.ts, which reads facts.json without building zod.
import type { FactVocabulary } from '../facts/build.js';

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, string | number>;
  shape?: Record<string, { _zod: { def: Def } }>;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

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
