// @anquan/rules as another app will get it: packed with pnpm, installed from the tarball into a scratch
// project outside the workspace, imported as ESM and type-checked against its declarations.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './support/repository.js';

const packageDirectory = join(repositoryRoot, 'packages', 'rules');
const scratch = mkdtempSync(join(tmpdir(), 'anquan-consumer-'));
const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('@anquan/rules as a published package', () => {
  beforeAll(() => {
    run('pnpm', ['pack', '--pack-destination', scratch], packageDirectory);
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('pnpm pack made no tarball');
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(scratch, tarball)], scratch);
  }, 240_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('imports as ESM outside the workspace and assesses with the rules-data it carries', () => {
    writeFileSync(
      join(scratch, 'consumer.mjs'),
      `import { assess, listDocuments } from '@anquan/rules';
const documents = listDocuments({ sector: 'coal-mine' });
const assessment = await assess('coal-mine', { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1100001 }, { asOf: '2026-09-01' });
console.log(JSON.stringify({ documents: documents.length, version: assessment.documents[0].version, status: assessment.findings.find((f) => f.ruleId === 'coal-mine-2026-art4-1').status }));`,
    );
    const output = JSON.parse(run(process.execPath, ['consumer.mjs'], scratch)) as { documents: number; version: string; status: string };
    expect(output).toEqual({ documents: 2, version: '2026', status: 'hazard' });
  });

  it('type-checks a consumer against its declarations', () => {
    writeFileSync(
      join(scratch, 'consumer.ts'),
      `import { assess, type Assessment, type Finding } from '@anquan/rules';
const assessment: Assessment = await assess('coal-mine', {}, { asOf: '2025-09-01' });
const first: Finding | undefined = assessment.findings[0];
const status: 'hazard' | 'clear' | 'unknown' | undefined = first?.status;
export { status };
`,
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }),
    );
    const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch)).not.toThrow();
  });

  it('rejects a consumer that misuses the types (the check is real)', () => {
    writeFileSync(join(scratch, 'consumer.ts'), `import { assess } from '@anquan/rules';\nconst n: number = await assess('coal-mine', {});\nexport { n };\n`);
    const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch)).toThrow();
  });
});
