// The checked-data cache stays bounded: only the newest generations and fresh temporary files survive a prune.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEPT_GENERATIONS, pruneChecked } from './checked-cache.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const now = Date.UTC(2026, 11, 2, 8, 0, 0);
const digest = (n: number): string => n.toString(16).padStart(64, '0');
const file = (directory: string, name: string, ageMs: number): void => {
  writeFileSync(join(directory, name), '{}');
  const seconds = (now - ageMs) / 1000;
  utimesSync(join(directory, name), seconds, seconds);
};

describe('pruneChecked', () => {
  it('keeps the newest generations whole (index, sector entries, facts) and removes the older ones', () => {
    const directory = mkdtempSync(join(tmpdir(), 'anquan-prune-'));
    directories.push(directory);
    const generations = KEPT_GENERATIONS;
    // Documents generation n was written n minutes ago, its sector entry a second before its index; facts
    // generation n (a key of its own) half a second after it. Newest first: documents 0, facts 0, documents 1…
    for (let n = 0; n < generations; n += 1) {
      file(directory, `${digest(n)}.json`, n * 60_000);
      file(directory, `${digest(n)}-coal-mine.json`, n * 60_000 + 1000);
      file(directory, `facts-${digest(n)}-coal-mine.json`, n * 60_000 + 500);
    }
    pruneChecked(directory, now);
    const left = new Set(readdirSync(directory));
    for (let n = 0; n < generations; n += 1) {
      const expected = n < KEPT_GENERATIONS / 2;
      expect(left.has(`${digest(n)}.json`), `generation ${n}`).toBe(expected);
      expect(left.has(`${digest(n)}-coal-mine.json`), `generation ${n}`).toBe(expected);
      expect(left.has(`facts-${digest(n)}-coal-mine.json`), `generation ${n}`).toBe(expected);
    }
  });

  it('removes a temporary file only once it is abandoned, and leaves files that are not cache entries', () => {
    const directory = mkdtempSync(join(tmpdir(), 'anquan-prune-'));
    directories.push(directory);
    file(directory, `${digest(1)}.json`, 0);
    file(directory, `${digest(2)}.123.tmp`, 2 * 60 * 60 * 1000);
    file(directory, `${digest(3)}.456.tmp`, 60 * 1000);
    file(directory, 'notes.txt', 365 * 24 * 60 * 60 * 1000);
    pruneChecked(directory, now);
    expect(readdirSync(directory).sort()).toEqual([`${digest(1)}.json`, `${digest(3)}.456.tmp`, 'notes.txt']);
  });
});
