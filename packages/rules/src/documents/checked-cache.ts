// A cache of rules-data as checked: keyed by the size and time of every data file and of the library's code, so a
// process whose data and code are unchanged reads one JSON file instead of validating everything again.
// Bounded: writing a generation removes all but the few most recently written ones.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const codeRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

let stamp: string | undefined;
/** Size and modification time of every module of the library: a changed check or format changes the key (walked once per process). */
const codeStamp = (): string => {
  if (stamp !== undefined) return stamp;
  const parts: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const stat = statSync(path);
        parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(codeRoot);
  stamp = parts.sort().join('\n');
  return stamp;
};

/** The cache key of these data files (path, size and modification time of each) with this build of the library. */
export const cacheKey = (paths: readonly string[]): string => {
  const hash = createHash('sha256').update(codeStamp());
  for (const path of [...paths].sort()) {
    const stat = statSync(path);
    hash.update(`\0${path}:${stat.size}:${stat.mtimeMs}`);
  }
  return hash.digest('hex');
};

/** A directory of this user only; off when ANQUAN_RULES_CACHE is 0 or where none can be made. */
const cacheDirectory = (): string | undefined => {
  if (process.env.ANQUAN_RULES_CACHE === '0') return undefined;
  const directory = process.env.ANQUAN_RULES_CACHE_DIR ?? join(tmpdir(), `anquan-rules-cache-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stat = statSync(directory);
    // A directory another user made is not trusted.
    if (process.getuid && stat.uid !== process.getuid()) return undefined;
    return directory;
  } catch {
    return undefined;
  }
};

export const readChecked = <T>(key: string): T | undefined => {
  const directory = cacheDirectory();
  if (!directory) return undefined;
  try {
    return JSON.parse(readFileSync(join(directory, `${key}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
};

/**
 * Generations kept: more than one, because builds and data folders that differ (a branch beside main, a
 * test's fixture rules-data) share the directory, and evicting each other would only make both check again.
 */
export const KEPT_GENERATIONS = 8;
/** A temporary file this old was left by a process that died between writing and renaming. */
const ABANDONED_MS = 60 * 60 * 1000;

/** The generation a cache file belongs to: its key's digest, with the prefix of what it caches (`facts-…`). */
const generationOf = (name: string): string | undefined => /^(?:[a-z]+-)?[0-9a-f]{64}/.exec(name)?.[0];

/** Removes every generation but the newest KEPT_GENERATIONS (by the newest file of each), and abandoned temporary files. */
export const pruneChecked = (directory: string, now = Date.now()): void => {
  const newest = new Map<string, number>();
  const files: { name: string; generation: string | undefined; mtimeMs: number }[] = [];
  for (const name of readdirSync(directory)) {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(join(directory, name)).mtimeMs;
    } catch {
      continue; // removed by another process meanwhile
    }
    const generation = generationOf(name);
    files.push({ name, generation, mtimeMs });
    if (generation && name.endsWith('.json')) newest.set(generation, Math.max(newest.get(generation) ?? 0, mtimeMs));
  }
  const kept = new Set([...newest].sort((a, b) => b[1] - a[1]).slice(0, KEPT_GENERATIONS).map(([generation]) => generation));
  for (const file of files) {
    const stale = file.name.endsWith('.tmp') ? now - file.mtimeMs > ABANDONED_MS : file.generation !== undefined && !kept.has(file.generation);
    if (stale) rmSync(join(directory, file.name), { force: true });
  }
};

/** Written to a temporary name and renamed, so a reader never sees half a file. Failure only costs speed. */
export const writeChecked = (key: string, value: unknown): void => {
  const directory = cacheDirectory();
  if (!directory) return;
  try {
    const temporary = join(directory, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 });
    renameSync(temporary, join(directory, `${key}.json`));
    pruneChecked(directory);
  } catch {
    // A read-only or full disk: the next process checks again.
  }
};
