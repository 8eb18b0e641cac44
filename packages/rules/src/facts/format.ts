// The fact-vocabulary format (rules-data/<sector>/facts.json): what each fact is, in which unit, how it is
// labelled and how it reads in a sentence. A generic builder turns it into the sector's zod schema.
import { z } from 'zod';

const text = z.string().min(1);
const label = z.strictObject({ zh: text, en: text });
/** Shown to the person answering: how to measure, where the figure comes from. */
const hint = z.strictObject({ zh: text, en: text.optional() });
const factName = z.string().regex(/^[a-z][A-Za-z0-9_]*$/, 'expected a camelCase fact name such as approvedCapacityTonnesPerYear');
/** Option values are identifiers; their labels are what a Chinese reader sees. */
const options = z.record(text, text).refine((value) => Object.keys(value).length > 0, 'expected at least one option');

/**
 * An old name this fact replaces, accepted in input for one minor version with a deprecation notice:
 * without `values` the old answer is this fact's answer (a rename); with `values` each old answer, keyed by
 * its JSON text ("true"), stands for the new observations listed, the reading that gives the verdict the old
 * fact gave; an old answer with no entry is set aside (`values: {}` sets every answer aside, for a fact
 * whose meaning changed so that no reading of it is honest).
 */
export const factAliasSchema = z.strictObject({
  name: factName,
  deprecatedIn: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version such as 0.2.0'),
  values: z.record(z.string(), z.record(factName, z.unknown())).optional(),
  /** The facts to answer instead, named in the notice (default: the facts `values` reads, else this fact). */
  replacedBy: z.array(factName).min(1).optional(),
  /** Why the name changed, shown with the notice. */
  note: label.optional(),
});

const common = {
  label,
  hint: hint.optional(),
  aliases: z.array(factAliasSchema).min(1).optional(),
};

export const factDefinitionSchema = z.discriminatedUnion('kind', [
  /** A measured quantity ≥ 0 (t, t/a, m, m³/min, MPa …). */
  z.strictObject({ kind: z.literal('quantity'), unit: text, ...common }),
  /** A signed quantity (an elevation, a temperature). */
  z.strictObject({ kind: z.literal('signedQuantity'), unit: text, ...common }),
  /** A percentage from 0 to 100. */
  z.strictObject({ kind: z.literal('percent'), ...common }),
  /** A whole count ≥ 0. */
  z.strictObject({ kind: z.literal('count'), unit: text.default('个'), ...common }),
  /** A yes/no observation, phrased as what an inspector records; `sentence` is how each answer reads in a sentence. */
  z.strictObject({ kind: z.literal('observed'), sentence: z.strictObject({ yes: text, no: text }).optional(), ...common }),
  /** One of a closed set of values. */
  z.strictObject({ kind: z.literal('oneOf'), options, ...common }),
  /** Several of a closed set of values. */
  z.strictObject({ kind: z.literal('someOf'), options, ...common }),
  /** A calendar date YYYY-MM-DD. */
  z.strictObject({ kind: z.literal('date'), ...common }),
]);

export const factsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** The sector these facts describe; "shared" for the file of facts several sectors ask in the same words. */
    sector: z.string().regex(/^[a-z0-9-]+$/),
    /** Facts of rules-data/shared-facts.json this sector asks too, listed by name. */
    uses: z.array(factName).default([]),
    facts: z.record(factName, factDefinitionSchema),
  })
  .superRefine((file, ctx) => {
    // An old name is read in place of facts of this file: it names them, and it is no fact itself.
    const known = (name: string) => name in file.facts || file.uses.includes(name);
    const seen = new Map<string, string>();
    for (const [name, fact] of Object.entries(file.facts)) {
      (fact.aliases ?? []).forEach((alias, index) => {
        const path = ['facts', name, 'aliases', index];
        if (known(alias.name)) ctx.addIssue({ code: 'custom', path: [...path, 'name'], message: `${alias.name} is a fact of this file, not an old name` });
        const other = seen.get(alias.name);
        if (other !== undefined) ctx.addIssue({ code: 'custom', path: [...path, 'name'], message: `${alias.name} is already an old name of ${other}` });
        seen.set(alias.name, name);
        const targets = [...(alias.replacedBy ?? []), ...Object.values(alias.values ?? {}).flatMap((facts) => Object.keys(facts))];
        for (const target of new Set(targets)) {
          if (!known(target)) ctx.addIssue({ code: 'custom', path, message: `names ${target}, which is not a fact of this file` });
        }
      });
    }
  });

export type FactDefinition = z.output<typeof factDefinitionSchema>;
export type FactsFile = z.output<typeof factsFileSchema>;
export type FactsFileInput = z.input<typeof factsFileSchema>;
