// Builders for fact fields: each fact is a zod schema carrying its Chinese/English label and unit,
// so validation errors, JSON Schema and self-assessment forms all speak the same words.
import { z } from 'zod';

export interface FactLabel {
  zh: string;
  en: string;
  /** Shown to the person answering: how to measure or where the figure comes from. */
  hint?: string;
  /** Old names this fact replaces, accepted for one minor version (see CHANGELOG.md). */
  aliases?: FactAlias[];
}

/**
 * An old fact name still accepted in input, with a deprecation notice, for one minor version. Without
 * `values` the old answer is this fact's answer (a plain rename); with `values` each old answer (keyed by
 * its JSON text, e.g. "true") stands for the facts listed, the reading of the new observations that gives
 * the verdict the old fact gave. An old answer with no entry is set aside (unknown): `values: {}` sets every
 * answer aside, for a fact whose meaning changed so that no reading of it is honest.
 */
export interface FactAlias {
  name: string;
  /** The version that deprecated the old name; it is removed in the next minor version after it. */
  deprecatedIn: string;
  values?: Record<string, Record<string, unknown>>;
  /** The facts to answer instead, named in the notice (default: the facts `values` reads, else this one). */
  replacedBy?: string[];
  /** Why the name changed, shown with the notice. */
  note?: { zh: string; en: string };
}

const meta = (label: FactLabel, extra: Record<string, unknown> = {}) => ({
  title: label.zh,
  description: label.en,
  ...(label.hint ? { hint: label.hint } : {}),
  ...(label.aliases ? { aliases: label.aliases } : {}),
  ...extra,
});

/** A measured quantity ≥ 0, unit in the fact's name and here (t, t/a, %, m, m³/min, MPa …). */
export const quantity = (label: FactLabel, unit: string) =>
  z.number({ error: `expected a number ≥ 0 (${unit})` }).min(0, `expected a number ≥ 0 (${unit})`).meta(meta(label, { unit })).optional();

/** A signed quantity (a temperature, a difference). */
export const signedQuantity = (label: FactLabel, unit: string) =>
  z.number({ error: `expected a number (${unit})` }).meta(meta(label, { unit })).optional();

/** A percentage 0–100. */
export const percent = (label: FactLabel) =>
  z
    .number({ error: 'expected a percentage between 0 and 100' })
    .min(0, 'expected a percentage between 0 and 100')
    .max(100, 'expected a percentage between 0 and 100')
    .meta(meta(label, { unit: '%' }))
    .optional();

/** A whole count ≥ 0 (persons, faces, boreholes). */
export const count = (label: FactLabel, unit = '个') =>
  z
    .number({ error: `expected a whole number ≥ 0 (${unit})` })
    .int(`expected a whole number ≥ 0 (${unit})`)
    .min(0, `expected a whole number ≥ 0 (${unit})`)
    .meta(meta(label, { unit }))
    .optional();

/** A yes/no observation, phrased as what an inspector records (never a verdict). */
export const observed = (label: FactLabel) =>
  z.boolean({ error: 'expected true or false' }).meta(meta(label)).optional();

/** One of a closed set of values, each with its Chinese label. */
export const oneOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  label: FactLabel,
  optionLabels: { [K in T[number]]: string },
) =>
  z
    .enum(values, { error: `expected one of: ${values.join(', ')}` })
    .meta(meta(label, { optionLabels }))
    .optional();

/** Several of a closed set (e.g. which special topics apply). */
export const someOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  label: FactLabel,
  optionLabels: { [K in T[number]]: string },
) =>
  z
    .array(z.enum(values, { error: `expected items among: ${values.join(', ')}` }), {
      error: `expected a list of: ${values.join(', ')}`,
    })
    .meta(meta(label, { optionLabels }))
    .optional();

/** A calendar date YYYY-MM-DD. */
export const date = (label: FactLabel) =>
  z
    .string({ error: 'expected a date YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
    .meta(meta(label, { format: 'date' }))
    .optional();
