// Loads rules-data once, validates every file with zod, and answers which versions are in force.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, ruleDocumentSchema, type Condition, type RuleDocument } from './format.js';
import { factsReadBy, referencesOf } from './conditions.js';
import { fullTestOf } from '../engine/rule-tests.js';
import { formatIssues } from '../validation/issues.js';

export const sectorSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: bilingualSchema });
export type Sector = z.infer<typeof sectorSchema>;
/** rules-data/sectors.json: the sectors, in the order pages and lists show them. */
export const sectorsFileSchema = z.strictObject({ $schema: z.string().optional(), sectors: z.array(sectorSchema) });

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
    if (statSync(path).isDirectory()) return ['question-bank', 'exams', 'schema'].includes(name) ? [] : documentFiles(path);
    return name.endsWith('.json') && !['sectors.json', 'facts.json', 'shared-facts.json'].includes(name) ? [path] : [];
  });

export class RulesDataError extends Error {}

/**
 * Checks what the format alone cannot: every `{ condition }` names a shared condition or a rule of the
 * document, shared conditions do not refer to themselves, and a rule's written `facts` (optional) are
 * exactly what its conditions read. Fills in `facts` where the file leaves it out.
 */
const linkDocument = (parsed: ReturnType<typeof ruleDocumentSchema.parse>, file: string): RuleDocument => {
  const problems: string[] = [];
  const ruleIds = new Set(parsed.rules.map((rule) => rule.id));
  const known = (name: string) => name in parsed.sharedConditions || ruleIds.has(name);
  const sharedCycle = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path, name];
    const shared = parsed.sharedConditions[name];
    if (!shared) return undefined;
    for (const next of referencesOf(shared.conditions)) {
      const cycle = sharedCycle(next, [...path, name]);
      if (cycle) return cycle;
    }
    return undefined;
  };
  for (const [name, shared] of Object.entries(parsed.sharedConditions)) {
    for (const reference of referencesOf(shared.conditions)) if (!known(reference)) problems.push(`sharedConditions.${name}: refers to unknown condition ${reference}`);
    const cycle = sharedCycle(name, []);
    if (cycle) problems.push(`sharedConditions.${name}: refers to itself (${cycle.join(' → ')})`);
  }
  const conditionsOfRule = (id: string): Condition | undefined => {
    const rule = parsed.rules.find((candidate) => candidate.id === id);
    return rule ? fullTestOf(parsed, rule) : undefined;
  };
  const rules = parsed.rules.map((rule, index) => {
    for (const reference of [...referencesOf(rule.conditions), ...referencesOf(rule.appliesWhen)]) {
      if (!known(reference)) problems.push(`rules.${index}.conditions: refers to unknown condition ${reference} (neither a shared condition nor a rule)`);
    }
    const read = factsReadBy(fullTestOf(parsed, rule), parsed, conditionsOfRule, new Set([rule.id]));
    if (rule.facts) {
      const written = [...new Set(rule.facts)].sort();
      const expected = [...read].sort();
      if (written.join() !== expected.join()) problems.push(`rules.${index}.facts: lists ${written.join(', ')} but the conditions read ${expected.join(', ')}`);
    }
    return { ...rule, facts: rule.facts ?? read };
  });
  if (problems.length > 0) throw new RulesDataError(`${file}:\n${problems.join('\n')}`);
  return { ...parsed, rules };
};

/** Parses one rules-data file; throws a RulesDataError naming the file and every offending field. */
export const parseDocument = (raw: unknown, file: string): LoadedDocument => {
  const parsed = ruleDocumentSchema.safeParse(raw);
  if (!parsed.success) throw new RulesDataError(`${file}:\n${formatIssues(parsed.error.issues, '').join('\n')}`);
  return { ...linkDocument(parsed.data, file), file };
};

let cache: { sectors: Sector[]; documents: LoadedDocument[] } | undefined;

export const loadRulesData = (): { sectors: Sector[]; documents: LoadedDocument[] } => {
  if (cache) return cache;
  const directory = rulesDataDirectory();
  const parsedSectors = sectorsFileSchema.safeParse(JSON.parse(readFileSync(join(directory, 'sectors.json'), 'utf8')));
  if (!parsedSectors.success) throw new RulesDataError(`sectors.json:\n${formatIssues(parsedSectors.error.issues, '').join('\n')}`);
  const { sectors } = parsedSectors.data;
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
