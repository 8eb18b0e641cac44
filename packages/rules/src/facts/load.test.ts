// The vocabularies read from the checked-data cache, one sector entry at a time, equal the files as checked.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadVocabularies, resetVocabulariesCache } from './load.js';

let directory: string;
const saved = { dir: process.env.ANQUAN_RULES_CACHE_DIR, off: process.env.ANQUAN_RULES_CACHE };
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-vocabularies-'));
  process.env.ANQUAN_RULES_CACHE_DIR = directory;
  delete process.env.ANQUAN_RULES_CACHE;
  resetVocabulariesCache();
});
afterEach(() => {
  for (const [name, value] of [['ANQUAN_RULES_CACHE_DIR', saved.dir], ['ANQUAN_RULES_CACHE', saved.off]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetVocabulariesCache();
  rmSync(directory, { recursive: true, force: true });
});

const checkedFiles = () => {
  const loaded = loadVocabularies();
  return { shared: loaded.shared, files: new Map([...loaded.files]) };
};

describe('loadVocabularies from the checked-data cache', () => {
  it('writes an index and one entry per sector, and reads back the same files and shared facts', () => {
    const checked = checkedFiles();
    expect(checked.files.size).toBeGreaterThan(1);
    const entries = readdirSync(directory).filter((name) => name.startsWith('facts-'));
    expect(entries).toHaveLength(checked.files.size + 1);
    resetVocabulariesCache();
    const cached = loadVocabularies();
    expect([...cached.files.keys()]).toEqual([...checked.files.keys()]);
    expect(cached.shared).toEqual(checked.shared);
    for (const [sector, file] of checked.files) expect(cached.files.get(sector), sector).toEqual(file);
  });

  it('checks everything again when a sector entry is gone, and the other sectors still come from their entries', () => {
    const checked = checkedFiles();
    const [first, second] = [...checked.files.keys()] as [string, string];
    resetVocabulariesCache();
    const cached = loadVocabularies();
    expect(cached.files.has(second)).toBe(true);
    // Another process pruned the second sector's entry: the first is still read from its own entry.
    const entry = readdirSync(directory).find((name) => name.startsWith('facts-') && name.endsWith(`-${second}.json`));
    expect(entry).toBeDefined();
    rmSync(join(directory, entry!));
    expect(cached.files.get(first)).toEqual(checked.files.get(first));
    expect(cached.files.get(second)).toEqual(checked.files.get(second));
    // Checking again wrote the entry back.
    expect(readdirSync(directory)).toContain(entry);
  });
});
