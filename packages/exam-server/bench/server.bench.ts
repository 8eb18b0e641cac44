// Benchmark of the exam server (run from source with tsx; @anquan/rules from its build). Prints figures, asserts nothing.
//  1. Paper assembly: ms per assemblePaper() call for every blueprint as the server offers it (the shortened mock
//     where the pool cannot fill the official paper)
//     (questions generated beforehand; the generation time per blueprint's pool is printed too).
//  2. The answer-save endpoint (PUT /api/v1/attempts/:id/answers/:questionId) on each store — the embedded
//     split lowdb documents and PostgreSQL (a throwaway cluster, fsync on) — with 0, 1,000 and 10,000 other
//     attempts stored, against a bare express handler that parses the same JSON and answers {saved:true}.
//     The load comes from bench/load-client.mjs in a separate process (16 clients, each its own trainee and
//     attempt, keep-alive); each figure is the median of interleaved runs (bare, store, bare, store, …) with
//     the ratio to the bare handler measured beside it. Beside req/s, the CPU milliseconds this process spent per
//     request during the run (the server under test is the only one busy then): on a shared machine req/s
//     mostly measures the neighbours, the CPU per request much less.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { assemblePaper } from '../src/papers/assemble.js';
import { fitBlueprint } from '../src/papers/fit.js';
import { applyOverrides, baseBlueprints } from '../src/papers/blueprints.js';
import { createQuestionCatalogue } from '../src/questions/catalogue.js';
import { lastOpening, openLowdbRepository } from '../src/store/lowdb-repository.js';
import { createMemoryRepository } from '../src/store/memory-repository.js';
import { openPostgresRepository } from '../src/store/postgres-repository.js';
import { startTestCluster } from '../src/store/postgres-test-cluster.js';
import type { Attempt, Repository } from '../src/store/repository.js';

const asOf = '2026-09-01';
const assemblyWarmup = 20;
const assemblyRuns = 100;
const clients = 16;
// ANQUAN_BENCH_QUICK=1: a short run to iterate on (no paper assembly, 0 and 10,000 attempts, fewer requests);
// ANQUAN_BENCH_STORES=lowdb (or postgresql) measures one store only.
const quick = process.env.ANQUAN_BENCH_QUICK === '1';
const requests = Number(process.env.ANQUAN_BENCH_REQUESTS ?? (quick ? 600 : 2000));
// The app runs far more code per request than the bare handler, so the JIT takes longer to settle: without a
// warm-up, the app's first 3,000 saves ran about 30% slower than the next ones, the bare handler's about 15%.
const warmupRequests = quick ? 300 : 2000;
// Five interleaved pairs: with three, one disturbed run moved a median by 10%.
const repeats = 5;
const sizes = process.env.ANQUAN_BENCH_SIZES ? process.env.ANQUAN_BENCH_SIZES.split(',').map(Number) : quick ? [0, 10_000] : [0, 1_000, 10_000];
const stores = new Set((process.env.ANQUAN_BENCH_STORES ?? 'lowdb,postgresql').split(','));
const loadClient = join(dirname(fileURLToPath(import.meta.url)), 'load-client.mjs');
const run = promisify(execFile);

