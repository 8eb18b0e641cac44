// Benchmark of cold start as a user sees it: new processes, wall time, medians of interleaved rounds, each
// beside a bare `node -e 0` started in the same round (the floor), with the difference and the ratio.
//   import                 import @anquan/rules
//   import + coal assess   import, load rules-data, assess one coal mine (the "cold start")
//   CLI assess             `anquan assess --sector coal-mine facts.json --json`
//   no cache               the same as "import + coal assess" with the checked-data cache off (a first run)
// ANQUAN_BENCH_BEFORE_DIST points at another build's dist/index.js (e.g. main's) to measure its import,
// import + coal assess and CLI beside ours, in the same rounds.
// Prints figures, asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const before = process.env.ANQUAN_BENCH_BEFORE_DIST;
const rounds = Number(process.env.BENCH_COLD_ROUNDS ?? 7);
const asOf = '2026-09-01';
const work = mkdtempSync(join(tmpdir(), 'anquan-cold-'));
// A coal mine with a few observations: enough to take the validation and evaluation paths.
const facts = { approvedCapacityTonnesPerYear: 900000, annualRawCoalOutputTonnes: 1100000, mineGasClass: 'highGas' };
const factsFile = join(work, 'coal.json');
writeFileSync(factsFile, JSON.stringify(facts));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const wall = (args: string[], env: NodeJS.ProcessEnv = {}): number => {
  const started = performance.now();
  // Output is not kept (a JSON assessment is large); errors are.
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const elapsed = performance.now() - started;
  // The CLI exits 1 when it finds a hazard; anything above is a failure of the bench itself.
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
};

const moduleScript = (entry: string, body: string) => ['--input-type=module', '-e', `const l = await import(${JSON.stringify(pathToFileURL(entry).href)});${body}`];
const assessBody = `await l.assess('coal-mine', ${JSON.stringify(facts)}, { asOf: '${asOf}' });`;

interface Scenario {
  label: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  rounds?: number;
}
const scenarios: Scenario[] = [
  { label: 'import', args: moduleScript(join(dist, 'index.js'), '') },
  { label: 'import + coal assess', args: moduleScript(join(dist, 'index.js'), assessBody) },
  { label: 'CLI assess (coal)', args: [join(dist, 'cli', 'main.js'), 'assess', '--sector', 'coal-mine', factsFile, '--as-of', asOf, '--json'] },
  ...(before
    ? [
        { label: 'before: import', args: moduleScript(before, '') },
        { label: 'before: import + coal assess', args: moduleScript(before, assessBody) },
        { label: 'before: CLI assess (coal)', args: [join(dirname(before), 'cli', 'main.js'), 'assess', '--sector', 'coal-mine', factsFile, '--as-of', asOf, '--json'] },
      ]
    : []),
  // A first run ever: nothing cached, every file checked. Fewer rounds: it is the slow case.
  { label: 'no cache: import + coal assess', args: moduleScript(join(dist, 'index.js'), assessBody), env: { ANQUAN_RULES_CACHE: '0' }, rounds: Math.min(rounds, 3) },
];

console.log(`cold start bench (node ${process.version}, ${rounds} interleaved rounds, each scenario beside node -e 0)`);
// Prime the checked-data cache (and the file system cache) once, as any earlier run would have.
for (const scenario of scenarios) if (!scenario.env) wall(scenario.args);

const floor: number[] = [];
const times = new Map<string, number[]>(scenarios.map((scenario) => [scenario.label, []]));
for (let round = 0; round < rounds; round += 1) {
  floor.push(wall(['-e', '0']));
  for (const scenario of scenarios) if (round < (scenario.rounds ?? rounds)) times.get(scenario.label)!.push(wall(scenario.args, scenario.env));
}
rmSync(work, { recursive: true, force: true });

const bare = median(floor);
console.log(`\n| scenario | wall ms (median) | node -e 0 | above the floor | ratio to the floor |`);
console.log(`|---|---:|---:|---:|---:|`);
for (const scenario of scenarios) {
  const ours = median(times.get(scenario.label)!);
  console.log(`| ${scenario.label} | ${ours.toFixed(0)} | ${bare.toFixed(0)} | ${(ours - bare).toFixed(0)} | ${(ours / bare).toFixed(2)}× |`);
}
console.log(`\ntarget: import + coal assess ≤ 500 ms wall (on a quiet machine; the floor shows how loaded this one is)`);
