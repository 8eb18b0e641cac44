// anquan screen as a user runs it: the built command on a seeded 10,000-line file with a malformed line,
// and broken rules-data stopping the CLI with exit code 3.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesData, rulesDataDirectory } from '../documents/load.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'main.js');
const directory = mkdtempSync(join(tmpdir(), 'anquan-screen-'));
const anquan = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });

describe('anquan screen', () => {
  it('screens a seeded 10,000-line JSON Lines file: progress on stderr, one row per line in order, the malformed line reported', () => {
    const seed = 1410;
    const documents = loadRulesData().documents.filter((document) => document.kind === 'major-hazard-criteria' && document.rules.length > 0 && document.effectiveTo === null && document.itemsAvailable !== false);
    const picks = fc.sample(fc.tuple(fc.nat(documents.length - 1), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 })), { seed, numRuns: 10_000 });
    const badLine = 4_321;
    const badFactsLine = 7_777;
    const lines = picks.map(([documentIndex, keep], index) => {
      if (index + 1 === badLine) return '{"id": "E4321", "facts": {';
      if (index + 1 === badFactsLine) return '{"id": "E7777", "sector": "coal-mine", "facts": {"annualRawCoalOutputTonnes": "lots"}}';
      const document = documents[documentIndex]!;
      const facts = Object.assign({}, ...document.rules.filter((_, ruleIndex) => keep[ruleIndex % keep.length]).map((rule) => rule.exam?.hazardExample ?? {}));
      return JSON.stringify({ id: `E${index + 1}`, sector: document.sector, facts });
    });
    const file = join(directory, 'enterprises.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = anquan(['screen', file, '--as-of', '2026-09-01']);
    expect(result.status, `seed ${seed}: ${result.stderr.slice(-500)}`).toBe(2);
    const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { line: number; id: string | null; status: string; hazards?: number; items?: unknown[] });
    expect(rows).toHaveLength(10_000);
    expect(rows.map((row) => row.line)).toEqual(lines.map((_, index) => index + 1));
    expect(rows[badLine - 1]!.status).toBe('error');
    expect(rows[badFactsLine - 1]!.status).toBe('error');
    expect(result.stderr).toContain(`line ${badLine}: not valid JSON`);
    expect(result.stderr).toContain(`line ${badFactsLine}: facts.annualRawCoalOutputTonnes:`);
    expect(result.stderr).toMatch(/screening 9999\/9999 \(100%\)/);
    expect(result.stderr).toContain('2 bad rows');
    const screened = rows.filter((row) => row.status !== 'error');
    expect(screened.every((row) => row.hazards === row.items!.length || row.hazards! <= row.items!.length)).toBe(true);
    expect(screened.some((row) => row.status === 'hazard')).toBe(true);

    // With worker threads: the same output, line for line, the same progress and bad rows, and the
    // summary saying the workers did screen (10,000 rows are above assessMany's in-thread threshold).
    const withWorkers = anquan(['screen', file, '--as-of', '2026-09-01', '--workers', '2']);
    expect(withWorkers.status, withWorkers.stderr.slice(-500)).toBe(2);
    expect(withWorkers.stdout).toBe(result.stdout);
    expect(withWorkers.stderr).toContain(`line ${badLine}: not valid JSON`);
    expect(withWorkers.stderr).toContain(`line ${badFactsLine}: facts.annualRawCoalOutputTonnes:`);
    expect(withWorkers.stderr).toMatch(/screening 9999\/9999 \(100%\)/);
    expect(withWorkers.stderr).toMatch(/2 bad rows; [\d.]+ s, [1-9]\d* rows in worker threads/);
  }, 300_000);

  it('reads CSV with a header of fact names and reports a bad cell by line and field', () => {
    const file = join(directory, 'mines.csv');
    writeFileSync(file, ['id,mineType,approvedCapacityTonnesPerYear,annualRawCoalOutputTonnes', 'A,openPit,1000000,1200000', 'B,openPit,1000000,lots', 'C,openPit,1000000,1100000'].join('\n'));
    const result = anquan(['screen', file, '--sector', 'coal-mine', '--as-of', '2026-09-01', '--format', 'csv']);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toBe('line,id,status,hazards,unknowns,hazardItems,problems');
    expect(rows[1]).toMatch(/^2,A,hazard,1,/);
    expect(rows[2]).toContain('3,B,error');
    expect(result.stderr).toContain('line 3: facts.annualRawCoalOutputTonnes: expected a number ≥ 0 (t), got "lots"');
    expect(rows[3]).toMatch(/^4,C,/);
    expect(result.status).toBe(2);
  });
});

describe('broken rules-data', () => {
  it('stops the CLI with exit code 3 and a message naming the file and where', () => {
    const copy = mkdtempSync(join(tmpdir(), 'anquan-rules-data-'));
    cpSync(rulesDataDirectory(), copy, { recursive: true });
    const target = join(copy, 'coal-mine', 'major-hazards-2026.json');
    const text = readFileSync(target, 'utf8');
    writeFileSync(target, text.replace('"rules": [', '"rules": [,'));
    const facts = join(directory, 'facts.json');
    writeFileSync(facts, JSON.stringify({ mineType: 'openPit' }));
    const result = anquan(['assess', '--sector', 'coal-mine', facts], { ANQUAN_RULES_DATA: copy, ANQUAN_RULES_CACHE: '0' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/coal-mine\/major-hazards-2026\.json:\d+:\d+: not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
