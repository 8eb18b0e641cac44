// Risk levels (四级四色) from an LEC score, read from risk-methods.json with its bands and their source:
// D = L × E × C compared exactly (each factor in tenths, so 0.1 × 0.5 never becomes a binary fraction).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const level = z.enum(['major', 'large', 'general', 'low']);
const decimalText = z.string().regex(/^\d+(\.\d)?$/);
const methodsSchema = z.object({
  levels: z.object({ source: z.string(), verified: z.boolean(), order: z.array(level), labels: z.record(level, z.string()), colours: z.record(level, z.string()) }),
  lec: z.object({
    source: z.string(),
    verified: z.boolean(),
    note: z.string(),
    L: z.array(z.object({ value: decimalText, label: z.string() })),
    E: z.array(z.object({ value: decimalText, label: z.string() })),
    C: z.array(z.object({ value: decimalText, label: z.string() })),
    bands: z.array(z.object({ level, above: decimalText.optional(), atLeast: decimalText.optional(), words: z.string() })),
    endpointNote: z.string(),
  }),
  ls: z.object({ source: z.string(), verified: z.boolean(), note: z.string(), L: z.array(decimalText), S: z.array(decimalText) }),
  controlLevels: z.object({ source: z.string(), verified: z.boolean(), note: z.string(), labels: z.record(z.string(), z.string()), usual: z.record(level, z.string()) }),
  card: z.object({ source: z.string(), verified: z.boolean(), note: z.string(), fields: z.array(z.object({ key: z.string(), label: z.string() })) }),
});

export type RiskLevel = z.infer<typeof level>;
export const riskMethods = methodsSchema.parse(JSON.parse(readFileSync(new URL('./risk-methods.json', import.meta.url), 'utf8')));

/** A decimal with at most one place as whole tenths: "0.5" → 5, "320" → 3200. */
export const tenths = (text: string): bigint => {
  const [whole, fraction = '0'] = text.split('.');
  return BigInt(whole!) * 10n + BigInt(fraction.padEnd(1, '0').slice(0, 1));
};

/** The level of a score given in thousandths (D × 1000 = L×10 · E×10 · C×10): the first band it reaches. */
export const levelOfScore = (scoreThousandths: bigint): RiskLevel => {
  for (const band of riskMethods.lec.bands) {
    if (band.above !== undefined && scoreThousandths > tenths(band.above) * 100n) return band.level;
    if (band.atLeast !== undefined && scoreThousandths >= tenths(band.atLeast) * 100n) return band.level;
    if (band.above === undefined && band.atLeast === undefined) return band.level;
  }
  throw new Error('risk-methods.json: the LEC bands end without a catch-all band');
};

export const lecInput = z.strictObject({
  L: z.string().refine((value) => riskMethods.lec.L.some((entry) => entry.value === value), `expected one of ${riskMethods.lec.L.map((entry) => entry.value).join(', ')}`),
  E: z.string().refine((value) => riskMethods.lec.E.some((entry) => entry.value === value), `expected one of ${riskMethods.lec.E.map((entry) => entry.value).join(', ')}`),
  C: z.string().refine((value) => riskMethods.lec.C.some((entry) => entry.value === value), `expected one of ${riskMethods.lec.C.map((entry) => entry.value).join(', ')}`),
});

/** LEC grading: D, the level, its colour, and the words of the band that decided it (a convention, said so). */
export const gradeLec = (input: z.infer<typeof lecInput>) => {
  const thousandths = tenths(input.L) * tenths(input.E) * tenths(input.C);
  const result = levelOfScore(thousandths);
  const whole = thousandths / 1000n;
  const rest = thousandths % 1000n;
  const d = rest === 0n ? whole.toString() : `${whole}.${rest.toString().padStart(3, '0').replace(/0+$/, '')}`;
  return {
    d,
    level: result,
    label: riskMethods.levels.labels[result]!,
    colour: riskMethods.levels.colours[result]!,
    band: riskMethods.lec.bands.find((band) => band.level === result)!.words,
    convention: riskMethods.lec.note,
    endpointNote: riskMethods.lec.endpointNote,
    usualControl: riskMethods.controlLevels.labels[riskMethods.controlLevels.usual[result]!]!,
  };
};
