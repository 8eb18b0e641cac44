// Loads each sector's fact vocabulary from rules-data (<sector>/facts.json and shared-facts.json) once,
// validates the files with zod and builds the zod objects that check user facts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues } from '../validation/issues.js';
import { RulesDataError, parseJsonFile, rulesDataDirectory, sectorsFileSchema } from '../documents/load.js';
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
  vocabularies: Map<string, FactVocabulary>;
}

let cache: LoadedVocabularies | undefined;

/** Every listed sector that has a facts.json, with its file and built vocabulary. */
export const loadVocabularies = (): LoadedVocabularies => {
  if (cache) return cache;
  const directory = rulesDataDirectory();
  const sharedPath = join(directory, SHARED_FACTS_FILE);
  const shared = existsSync(sharedPath) ? parseFactsFile(readJson(sharedPath, SHARED_FACTS_FILE), SHARED_FACTS_FILE).facts : {};
  const files = new Map<string, FactsFile>();
  const vocabularies = new Map<string, FactVocabulary>();
  // The sectors are read here, not through loadRulesData(): checking the documents needs the vocabularies.
  const listed = sectorsFileSchema.safeParse(readJson(join(directory, 'sectors.json'), 'sectors.json'));
  const sectors = listed.success ? listed.data.sectors : [];
  for (const sector of sectors) {
    const path = join(directory, sector.id, 'facts.json');
    if (!existsSync(path)) continue;
    const file = parseFactsFile(readJson(path, `${sector.id}/facts.json`), `${sector.id}/facts.json`);
    if (file.sector !== sector.id) throw new RulesDataError([`${sector.id}/facts.json $.sector: is ${file.sector}, expected ${sector.id}`]);
    files.set(sector.id, file);
    vocabularies.set(sector.id, buildVocabulary(file, shared));
  }
  cache = { files, shared, vocabularies };
  return cache;
};
