// Loads rules-data once, checks all of it (see checks.ts), and answers which versions are in force.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, ruleDocumentSchema, type Condition, type RuleDocument } from './format.js';
import { factsReadBy } from './conditions.js';
import { fullTestOf } from '../engine/rule-tests.js';
import { crossDocumentProblems } from './checks.js';
import { cacheKey, readChecked, writeChecked } from './checked-cache.js';

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

const vocabularyFileNames = ['facts.json', 'shared-facts.json'];

/** The fact vocabularies: a checked document depends on them, so they are part of the cache key. */
const vocabularyFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return vocabularyFiles(path);
    return vocabularyFileNames.includes(name) ? [path] : [];
  });

const documentFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return ['question-bank', 'exams', 'schema', 'calculators'].includes(name) ? [] : documentFiles(path);
    // sectors.json lists the sectors; facts.json (and shared-facts.json) are the fact vocabularies.
    return name.endsWith('.json') && !vocabularyFileNames.includes(name) && name !== 'sectors.json' ? [path] : [];
  });

/** Broken rules-data: the message names every problem found, each with its file and where in it. */
export class RulesDataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`rules-data 有误 / rules-data is broken (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'RulesDataError';
    this.problems = problems;
  }
}

/**
 * Checks what the format alone cannot: every `{ condition }` names a shared condition or a rule of the
 * document, shared conditions do not refer to themselves, and a rule's written `facts` (optional) are
 * exactly what its conditions read. Fills in `facts` where the file leaves it out.
 */
const linkDocument = (parsed: ReturnType<typeof ruleDocumentSchema.parse>, file: string): RuleDocument => {
  // References that resolve and do not loop are checked with the rest of rules-data (checks.ts); a rule's
  // facts follow its references as far as they resolve.
  const problems: string[] = [];
  const conditionsOfRule = (id: string): Condition | undefined => {
    const rule = parsed.rules.find((candidate) => candidate.id === id);
    return rule ? fullTestOf(parsed, rule) : undefined;
  };
  const rules = parsed.rules.map((rule, index) => {
    const read = factsReadBy(fullTestOf(parsed, rule), parsed, conditionsOfRule, new Set([rule.id]));
    if (rule.facts) {
      const written = [...new Set(rule.facts)].sort();
      const expected = [...read].sort();
      if (written.join() !== expected.join()) problems.push(`rules.${index}.facts: lists ${written.join(', ')} but the conditions read ${expected.join(', ')}`);
    }
    return { ...rule, facts: rule.facts ?? read };
  });
  if (problems.length > 0) throw new RulesDataError(problems.map((problem) => `${file} ${problem}`));
  return { ...parsed, rules };
};

/** Parses JSON text; a syntax error becomes a problem naming the file, line and column. */
export const parseJsonFile = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = jsonErrorLineColumn(text, message);
    throw new RulesDataError([`${file}${position ? `:${position}` : ''}: not valid JSON (${message})`]);
  }
};

/** The offset of a JSON.parse failure: V8 reports a position, or (Node 20) only the text around the bad token. */
const jsonErrorOffset = (text: string, message: string): number | undefined => {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const context = /Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON/.exec(message);
  if (!context) return undefined;
  const [, token, cut, around] = context;
  const start = text.indexOf(around!);
  if (start < 0) return undefined;
  // V8 shows up to ten characters before the token when it cuts the text.
  return start + (cut ? 10 : Math.max(0, around!.indexOf(token!)));
};

/** "line:column" (1-based) of a JSON.parse failure, or '' when the message does not say where. */
const jsonErrorLineColumn = (text: string, message: string): string => {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `${lineColumn[1]}:${lineColumn[2]}`;
  const offset = jsonErrorOffset(text, message);
  if (offset === undefined) return '';
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
};

/** A JSON path such as $.rules[3].conditions.all[0].fact. */
const jsonPath = (path: readonly PropertyKey[]): string =>
  `$${path.map((part) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(String(part)) ? `.${String(part)}` : `[${JSON.stringify(String(part))}]`)).join('')}`;

/** Parses one rules-data file; throws a RulesDataError naming the file and the JSON path of every offending field. */
export const parseDocument = (raw: unknown, file: string): LoadedDocument => {
  const parsed = ruleDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RulesDataError(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => `${file} ${jsonPath([...issue.path, key])}: unknown field`)
          : [`${file} ${jsonPath(issue.path)}: ${issue.message}`],
      ),
    );
  }
  return { ...linkDocument(parsed.data, file), file };
};

interface RulesData {
  sectors: Sector[];
  documents: LoadedDocument[];
}

/** What the checked-data cache holds besides each sector's documents: the sectors and the documents' order. */
interface CheckedIndex {
  sectors: Sector[];
  /** Each document as [its sector, its place among the sector's documents], in load order. */
  order: [string, number][];
}

let cache: RulesData | undefined;
/** The checked index and the key of its cache entries, when this process found them in the cache. */
let checkedIndex: { key: string; index: CheckedIndex } | undefined;
/** Each sector's documents, read from the cache one sector at a time (the same objects `documents` holds). */
const sectorDocuments = new Map<string, LoadedDocument[]>();

const sectorEntry = (key: string, sector: string): string => `${key}-${sector}`;

/** Writes what was checked as an index and one entry per sector, so a process that asks about one sector reads only it. */
const writeCheckedData = (key: string, data: RulesData): void => {
  const bySector = new Map<string, LoadedDocument[]>();
  const order: [string, number][] = data.documents.map((document) => {
    let documents = bySector.get(document.sector);
    if (!documents) bySector.set(document.sector, (documents = []));
    documents.push(document);
    return [document.sector, documents.length - 1];
  });
  for (const [sector, documents] of bySector) writeChecked(sectorEntry(key, sector), documents);
  // The index last: a reader that finds it finds every sector's entry.
  writeChecked(key, { sectors: data.sectors, order } satisfies CheckedIndex);
};

/** One sector's checked documents from the cache; undefined when the entry is gone (then everything is checked again). */
const cachedSectorDocuments = (sector: string): LoadedDocument[] | undefined => {
  let documents = sectorDocuments.get(sector);
  if (documents || !checkedIndex) return documents;
  if (!checkedIndex.index.order.some(([candidate]) => candidate === sector)) documents = [];
  else documents = readChecked<LoadedDocument[]>(sectorEntry(checkedIndex.key, sector));
  if (documents) sectorDocuments.set(sector, documents);
  return documents;
};

/** Every document, assembled in load order from the per-sector entries of the cache. */
const cachedDocuments = (index: CheckedIndex): LoadedDocument[] | undefined => {
  const documents: LoadedDocument[] = [];
  for (const [sector, place] of index.order) {
    const document = cachedSectorDocuments(sector)?.[place];
    if (!document) return undefined;
    documents.push(document);
  }
  return documents;
};

/**
 * Loads rules-data once per process and checks it completely: JSON syntax, the format, ids unique within
 * and across documents, references that resolve, facts the sector's vocabulary declares, versions of one
 * document that do not overlap. Every problem found is reported at once in one RulesDataError. What
 * passed is cached (checked-cache.ts), so the next process with the same data and code starts fast: it
 * reads the sectors at once and a sector's documents when first asked for (`documents` is read lazily).
 */
export const loadRulesData = (): RulesData => {
  if (cache) return cache;
  const directory = rulesDataDirectory();
  const paths = documentFiles(directory).sort();
  // Data and code unchanged since a process last checked them: take what it checked.
  const key = cacheKey([join(directory, 'sectors.json'), ...paths, ...vocabularyFiles(directory)]);
  const index = readChecked<CheckedIndex>(key);
  if (index && Array.isArray(index.sectors) && Array.isArray(index.order)) {
    checkedIndex = { key, index };
    let documents: LoadedDocument[] | undefined;
    cache = {
      sectors: index.sectors,
      get documents(): LoadedDocument[] {
        documents ??= cachedDocuments(index) ?? checkAndCache(directory, paths, key).documents;
        return documents;
      },
    };
    return cache;
  }
  return checkAndCache(directory, paths, key);
};

const checkAndCache = (directory: string, paths: readonly string[], key: string): RulesData => {
  const texts = new Map<string, string>([['sectors.json', readFileSync(join(directory, 'sectors.json'), 'utf8')]]);
  for (const path of paths) texts.set(relative(directory, path), readFileSync(path, 'utf8'));
  const checked = checkRulesData(texts);
  writeCheckedData(key, checked);
  checkedIndex = undefined;
  sectorDocuments.clear();
  cache = checked;
  return checked;
};

/** The sector's documents: from the cache alone when this process has not needed the others. */
const documentsOfSector = (sector: string): LoadedDocument[] => {
  const data = loadRulesData();
  return cachedSectorDocuments(sector) ?? data.documents.filter((document) => document.sector === sector);
};

/** Parses and checks rules-data given as file texts (sectors.json and the documents, by path below rules-data/). */
export const checkRulesData = (texts: ReadonlyMap<string, string>): RulesData => {
  const problems: string[] = [];
  const attempt = <T>(task: () => T): T | undefined => {
    try {
      return task();
    } catch (error) {
      if (error instanceof RulesDataError) problems.push(...error.problems);
      else throw error;
      return undefined;
    }
  };
  const sectors =
    attempt(() => {
      const raw = parseJsonFile(texts.get('sectors.json') ?? '', 'sectors.json');
      const parsed = sectorsFileSchema.safeParse(raw);
      if (!parsed.success) throw new RulesDataError(parsed.error.issues.map((issue) => `sectors.json ${jsonPath(issue.path)}: ${issue.message}`));
      return parsed.data.sectors;
    }) ?? [];
  const documents = [...texts]
    .filter(([file]) => file !== 'sectors.json')
    .flatMap(([file, text]) => {
      const document = attempt(() => parseDocument(parseJsonFile(text, file), file));
      return document ? [document] : [];
    });
  problems.push(...crossDocumentProblems(sectors, documents));
  if (problems.length > 0) throw new RulesDataError(problems);
  return { sectors, documents };
};

/** Forgets what was loaded (tests that point ANQUAN_RULES_DATA elsewhere). */
export const resetRulesDataCache = (): void => {
  cache = undefined;
  checkedIndex = undefined;
  sectorDocuments.clear();
  inForce.clear();
};

export const isInForce = (document: RuleDocument, asOf: string): boolean =>
  document.effectiveFrom <= asOf && (document.effectiveTo === null || asOf <= document.effectiveTo);

/** Every document of the sector in force on `asOf` (one version per document id; supplements included). */
export const documentsInForce = (sector: string, asOf: string): LoadedDocument[] => {
  const key = `${sector}@${asOf}`;
  let documents = inForce.get(key);
  if (!documents) {
    documents = documentsOfSector(sector).filter((document) => isInForce(document, asOf));
    if (inForce.size > 10_000) inForce.clear();
    inForce.set(key, documents);
  }
  return documents;
};
const inForce = new Map<string, LoadedDocument[]>();

/** The version of one document in force on `asOf`, if any. */
export const documentVersionInForce = (documentId: string, asOf: string): LoadedDocument | undefined =>
  loadRulesData().documents.find((document) => document.id === documentId && isInForce(document, asOf));
