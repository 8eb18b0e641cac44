// Broken rules-data stops the server at start with the file (and where in it) in the message, instead
// of starting and answering 500: a file that is not JSON, and a file that breaks the document format.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesDataDirectory } from '@anquan/rules';
import { afterAll, describe, expect, it } from 'vitest';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'anquan-rules-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of rules-data with one file changed; returns what the server printed and its exit code. */
const startWith = (name: string, file: string, change: (text: string) => string) => {
  const copy = join(scratch, name);
  cpSync(rulesDataDirectory(), copy, { recursive: true });
  writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
  const result = spawnSync(process.execPath, [join(packageDirectory, 'dist', 'server.js')], {
    cwd: packageDirectory,
    env: { ...process.env, ANQUAN_RULES_DATA: copy, ANQUAN_DATA_DIR: join(scratch, `${name}-data`), PORT: '0', HOST: '127.0.0.1', ANQUAN_WARM_UP: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('the server refuses broken rules-data', () => {
  it('names the file, line and column of bad JSON, and exits non-zero without listening', () => {
    const { status, output } = startWith('bad-json', 'coal-mine/major-hazards-2020.json', (text) => text.replace(/"rules"\s*:/, '"rules" ::'));
    expect(status).toBe(3);
    expect(output).toMatch(/coal-mine\/major-hazards-2020\.json:\d+:\d+/);
    expect(output).not.toContain('已启动');
    expect(output).not.toContain('internal error');
  });

  it('names the file and the JSON path of a schema error', () => {
    const { status, output } = startWith('bad-schema', 'coal-mine/major-hazards-2026.json', (text) => {
      const document = JSON.parse(text) as { rules: { id: unknown }[] };
      document.rules[2]!.id = 42;
      return JSON.stringify(document, null, 2);
    });
    expect(status).toBe(3);
    expect(output).toContain('coal-mine/major-hazards-2026.json');
    expect(output).toMatch(/rules\.2\.id|rules\[2\]\.id|\/rules\/2\/id/);
    expect(output).not.toContain('已启动');
  });
});
