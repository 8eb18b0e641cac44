// Benchmark of evaluation: assess() per sector and assessMany() over 10,000 enterprises, each beside a plain
// json-rules-engine Engine on the same rules and facts (medians of interleaved runs, ratios), peak memory,
// and cold start as a process sees it. ANQUAN_BENCH_DIST points at another build to compare (e.g. main's).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { completeFacts } from '../../../tests/support/arbitrary-facts.js';
import type * as Library from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const distEntry = process.env.ANQUAN_BENCH_DIST ?? join(here, '..', 'dist', 'index.js');
const lib = (await import(pathToFileURL(distEntry).href)) as typeof Library;
const asOf = '2026-09-01';
const seed = Number(process.env.BENCH_SEED ?? 20261202);
// BENCH_QUICK=1 for iteration: fewer rounds, shorter samples, a smaller batch.
const quick = process.env.BENCH_QUICK === '1';
const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 5 : 15));
const enterprises = Number(process.env.BENCH_ENTERPRISES ?? (quick ? 2000 : 10_000));
// Each sample repeats a call until the Engine's share lasts about this long, so that sub-millisecond calls are not timer noise.
const sampleMs = Number(process.env.BENCH_SAMPLE_MS ?? (quick ? 2 : 5));
// The clock: this process's CPU time by default (user + system, ms), so that other work on a shared
// machine does not land in a sample; BENCH_CLOCK=wall for elapsed time. Worker runs are always wall time.
const clock = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';
const now = clock === 'wall' ? () => performance.now() : () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
// BENCH_ONLY=assess|batch|cold runs one section.
const only = process.env.BENCH_ONLY;
console.log(`clock: ${clock === 'cpu' ? 'process CPU time' : 'wall time'}`);
console.log(`library: ${distEntry}; as of ${asOf}; seed ${seed}; ${rounds} interleaved rounds${quick ? ' (quick)' : ''}; load ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);

type Facts = Record<string, unknown>;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const hasNewApi = 'assessMany' in lib;

/** A plain json-rules-engine Engine per document: our operators, derived facts and named conditions, nothing else. */
const plainEngine = (document: Library.LoadedDocument): Engine => {
  const engine = new Engine([], { allowUndefinedFacts: true });
  lib.registerOperators(engine);
  lib.registerDerivedFacts(engine, document);
  const rules = lib.toEngineRules(document);
  if ('registerConditions' in lib) (lib as typeof Library).registerConditions(engine, document);
  else for (const rule of rules) engine.setCondition(String(rule.name), rule.conditions);
  for (const rule of rules) engine.addRule(rule);
  return engine;
};

const documents = lib.loadRuleDocuments().documents.filter((document) => document.kind === 'major-hazard-criteria' && document.rules.length > 0);
const inForce = (document: Library.LoadedDocument) => document.effectiveFrom <= asOf && (document.effectiveTo === null || asOf <= document.effectiveTo);
const sectors = [...new Set(documents.filter(inForce).map((document) => document.sector))];
const engines = new Map(documents.map((document) => [document, plainEngine(document)]));
const enginesOf = (sector: string) => documents.filter((document) => document.sector === sector && inForce(document)).map((document) => engines.get(document)!);

/** Profiles of one enterprise: every fact answered, half of them, and the union of the hazard examples. */
const profilesOf = (sector: string, index: number): Record<'complete' | 'half missing' | 'hazard-heavy', Facts> => {
  const inForceHere = documents.filter((document) => document.sector === sector && inForce(document));
  const complete: Facts = Object.assign({}, ...inForceHere.map((document) => fc.sample(completeFacts(document as never), { seed: seed + index, numRuns: 1 })[0]));
  const keys = Object.keys(complete);
  const kept = fc.sample(fc.subarray(keys, { minLength: Math.floor(keys.length / 2), maxLength: Math.floor(keys.length / 2) }), { seed: seed + index, numRuns: 1 })[0]!;
  const half = Object.fromEntries(kept.map((key) => [key, complete[key]]));
  const heavy: Facts = Object.assign({}, ...inForceHere.flatMap((document) => document.rules.map((rule) => rule.exam?.hazardExample ?? {})));
  return { complete, 'half missing': half, 'hazard-heavy': heavy };
};

const runEngines = async (list: Engine[], facts: Facts) => {
  for (const engine of list) await engine.run({ ...facts });
};

// 1. assess per sector and profile. A sample is `reps` calls of each, interleaved Engine / assess / none / JSON.
// A young-generation collection (untimed) before each timed segment, so that a segment pays for the
// collections its own allocations cause, not for the Engine's garbage left by the segment before it.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options?: { type: 'minor' | 'major'; execution: 'sync' }) => void;
const settle = () => collect({ type: 'minor', execution: 'sync' });
const perCall = async (reps: number, call: () => Promise<unknown>) => {
  settle();
  const started = now();
  for (let rep = 0; rep < reps; rep += 1) await call();
  return (now() - started) / reps;
};
if (!only || only === 'assess') {
  console.log('\n## assess() per sector vs a plain json-rules-engine Engine (median ms per enterprise, validation included)');
  console.log('assess returns statuses and the summary at once; reasons and explanations are built when read. The last column reads them all (JSON.stringify of the result).');
  console.log('| sector | facts | answered | Engine | assess (default) | ratio | explain none | ratio | default + JSON | ratio |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const coalComplete: { none?: number; assess?: number; engine?: number } = {};
  for (const sector of sectors) {
    const list = enginesOf(sector);
    for (const [profile, facts] of Object.entries(profilesOf(sector, 0))) {
      const times = { engine: [] as number[], assess: [] as number[], none: [] as number[], json: [] as number[] };
      // Each column repeats its call until a sample lasts about sampleMs (found in the warm-up rounds).
      const reps = { engine: 1, assess: 1, none: 1, json: 1 };
      const repsFor = (perCallMs: number) => Math.max(1, Math.min(2000, Math.round(sampleMs / Math.max(perCallMs, 0.001))));
      for (let round = -3; round < rounds; round += 1) {
        const engine = await perCall(reps.engine, () => runEngines(list, facts));
        const assess = await perCall(reps.assess, () => lib.assess(sector, facts, { asOf }));
        const none = await perCall(reps.none, () => lib.assess(sector, facts, { asOf, explain: 'none' } as never));
        const json = await perCall(reps.json, async () => JSON.stringify(await lib.assess(sector, facts, { asOf })));
        if (round < 0) {
          Object.assign(reps, { engine: repsFor(engine), assess: repsFor(assess), none: repsFor(none), json: repsFor(json) });
          continue;
        }
        times.engine.push(engine);
        times.assess.push(assess);
        times.none.push(none);
        times.json.push(json);
      }
      const [engine, assess, none, json] = [median(times.engine), median(times.assess), median(times.none), median(times.json)];
      if (sector === 'coal-mine' && profile === 'complete') Object.assign(coalComplete, { engine, assess, none });
      const ratio = (value: number) => `${(value / engine).toFixed(3)}×`;
      console.log(`| ${sector} | ${profile} | ${Object.keys(facts).length} | ${engine.toFixed(3)} | ${assess.toFixed(3)} | ${ratio(assess)} | ${none.toFixed(3)} | ${ratio(none)} | ${json.toFixed(3)} | ${ratio(json)} |`);
    }
  }
  if (coalComplete.engine) {
    console.log(`\ncoal-mine, every fact answered, validation included, between Engine runs: assess ${coalComplete.assess!.toFixed(3)} ms (default), ${coalComplete.none!.toFixed(3)} ms (explain none)`);
    // The same calls on their own, as an app calling assess on every form change sees them: a major
    // collection first, so that no Engine garbage is collected inside these samples.
    const facts = profilesOf('coal-mine', 0).complete;
    const alone = { assess: [] as number[], none: [] as number[] };
    collect({ type: 'major', execution: 'sync' });
    for (let round = -2; round < rounds; round += 1) {
      const assess = await perCall(50, () => lib.assess('coal-mine', facts, { asOf }));
      const none = await perCall(50, () => lib.assess('coal-mine', facts, { asOf, explain: 'none' } as never));
      if (round < 0) continue;
      alone.assess.push(assess);
      alone.none.push(none);
    }
    console.log(`coal-mine, every fact answered, validation included, on its own: assess ${median(alone.assess).toFixed(3)} ms (default), ${median(alone.none).toFixed(3)} ms (explain none); target well under 1 ms`);
  }
  console.log(`peak RSS so far: ${peakMiB()} MiB`);
}

// 2. Screening 10,000 enterprises across sectors.
if (!only || only === 'batch') {
  // 50 enterprises per sector drawn once, reused in turn: drawing 10,000 took longer than screening them.
  const drawn = new Map<string, ReturnType<typeof profilesOf>>();
  const cachedProfilesOf = (sector: string, index: number) => {
    const key = `${sector}#${index}`;
    if (!drawn.has(key)) drawn.set(key, profilesOf(sector, index));
    return drawn.get(key)!;
  };
  const batch = Array.from({ length: enterprises }, (_, index) => {
    const sector = sectors[index % sectors.length]!;
    const profiles = cachedProfilesOf(sector, 1 + (index % 50));
    const facts = [profiles.complete, profiles['half missing'], profiles['hazard-heavy']][index % 3]!;
    return { sector, facts, asOf };
  });
  const naive = async (items: typeof batch) => {
    let hazards = 0;
    for (const item of items) {
      for (const engine of enginesOf(item.sector)) hazards += (await engine.run({ ...item.facts })).events.length;
    }
    return hazards;
  };
  type Stats = { inThread: number; inWorkers: number; workersStarted: number } | undefined;
  const screen = async (items: typeof batch, workers: number): Promise<{ hazards: number; stats: Stats }> => {
    let hazards = 0;
    if (!hasNewApi) {
      for (const item of items) hazards += (await lib.assess(item.sector, item.facts, { asOf })).summary.hazard;
      return { hazards, stats: undefined };
    }
    const run = (lib as typeof Library).assessMany(items, { explain: 'none', findings: 'hazards', workers });
    for (;;) {
      const step = await run.next();
      if (step.done) return { hazards, stats: step.value as Stats };
      if (!lib.isItemError(step.value)) hazards += step.value.summary.hazard;
    }
  };
  // The library's own worker pool (dist is bundled: a path into dist/engine would be another instance with its own pool).
  // An older build (ANQUAN_BENCH_DIST) may not export it; its workers then end when idle.
  const endIdleWorkers = async () => {
    await (lib as { endIdleWorkers?: () => Promise<void> }).endIdleWorkers?.();
  };
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  /** Wall and process CPU time (every thread's) of one call, in ms. */
  const timed = async <T>(call: () => Promise<T>) => {
    settle();
    const [wall, cpu] = [performance.now(), cpuMs()];
    const value = await call();
    return { wall: performance.now() - wall, cpu: cpuMs() - cpu, value };
  };

  // a. The naive loop costs milliseconds an enterprise: it runs on the first `sample` enterprises, in
  // interleaved slices beside assessMany on one core over the same slice, and is scaled to the batch.
  const sample = Math.min(enterprises, Number(process.env.BENCH_NAIVE_SAMPLE ?? (quick ? 300 : 2_000)));
  const slices = quick ? 3 : 8;
  const naiveTimes: number[] = [];
  const sliceTimes: number[] = [];
  for (let slice = 0; slice < slices; slice += 1) {
    const items = batch.slice(Math.floor((slice * sample) / slices), Math.floor(((slice + 1) * sample) / slices));
    naiveTimes.push((await timed(() => naive(items)))[clock] / items.length);
    sliceTimes.push((await timed(() => screen(items, 1)))[clock] / items.length);
  }
  const naivePer = median(naiveTimes);
  const slicePer = median(sliceTimes);
  const naiveMiB = peakMiB();

  // b. The whole batch, in interleaved rounds: one core; workers started inside the timing (cold: idle
  // workers of the round before are ended first); workers kept from the round before (warm).
  const workers = Number(process.env.BENCH_WORKERS ?? 2);
  const fullRounds = Number(process.env.BENCH_FULL_ROUNDS ?? (quick ? 2 : 3));
  const runs = { one: [] as { wall: number; cpu: number }[], cold: [] as { wall: number; cpu: number }[], warm: [] as { wall: number; cpu: number }[] };
  const statsOf: { cold?: Stats; warm?: Stats } = {};
  const peaks: { one?: string; workers?: string } = {};
  for (let round = 0; round < fullRounds; round += 1) {
    runs.one.push(await timed(() => screen(batch, 1)));
    peaks.one ??= peakMiB();
    await endIdleWorkers();
    const cold = await timed(() => screen(batch, workers));
    statsOf.cold = cold.value.stats;
    runs.cold.push(cold);
    const warm = await timed(() => screen(batch, workers));
    statsOf.warm = warm.value.stats;
    runs.warm.push(warm);
  }
  peaks.workers = peakMiB();
  await endIdleWorkers();

  console.log(`\n## screening ${enterprises} enterprises across ${sectors.length} sectors (complete, half missing, hazard-heavy in turn)`);
  console.log(`Naive loop: the first ${sample} enterprises${sample < enterprises ? ', scaled to the batch' : ''}, ${slices} interleaved slices beside assessMany on one core over the same slice (${clock === 'cpu' ? 'process CPU time' : 'wall time'}).`);
  console.log(`The whole batch: median of ${fullRounds} interleaved rounds, wall time and process CPU time (every thread). Cold: the workers are started inside the timing; warm: kept from the run before.`);
  console.log('| run | wall s | CPU s | ms per enterprise (wall) | enterprises/s | vs naive | where screened |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  const where = (stats: Stats) => (stats ? `${stats.inThread} calling thread, ${stats.inWorkers} workers, ${stats.workersStarted} started` : '');
  console.log(`| naive loop over plain Engines (${sample < enterprises ? `${sample} sampled, scaled` : `all ${enterprises}`}) | ${((naivePer * enterprises) / 1000).toFixed(1)} | — | ${naivePer.toFixed(3)} | ${(1000 / naivePer).toFixed(0)} | 1× | |`);
  console.log(`| ${hasNewApi ? 'assessMany, one core' : 'loop over assess()'} (the same ${sample}) | — | — | ${slicePer.toFixed(3)} | ${(1000 / slicePer).toFixed(0)} | ${(naivePer / slicePer).toFixed(1)}× | |`);
  const row = (label: string, list: { wall: number; cpu: number }[], stats?: Stats) => {
    const wall = median(list.map((run) => run.wall));
    const cpu = median(list.map((run) => run.cpu));
    const per = wall / enterprises;
    console.log(`| ${label} | ${(wall / 1000).toFixed(2)} | ${(cpu / 1000).toFixed(2)} | ${per.toFixed(3)} | ${(enterprises / (wall / 1000)).toFixed(0)} | ${(naivePer / per).toFixed(1)}× | ${where(stats)} |`);
  };
  row(`${hasNewApi ? 'assessMany, one core' : 'loop over assess()'}, all ${enterprises}`, runs.one);
  if (hasNewApi) {
    row(`assessMany, ${workers} workers, cold, all ${enterprises}`, runs.cold, statsOf.cold);
    row(`assessMany, ${workers} workers, warm, all ${enterprises}`, runs.warm, statsOf.warm);
  }
  console.log(`\nThe ratio of the one-core row uses wall time against the naive loop's ${clock === 'cpu' ? 'CPU' : 'wall'} time; on a loaded machine the CPU column is the fairer figure for one core.`);
  console.log(`peak RSS of this process (every thread): ${naiveMiB} MiB after the naive loop, ${peaks.one} MiB after a one-core run, ${peaks.workers} MiB after the worker runs`);
}

// 3. Cold start: a new process imports the library and assesses one coal mine.
if (!only || only === 'cold') {
  const coal = profilesOf('coal-mine', 0)['hazard-heavy'];
  const coldScript = `const t=performance.now();const l=await import(${JSON.stringify(pathToFileURL(distEntry).href)});await l.assess('coal-mine',${JSON.stringify(coal)},{asOf:'${asOf}'});`;
  const bareScript = `await import('node:fs');`;
  const wall = (script: string) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: process.env });
    if (result.status !== 0) throw new Error(result.stderr);
    return performance.now() - started;
  };
  const cold: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < (quick ? 2 : 5); round += 1) {
    bare.push(wall(bareScript));
    cold.push(wall(coldScript));
  }
  console.log(`\n## cold start (process wall time, median of ${quick ? 2 : 5} interleaved)`);
  console.log(`| bare node process | import + first coal assess | difference |`);
  console.log(`|---:|---:|---:|`);
  console.log(`| ${median(bare).toFixed(0)} ms | ${median(cold).toFixed(0)} ms | ${(median(cold) - median(bare)).toFixed(0)} ms |`);
}
