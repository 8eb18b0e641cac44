// Loads each sector's fact vocabulary from rules-data (<sector>/facts.json and shared-facts.json) once:
// the files are validated with zod (or taken from the checked-data cache), and a sector's zod object is
// built only when something asks for that sector's zod object (assess reads the definitions directly).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues } from '../validation/issues.js';
import { RulesDataError, parseJsonFile, rulesDataDirectory, sectorsFileSchema } from '../documents/load.js';
import { cacheKey, readChecked, writeChecked } from '../documents/checked-cache.js';
import { buildVocabulary, type FactVocabulary } from './build.js';
import { factsFileSchema, type FactDefinition, type FactsFile } from './format.js';

export const SHARED_FACTS_FILE = 'shared-facts.json';

/** Reads and validates one facts file; throws a RulesDataError naming the file and the offending fields. */
export const parseFactsFile = (raw: unknown, file: string): FactsFile => {
  const parsed = factsFileSchema.safeParse(raw);
  if (!parsed.success) throw new RulesDataError(formatIssues(parsed.error.issues, '').map((issue) => `${file} ${issue}`));
  return parsed.data;
};

const readJson = (path: string, file: string): unknown => parseJsonFile(readFileSync(path, 'utf8'), file);

interface LoadedVocabularies {
  files: Map<string, FactsFile>;
  shared: Record<string, FactDefinition>;
  /** Built on first `get` of a sector (a zod object of hundreds of fields is costly to build). */
  vocabularies: ReadonlyMap<string, FactVocabulary>;
}

/** A map whose values are built on first read: only the sectors asked for cost anything. */
class LazyVocabularies extends Map<string, FactVocabulary> {
  constructor(
    private readonly files: ReadonlyMap<string, FactsFile>,
    private readonly shared: Readonly<Record<string, FactDefinition>>,
  ) {
    super();
  }
  override get(sector: string): FactVocabulary | undefined {
    let vocabulary = super.get(sector);
    if (!vocabulary) {
      const file = this.files.get(sector);
      if (!file) return undefined;
      vocabulary = buildVocabulary(file, this.shared);
      super.set(sector, vocabulary);
    }
    return vocabulary;
  }
  override has(sector: string): boolean {
    return this.files.has(sector);
  }
  private buildAll(): void {
    for (const sector of this.files.keys()) this.get(sector);
  }
  override get size(): number {
    return this.files.size;
  }
  override keys(): MapIterator<string> {
    return this.files.keys();
  }
  override entries(): MapIterator<[string, FactVocabulary]> {
    this.buildAll();
    return super.entries();
  }
  override values(): MapIterator<FactVocabulary> {
    this.buildAll();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, FactVocabulary]> {
    return this.entries();
  }
  override forEach(callback: (value: FactVocabulary, key: string, map: Map<string, FactVocabulary>) => void, thisArg?: unknown): void {
    this.buildAll();
    super.forEach(callback, thisArg);
  }
}

let cache: LoadedVocabularies | undefined;

interface CheckedFiles {
  shared: Record<string, FactDefinition>;
  files: [string, FactsFile][];
}

/** What the cache holds for the vocabularies: the shared facts and the sectors; each sector's file is an entry of its own. */
interface CheckedIndex {
  shared: Record<string, FactDefinition>;
  sectors: string[];
}

/** Reads and checks every listed sector's facts.json and the shared facts (what the cache holds). */
const checkFactsFiles = (directory: string): CheckedFiles => {
  const sharedPath = join(directory, SHARED_FACTS_FILE);
  const shared = existsSync(sharedPath) ? parseFactsFile(readJson(sharedPath, SHARED_FACTS_FILE), SHARED_FACTS_FILE).facts : {};
  const files: [string, FactsFile][] = [];
  // The sectors are read here, not through loadRulesData(): checking the documents needs the vocabularies.
  const listed = sectorsFileSchema.safeParse(readJson(join(directory, 'sectors.json'), 'sectors.json'));
  const sectors = listed.success ? listed.data.sectors : [];
  for (const sector of sectors) {
    const path = join(directory, sector.id, 'facts.json');
    if (!existsSync(path)) continue;
    const file = parseFactsFile(readJson(path, `${sector.id}/facts.json`), `${sector.id}/facts.json`);
    if (file.sector !== sector.id) throw new RulesDataError([`${sector.id}/facts.json $.sector: is ${file.sector}, expected ${sector.id}`]);
    files.push([sector.id, file]);
  }
  return { shared, files };
};

