import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstMalformedJson } from './rules-data-check.js';

const directory = mkdtempSync(join(tmpdir(), 'anquan-malformed-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('firstMalformedJson', () => {
  it('names the first file that is not JSON, with the line and column of the fault', () => {
    mkdirSync(join(directory, 'sector'));
    writeFileSync(join(directory, 'a.json'), '{"fine": true}\n');
    writeFileSync(join(directory, 'sector', 'doc.json'), '{\n  "id": "x",\n  "rules" :: []\n}\n');
    expect(firstMalformedJson(directory)).toMatch(/^sector\/doc\.json:3:12: /);
  });

  it('reports a file cut short at its end', () => {
    writeFileSync(join(directory, 'sector', 'doc.json'), '{\n  "id": "x",\n');
    expect(firstMalformedJson(directory)).toMatch(/^sector\/doc\.json:3:1: /);
  });

  it('says nothing when every file parses', () => {
    writeFileSync(join(directory, 'sector', 'doc.json'), '[]');
    expect(firstMalformedJson(directory)).toBeUndefined();
  });
});
