// Where the tests find rules-data, the digests' item index and the case files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDirectory = process.env.ANQUAN_SHARED ?? join(repositoryRoot, '..', 'shared');
export const indexDirectory = join(sharedDirectory, 'sources', 'index');

const listJson = (directory: string, suffix: string): string[] =>
  existsSync(directory)
    ? readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? listJson(join(directory, entry.name), suffix) : entry.name.endsWith(suffix) ? [join(directory, entry.name)] : [],
      )
    : [];

const status = z.enum(['hazard', 'clear', 'unknown']);

export const casesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  document: z.strictObject({ id: z.string(), version: z.string() }),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  examples: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        rule: z.string().min(1),
        facts: z.record(z.string(), z.unknown()),
        expect: status,
        source: z.string().optional(),
      }),
    )
    .default([]),
  boundaries: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        rule: z.string().min(1),
        given: z.record(z.string(), z.unknown()).default({}),
        vary: z.string().min(1),
        per: z.string().optional(),
        /** A number, or a calendar date when `vary` is a date fact (a date window: steps are whole days). */
        at: z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number()]),
        below: status,
        atLimit: status,
        above: status,
        /** The largest step to either side, for limits close to another (the two ends of a 3–5 m range). */
        maxStep: z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().positive()]).optional(),
        source: z.string().optional(),
      }),
    )
    .default([]),
  /**
   * For counts of shared conditions (countHolding): facts that make each counted condition hold and fail,
   * written from the digest; a boundary on such a count makes the first N conditions hold.
   */
  witnesses: z
    .record(z.string(), z.strictObject({ holds: z.record(z.string(), z.unknown()), fails: z.record(z.string(), z.unknown()) }))
    .default({}),
});
export type CasesFile = z.output<typeof casesFileSchema>;

export const loadCaseFiles = (): { file: string; cases: CasesFile }[] =>
  listJson(join(repositoryRoot, 'tests', 'cases'), '.cases.json')
    .sort()
    .map((path) => {
      const file = relative(join(repositoryRoot, 'tests', 'cases'), path);
      const parsed = casesFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return { file, cases: parsed.data };
    });

export interface IndexItem {
  label: string;
  parent: string | null;
  verified: boolean;
  summary: string;
}
export interface IndexFile {
  document: { title: string; number: string; version: string; effectiveFrom: string | null; effectiveTo: string | null; itemsAvailable: boolean | 'partial' };
  counts: { entries: number; firstLevel: number; unverified: number };
  items: IndexItem[];
  /** Rules that are not items (industry-trade Art.14, fire 2017 exclusions and composites). */
  otherRules?: { label: string; verified: boolean }[];
}

export const readIndex = (name: string): IndexFile => JSON.parse(readFileSync(join(indexDirectory, name), 'utf8')) as IndexFile;
export const indexFiles = (): string[] => (existsSync(indexDirectory) ? readdirSync(indexDirectory).filter((name) => name.endsWith('.json')) : []);