const sectorEntry = (key: string, sector: string): string => `${key}-${sector}`;

/** The index last: a reader that finds it finds every sector's entry. */
const writeCheckedFiles = (key: string, checked: CheckedFiles): void => {
  for (const [sector, file] of checked.files) writeChecked(sectorEntry(key, sector), file);
  writeChecked(key, { shared: checked.shared, sectors: checked.files.map(([sector]) => sector) } satisfies CheckedIndex);
};

/**
 * The sectors' facts files, each read from its cache entry when first asked for (a process that assesses
 * coal parses coal's facts, not all of them). An entry gone from the cache meanwhile: everything is checked again.
 */
class CachedFiles extends Map<string, FactsFile> {
  private readonly sectors: ReadonlySet<string>;
  private checked: Map<string, FactsFile> | undefined;
  constructor(
    private readonly key: string,
    sectors: readonly string[],
    private readonly checkAll: () => CheckedFiles,
  ) {
    super();
    this.sectors = new Set(sectors);
  }
  override get(sector: string): FactsFile | undefined {
    if (!this.sectors.has(sector)) return undefined;
    let file = super.get(sector);
    if (!file) {
      file = readChecked<FactsFile>(sectorEntry(this.key, sector)) ?? (this.checked ??= new Map(this.checkAll().files)).get(sector);
      if (file) super.set(sector, file);
    }
    return file;
  }
  override has(sector: string): boolean {
    return this.sectors.has(sector);
  }
  override get size(): number {
    return this.sectors.size;
  }
  override keys(): MapIterator<string> {
    return this.sectors.keys();
  }
  override entries(): MapIterator<[string, FactsFile]> {
    for (const sector of this.sectors) this.get(sector);
    return super.entries();
  }
  override values(): MapIterator<FactsFile> {
    for (const sector of this.sectors) this.get(sector);
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, FactsFile]> {
    return this.entries();
  }
  override forEach(callback: (value: FactsFile, key: string, map: Map<string, FactsFile>) => void, thisArg?: unknown): void {
    for (const sector of this.sectors) this.get(sector);
    super.forEach(callback, thisArg);
  }
}

/**
 * Every listed sector that has a facts.json, with its file and (built when read) vocabulary. The checked
 * files come from the checked-data cache when the data and the code are unchanged since a process checked them.
 */
export const loadVocabularies = (): LoadedVocabularies => {
  if (cache) return cache;
  const directory = rulesDataDirectory();
  const sectorsPath = join(directory, 'sectors.json');
  const sectorIds = ((): string[] => {
    const listed = sectorsFileSchema.safeParse(readJson(sectorsPath, 'sectors.json'));
    return listed.success ? listed.data.sectors.map((sector) => sector.id) : [];
  })();
  const paths = [sectorsPath, join(directory, SHARED_FACTS_FILE), ...sectorIds.map((id) => join(directory, id, 'facts.json'))].filter((path) => existsSync(path));
  const key = `facts-${cacheKey(paths)}`;
  const checkAll = (): CheckedFiles => {
    const checked = checkFactsFiles(directory);
    writeCheckedFiles(key, checked);
    return checked;
  };
  const index = readChecked<CheckedIndex>(key);
  let files: Map<string, FactsFile>;
  let shared: Record<string, FactDefinition>;
  if (index && Array.isArray(index.sectors) && typeof index.shared === 'object' && index.shared !== null) {
    files = new CachedFiles(key, index.sectors, checkAll);
    shared = index.shared;
  } else {
    const checked = checkAll();
    files = new Map(checked.files);
    shared = checked.shared;
  }
  cache = { files, shared, vocabularies: new LazyVocabularies(files, shared) };
  return cache;
};

/** Forgets what was loaded (tests that point ANQUAN_RULES_DATA elsewhere). */
export const resetVocabulariesCache = (): void => {
  cache = undefined;
};
