// The generic vocabulary builder: a facts.json (with the shared facts it uses) becomes the sector's zod
// object, each field carrying its labels, unit and option labels as .meta() for errors, forms and JSON Schema.
import { z } from 'zod';
import { count, date, observed, oneOf, percent, quantity, signedQuantity, someOf, type FactLabel } from './fields.js';
import type { FactDefinition, FactsFile } from './format.js';

export type FactVocabulary = z.ZodObject<z.ZodRawShape>;

/** One field from its definition; `extra` meta (sentence, English hint) is added after the builder's own. */
export const buildField = (definition: FactDefinition): z.ZodType => {
  const label: FactLabel = {
    zh: definition.label.zh,
    en: definition.label.en,
    ...(definition.hint ? { hint: definition.hint.zh } : {}),
    ...(definition.aliases ? { aliases: definition.aliases } : {}),
  };
  const field = ((): z.ZodType => {
    switch (definition.kind) {
      case 'quantity':
        return quantity(label, definition.unit);
      case 'signedQuantity':
        return signedQuantity(label, definition.unit);
      case 'percent':
        return percent(label);
      case 'count':
        return count(label, definition.unit);
      case 'observed':
        return observed(label);
      case 'oneOf':
        return oneOf(Object.keys(definition.options) as [string, ...string[]], label, definition.options);
      case 'someOf':
        return someOf(Object.keys(definition.options) as [string, ...string[]], label, definition.options);
      case 'date':
        return date(label);
    }
  })();
  const extra = {
    ...(definition.kind === 'observed' && definition.sentence ? { sentence: definition.sentence } : {}),
    ...(definition.hint?.en ? { hintEn: definition.hint.en } : {}),
  };
  if (Object.keys(extra).length === 0) return field;
  // The builders put their meta on the schema inside .optional(); keep it there, extended.
  const inner = (field as z.ZodOptional<z.ZodType>).unwrap();
  return inner.meta({ ...(z.globalRegistry.get(inner) ?? {}), ...extra }).optional();
};

/** The sector's vocabulary: its shared facts first, in the order named, then its own, in file order. */
export const buildVocabulary = (file: FactsFile, shared: Readonly<Record<string, FactDefinition>>): FactVocabulary => {
  const shape: Record<string, z.ZodType> = {};
  for (const name of file.uses) {
    const definition = shared[name];
    if (!definition) throw new Error(`facts of ${file.sector}: uses ${name}, which is not in shared-facts.json`);
    shape[name] = buildField(definition);
  }
  for (const [name, definition] of Object.entries(file.facts)) {
    if (name in shape) throw new Error(`facts of ${file.sector}: ${name} is both shared and the sector's own`);
    shape[name] = buildField(definition);
  }
  return z.strictObject(shape);
};
