// The CLI as a user runs it: the built command, real files, exit codes 0 / 1 / 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'main.js');
const directory = mkdtempSync(join(tmpdir(), 'anquan-cli-'));
const file = (name: string, content: unknown) => {
  const path = join(directory, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const anquan = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

describe('anquan assess', () => {
  it('prints a Chinese report and exits 1 when a hazard is found', () => {
    const facts = file('hazard.json', { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 });
    const result = anquan('assess', '--sector', 'coal-mine', facts, '--as-of', '2026-09-01');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('重大事故隐患判定报告');
    expect(result.stdout).toContain('第四条第（一）项');
  });

  it('exits 0 when nothing is a hazard, and --json prints the assessment', () => {
    const facts = file('clear.json', { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1100000 });
    const result = anquan('assess', '--sector', 'coal-mine', facts, '--as-of', '2026-09-01', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).asOf).toBe('2026-09-01');
  });

  it('exits 2 on bad input with a message naming the field, and no stack trace', () => {
    const bad = anquan('assess', '--sector', 'coal-mine', file('bad.json', { annualRawCoalOutputTonnes: 'lots' }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('facts.annualRawCoalOutputTonnes: expected a number ≥ 0 (t), got "lots"');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(anquan('assess', '--sector', 'coal-mine', file('broken.json', '{ not json')).stderr).toContain('not valid JSON');
    expect(anquan('assess', '--sector', 'nowhere', file('empty.json', {})).status).toBe(2);
    expect(anquan('assess', '--sector', 'coal-mine', file('empty2.json', {}), '--as-of', '2026-02-30').status).toBe(2);
    expect(anquan('assess', '--sector', 'coal-mine', join(directory, 'missing.json')).status).toBe(2);
    expect(anquan('assess', '--bogus').status).toBe(2);
  });
});

describe('anquan calc', () => {
  it('exits 2 on input of the wrong type, the message Chinese first and naming the field', () => {
    const bad = anquan('calc', 'accident-level', file('calc-bad.json', { deaths: 'three' }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('input.deaths: 应为数字，收到 "three" / expected a number, got "three"');
    expect(bad.stderr).not.toContain('Invalid input');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
