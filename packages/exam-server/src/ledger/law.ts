// The ledger's legal parameters (order 16: treatment-plan contents, statistics due dates, the major-hazard
// report), read from order16.json with their citations, so no article or date rule is written in code.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const lawSchema = z.object({
  document: z.object({ title: z.string(), number: z.string(), effective: z.string() }),
  treatmentPlan: z.object({ citation: z.string(), verified: z.boolean(), note: z.string(), contents: z.array(z.object({ key: z.string(), label: z.string(), fields: z.array(z.string()).min(1) })).min(1) }),
  majorHazardReport: z.object({ citation: z.string(), verified: z.boolean(), note: z.string(), contents: z.array(z.string()).min(1) }),
  statistics: z.object({
    citation: z.string(),
    verified: z.boolean(),
    signedBy: z.string(),
    quarterly: z.object({ dueMonthAfterPeriod: z.number().int().min(1), dueDay: z.number().int().min(1).max(31), reading: z.string() }),
    annual: z.object({ dueMonthAfterPeriod: z.number().int().min(1), dueDay: z.number().int().min(1).max(31), reading: z.string() }),
    boundary: z.string(),
  }),
  acceptance: z.object({ verified: z.boolean(), note: z.string() }),
});

export type Order16 = z.infer<typeof lawSchema>;

/** Parsed once at start; a broken file stops the server naming the path inside it. */
export const order16: Order16 = lawSchema.parse(JSON.parse(readFileSync(new URL('./order16.json', import.meta.url), 'utf8')));
