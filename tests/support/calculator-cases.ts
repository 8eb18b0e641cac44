// Calculator case files (tests/cases/calculators/*.calculator-cases.json): examples and boundary cases
// written from the digests' words, and the generic runner that checks each boundary at, below and above.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { z } from 'zod';
import { add, subtract, toDecimalString, toRational, type Rational } from '../../packages/rules/src/exact/rational.js';
import { repositoryRoot } from './repository.js';

const decimal = z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Expected values at dotted paths of the calculator's answer (`status`, `result.units[0].grade`, …). */
const expectation = z.record(z.string(), z.unknown());

export const calculatorCasesSchema = z.strictObject({
  calculator: z.string().min(1),
  asOf: date,
  /** The digest the cases are written from. */
  source: z.string().min(1),
  examples: z.array(z.strictObject({ name: z.string().min(1), input: z.unknown(), asOf: date.optional(), expect: expectation })).default([]),
  boundaries: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        input: z.unknown(),
        /** Dotted path of the input that varies, or `asOf` to vary the as-of date. */
        vary: z.string().min(1),
        /** number: exact decimals (steps 0.0001 up to maxStep); integer: whole steps; date: whole days; datetime: whole minutes. */
        kind: z.enum(['number', 'integer', 'date', 'datetime']),
        at: z.union([decimal, date, z.string().datetime({ offset: true })]),
        maxStep: z.number().positive().optional(),
        /** The as-of date of this boundary when it differs from the file's (a rule of an earlier version). */
        asOf: date.optional(),
        below: expectation,
        atLimit: expectation,
        above: expectation,
      }),
    )
    .default([]),
});
export type CalculatorCases = z.output<typeof calculatorCasesSchema>;
type Boundary = CalculatorCases['boundaries'][number];

const directory = join(repositoryRoot, 'tests', 'cases', 'calculators');

export const loadCalculatorCases = (): { file: string; cases: CalculatorCases }[] =>
  readdirSync(directory)
    .filter((name) => name.endsWith('.calculator-cases.json'))
    .sort()
    .map((file) => {
      const parsed = calculatorCasesSchema.safeParse(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return { file, cases: parsed.data };
    });

const segments = (path: string): (string | number)[] => path.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

export const readPath = (value: unknown, path: string): unknown =>
  segments(path).reduce<unknown>((node, key) => (node === null || node === undefined ? undefined : (node as Record<string | number, unknown>)[key]), value);

const writePath = (value: unknown, path: string, next: unknown): unknown => {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const keys = segments(path);
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[keys.at(-1)!] = next;
  return copy;
};

export const expectAt = (answer: unknown, expected: Record<string, unknown>, context: string): void => {
  for (const [path, value] of Object.entries(expected)) expect(readPath(answer, path), `${context}: ${path}`).toEqual(value);
};

const shiftDate = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Run = (input: unknown, options: { asOf: string }) => unknown;

/** At the limit, just below and just above it, for steps drawn by a seeded fast-check. */
export const checkBoundary = (run: Run, asOf: string, boundary: Boundary): number => {
  let checked = 0;
  const evaluate = (value: string | number, expected: Record<string, unknown>): void => {
    const input = boundary.vary === 'asOf' ? boundary.input : writePath(boundary.input, boundary.vary, value);
    const answer = run(input, { asOf: boundary.vary === 'asOf' ? String(value) : (boundary.asOf ?? asOf) });
    expectAt(answer, expected, `${boundary.vary} = ${value}`);
    checked += 1;
  };
  if (boundary.kind === 'datetime') {
    const at = Date.parse(String(boundary.at));
    const shifted = (minutes: number): string => new Date(at + minutes * 60_000).toISOString();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: boundary.maxStep ?? 600 }), (minutes) => {
        evaluate(shifted(0), boundary.atLimit);
        evaluate(shifted(-minutes), boundary.below);
        evaluate(shifted(minutes), boundary.above);
      }),
      { numRuns: 20, seed: 16 },
    );
    return checked;
  }
  if (boundary.kind === 'date') {
    const at = String(boundary.at);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: boundary.maxStep ?? 400 }), (days) => {
        evaluate(at, boundary.atLimit);
        evaluate(shiftDate(at, -days), boundary.below);
        evaluate(shiftDate(at, days), boundary.above);
      }),
      { numRuns: 20, seed: 16 },
    );
    return checked;
  }
  const at = toRational(boundary.at);
  const step =
    boundary.kind === 'integer'
      ? fc.integer({ min: 1, max: Math.max(1, Math.floor(boundary.maxStep ?? 5)) }).map((k) => toRational(k))
      : fc.integer({ min: 1, max: Math.max(1, Math.floor((boundary.maxStep ?? 100) * 10_000)) }).map((k) => ({ n: BigInt(k), d: 10_000n }));
  const asNumber = (value: Rational): number => Number(toDecimalString(value, 12));
  fc.assert(
    fc.property(step, (delta) => {
      evaluate(asNumber(at), boundary.atLimit);
      const below = subtract(at, delta);
      if (below.n >= 0n) evaluate(asNumber(below), boundary.below);
      evaluate(asNumber(add(at, delta)), boundary.above);
    }),
    { numRuns: 20, seed: 16 },
  );
  return checked;
};
