// Loads rules-data once, validates every file with zod, and answers which versions are in force.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, ruleDocumentSchema, type RuleDocument } from './format.js';
import { formatIssues } from '../validation/issues.js';

const sectorSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: bilingualSchema });
export type Sector = z.infer<typeof sectorSchema>;

export interface LoadedDocument extends RuleDocument {
  /** Path of the file below rules-data/. */
  readonly file: string;
}

/**
 * Where rules-data is: inside the workspace, always the workspace's own folder (the copy the build makes
 * for packing may be stale); in an installed package, the copy shipped beside dist.
 */
export const rulesDataDirectory = (): string => {
  if (process.env.ANQUAN_RULES_DATA) return process.env.ANQUAN_RULES_DATA;
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const workspace = join(packageRoot, '..', '..');
  if (existsSync(join(workspace, 'pnpm-workspace.yaml')) && existsSync(join(workspace, 'rules-data', 'sectors.json'))) return join(workspace, 'rules-data');
  if (existsSync(join(packageRoot, 'rules-data', 'sectors.json'))) return join(packageRoot, 'rules-data');
  throw new Error(`rules-data not found beside ${packageRoot}`);
};

const documentFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return ['question-bank', 'exams'].includes(name) ? [] : documentFiles(path);
    return name.endsWith('.json') && name !== 'sectors.json' ? [path] : [];
  });

export class RulesDataError extends Error {}

/** Parses one rules-data file; throws a RulesDataError naming the file and every offending field. */
export const parseDocument = (raw: unknown, file: string): LoadedDocument => {
  const parsed = ruleDocumentSchema.safeParse(raw);
  if (!parsed.success) throw new RulesDataError(`${file}:\n${formatIssues(parsed.error.issues, '').join('\n')}`);
  return { ...parsed.data, file };
};

let cache: { sectors: Sector[]; documents: LoadedDocument[] } | undefined;

export const loadRulesData = (): { sectors: Sector[]; documents: LoadedDocument[] } => {
  if (cache) return cache;
  const directory = rulesDataDirectory();
  const sectors = z.array(sectorSchema).parse(JSON.parse(readFileSync(join(directory, 'sectors.json'), 'utf8')));
  const documents = documentFiles(directory)
    .sort()
    .map((path) => parseDocument(JSON.parse(readFileSync(path, 'utf8')), relative(directory, path)));
  cache = { sectors, documents };
  return cache;
};

export const isInForce = (document: RuleDocument, asOf: string): boolean =>
  document.effectiveFrom <= asOf && (document.effectiveTo === null || asOf <= document.effectiveTo);

/** Every document of the sector in force on `asOf` (one version per document id; supplements included). */
export const documentsInForce = (sector: string, asOf: string): LoadedDocument[] =>
  loadRulesData().documents.filter((document) => document.sector === sector && isInForce(document, asOf));

/** The version of one document in force on `asOf`, if any. */
export const documentVersionInForce = (documentId: string, asOf: string): LoadedDocument | undefined =>
  loadRulesData().documents.find((document) => document.id === documentId && isInForce(document, asOf));