const directory = mkdtempSync(join(tmpdir(), 'anquan-bench-'));
try {
  // ---- 1. Paper assembly per blueprint (ANQUAN_BENCH_SECTIONS=storage skips it) --------------------
  const repository = createMemoryRepository();
  const catalogue = createQuestionCatalogue(repository, () => asOf);
  const blueprints = process.env.ANQUAN_BENCH_SECTIONS === 'storage' || quick ? [] : applyOverrides(baseBlueprints(), await repository.blueprintOverrides());
  console.log(`exam-server bench (as of ${asOf}, node ${process.version})`);
  console.log(`\npaper assembly — ms per assemblePaper() after ${assemblyWarmup} warm-up calls, mean of ${assemblyRuns} seeds`);
  console.log(`${'blueprint'.padEnd(34)} ${'pool'.padStart(6)} ${'paper'.padStart(9)} ${'gen s'.padStart(7)} ${'ms/paper'.padStart(9)}`);
  // Every blueprint as the server offers it: where the pool cannot fill the official paper, the shortened mock
  // (papers/fit.ts) the trainee is given instead, marked "short".
  let shortened = 0;
  const assembly: number[] = [];
  for (const official of blueprints) {
    const generating = performance.now();
    const pool = await catalogue.forSources(official.sources);
    const generated = (performance.now() - generating) / 1000;
    const blueprint = fitBlueprint(official, pool);
    const probe = assemblePaper(blueprint, pool, 'probe');
    if (probe.shortfall.length > 0) throw new Error(`${blueprint.id}: the fitted blueprint still cannot be filled`);
    if (blueprint.shortened) shortened += 1;
    for (let index = 0; index < assemblyWarmup; index += 1) assemblePaper(blueprint, pool, `warm-${index}`);
    const started = performance.now();
    for (let index = 0; index < assemblyRuns; index += 1) assemblePaper(blueprint, pool, `seed-${index}`);
    const perPaper = (performance.now() - started) / assemblyRuns;
    assembly.push(perPaper);
    console.log(`${blueprint.id.padEnd(34)} ${String(pool.length).padStart(6)} ${`${probe.questions.length}${blueprint.shortened ? ' short' : ''}`.padStart(9)} ${generated.toFixed(2).padStart(7)} ${perPaper.toFixed(3).padStart(9)}`);
  }
  if (assembly.length > 0) console.log(`${assembly.length} blueprints assembled (${shortened} of them the shortened mock their pool allows); slowest ${Math.max(...assembly).toFixed(3)} ms, mean ${(assembly.reduce((sum, value) => sum + value, 0) / assembly.length).toFixed(3)} ms per paper`);

  // ---- 2. Answer-save throughput and p99 per store and stored attempts --------------------------------
  const listen = async (app: { listen(port: number, host: string): Server }) => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  interface Load {
    perSecond: number;
    p50: number;
    p99: number;
    failures: number;
    /** CPU ms of this process (user + system, every thread: the journal's fdatasync too) per request. */
    cpuMs: number;
  }
  type Target = { path: string; token: string; questions: { id: string; keys: string[] }[] };
  const load = async (base: string, targets: Target[], total: number): Promise<Load> => {
    const cpu = process.cpuUsage();
    const { stdout } = await run(process.execPath, [loadClient, JSON.stringify({ base, targets, clients, total })], { maxBuffer: 1 << 20 });
    const used = process.cpuUsage(cpu);
    const result = { ...(JSON.parse(stdout) as Omit<Load, 'cpuMs'>), cpuMs: (used.user + used.system) / 1000 / total };
    if (result.failures > 0) throw new Error(`${result.failures} saves failed against ${base}`);
    return result;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  const bare = express();
  bare.use(express.json({ limit: '2mb' }));
  bare.put('/api/v1/attempts/:id/answers/:questionId', (request, response) => {
    const answer = (request.body as { answer?: unknown }).answer;
    if (!Array.isArray(answer)) return void response.status(400).json({ error: 'expected a list' });
    response.json({ saved: true });
  });
  const baseline = await listen(bare);

  /** Registers the 16 trainees through the API and starts one mock exam each; returns their targets and one attempt to copy. */
  const trainees = async (base: string) => {
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    return Promise.all(
      Array.from({ length: clients }, async (_, index): Promise<Target & { attemptId: string }> => {
        const { token } = (await post('/api/v1/users', { username: `bench${index}`, displayName: `压测${index}`, password: 'bench-password' })) as { token: string };
        const attempt = (await post('/api/v1/attempts', { blueprintId: 'principal-coal-mine', seed: `bench-${index}` }, token)) as { id: string; questions: { id: string; options: { key: string }[] }[] };
        return { attemptId: attempt.id, path: `/api/v1/attempts/${attempt.id}/answers/`, token, questions: attempt.questions.map((question) => ({ id: question.id, keys: question.options.map((option) => option.key) })) };
      }),
    );
  };

  /** Stores attempts of other trainees (a copy of a real paper, every question answered) until `count` are held. */
  const fill = async (repository: Repository, template: Attempt, from: number, to: number) => {
    const answers = Object.fromEntries(template.questionIds.map((id) => [id, [template.optionOrder[id]?.[0] ?? 'A']]));
    let next = from;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < to) {
          const index = (next += 1) - 1;
          await repository.createAttempt({ ...template, id: `filler-${index}`, userId: `filler-user-${index % 1000}`, answers });
        }
      }),
    );
  };

  interface Row {
    store: string;
    stored: number;
    real: Load;
    bare: Load;
    fillSeconds: number;
  }
  const rows: Row[] = [];
  const measure = async (store: string, repository: Repository, settle?: () => Promise<void>) => {
    const real = await listen(createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf } }));
    const targets = await trainees(real.base);
    const template = (await repository.findAttempt(targets[0]!.attemptId))!;
    let stored = 0;
    for (const size of sizes) {
      const filling = performance.now();
      await fill(repository, template, stored, size);
      // The embedded store writes a burst of new attempts into their documents in the background: let it settle,
      // so the runs measure a store holding `size` attempts, not the tail of filling it.
      await repository.idle?.();
      // Likewise PostgreSQL: thousands of inserts in a few seconds wake autovacuum, and leave the pages they dirtied
      // to be written out, both during the measured saves; vacuumed, analysed and checkpointed here, the runs measure
      // the table as it stands.
      await settle?.();
      const fillSeconds = (performance.now() - filling) / 1000;
      stored = size;
      // The first size of a store also warms that store's own code (the pg driver, the journal): without the longer
      // warm-up, PostgreSQL's first size measured ~25% below the later ones, which held more attempts.
      const warmup = size === sizes[0] ? 4 * warmupRequests : warmupRequests;
      await load(baseline.base, targets, warmup);
      await load(real.base, targets, warmup);
      const bareRuns: Load[] = [];
      const realRuns: Load[] = [];
      for (let repeat = 0; repeat < repeats; repeat += 1) {
        bareRuns.push(await load(baseline.base, targets, requests));
        realRuns.push(await load(real.base, targets, requests));
      }
      const pick = (runs: Load[]): Load => ({ perSecond: median(runs.map((run) => run.perSecond)), p50: median(runs.map((run) => run.p50)), p99: median(runs.map((run) => run.p99)), failures: 0, cpuMs: median(runs.map((run) => run.cpuMs)) });
      const row = { store, stored: size, real: pick(realRuns), bare: pick(bareRuns), fillSeconds };
      rows.push(row);
      console.log(
        `${store.padEnd(10)} ${String(size).padStart(6)}   ${row.real.perSecond.toFixed(0).padStart(6)} req/s  p50 ${row.real.p50.toFixed(2).padStart(6)}  p99 ${row.real.p99.toFixed(2).padStart(7)} ms   bare ${row.bare.perSecond.toFixed(0).padStart(6)} req/s  p99 ${row.bare.p99.toFixed(2).padStart(6)} ms   ratio ${(row.real.perSecond / row.bare.perSecond).toFixed(2)}× req/s, ${(row.real.p99 / row.bare.p99).toFixed(2)}× p99   CPU ${row.real.cpuMs.toFixed(3)} / ${row.bare.cpuMs.toFixed(3)} ms per request = ${(row.bare.cpuMs / row.real.cpuMs).toFixed(2)}×   (filled in ${fillSeconds.toFixed(1)} s)`,
      );
    }
    const saved = await repository.findAttempt(targets[0]!.attemptId);
    console.log(`${store}: ${Object.keys(saved?.answers ?? {}).length} of ${targets[0]!.questions.length} answers of one bench attempt stored after the runs`);
    await close(real.server);
  };

  console.log(`\nanswer save — ${clients} clients (separate process), ${requests} PUTs per run, median of ${repeats} interleaved runs after ${warmupRequests} warm-up requests each (${4 * warmupRequests} before a store's first size)`);
  console.log(`${'store'.padEnd(10)} ${'stored'.padStart(6)}   attempts beside the bench's own ${clients}`);
  const lowdbDirectory = mkdtempSync(join(tmpdir(), 'anquan-bench-store-'));
  const cluster = stores.has('postgresql') ? await startTestCluster() : { skipped: 'not asked for (ANQUAN_BENCH_STORES)' };
  try {
    if (stores.has('lowdb')) {
      const embedded = await openLowdbRepository(lowdbDirectory);
      await measure('lowdb', embedded);
      await embedded.close();
      // Reopening: from the snapshot the clean close left, then (snapshot removed, as after a crash) from every document.
      for (const kind of ['after a clean close', 'after a crash (no snapshot)']) {
        if (kind.includes('crash')) rmSync(join(lowdbDirectory, 'snapshot.jsonl'), { force: true });
        const reopening = performance.now();
        const cpu = process.cpuUsage();
        const reopened = await openLowdbRepository(lowdbDirectory);
        const seconds = (performance.now() - reopening) / 1000;
        const used = process.cpuUsage(cpu);
        const opened = lastOpening();
        // CPU seconds beside the wall clock: on a shared machine the wall clock mostly measures the others.
        console.log(
          `lowdb: reopening ${(await reopened.counts()).attempts} attempts ${kind} took ${seconds.toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU) — read from ${opened?.source}${opened?.reason ? ` (${opened.reason})` : ''}`,
        );
        await reopened.close();
      }
    }
    if ('cluster' in cluster) {
      const url = await cluster.cluster.createDatabase();
      const postgres = await openPostgresRepository(url);
      const vacuum = async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query('VACUUM (ANALYZE) attempts');
          // A superuser's command: on a borrowed server without that right the runs start without it.
          await client.query('CHECKPOINT').catch(() => undefined);
        } finally {
          await client.end();
        }
      };
      await measure('postgresql', postgres, vacuum);
      await postgres.close();
    } else {
      console.log(`postgresql: not measured — ${cluster.skipped}`);
    }
  } finally {
    if ('cluster' in cluster) await cluster.cluster.stop();
    rmSync(lowdbDirectory, { recursive: true, force: true });
    await close(baseline.server);
  }

  console.log('\nsummary: throughput against bare express, and p99 growth from 0 to 10,000 stored attempts');
  for (const store of [...new Set(rows.map((row) => row.store))]) {
    const mine = rows.filter((row) => row.store === store);
    const first = mine[0]!;
    const last = mine[mine.length - 1]!;
    console.log(
      `${store.padEnd(10)} ratio ${mine.map((row) => (row.real.perSecond / row.bare.perSecond).toFixed(2)).join(' / ')}× (target ≥ 0.5×)   p99 ${first.real.p99.toFixed(1)} → ${last.real.p99.toFixed(1)} ms = ${(last.real.p99 / first.real.p99).toFixed(2)}× (target ≤ 2×)`,
    );
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
