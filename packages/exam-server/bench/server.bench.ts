// Benchmark of the exam server (run from source with tsx; @anquan/rules from its build). Prints figures, asserts nothing.
//  1. Paper assembly: ms per assemblePaper() call for every blueprint whose question pool can fill it
//     (questions generated beforehand; the generation time per blueprint's pool is printed too).
//  2. The answer-save endpoint (PUT /api/v1/attempts/:id/answers/:questionId, lowdb on disk) against a
//     bare express handler that parses the same JSON and answers {saved:true}: requests per second and
//     p99 latency from a fixed number of requests by a few concurrent clients over loopback, and the ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { createApp } from '../src/app.js';
import { assemblePaper } from '../src/papers/assemble.js';
import { applyOverrides, baseBlueprints } from '../src/papers/blueprints.js';
import { createQuestionCatalogue } from '../src/questions/catalogue.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';

const asOf = '2026-09-01';
const assemblyWarmup = 20;
const assemblyRuns = 100;
const clients = 8;
const requests = 2000;
const warmupRequests = 200;

const directory = mkdtempSync(join(tmpdir(), 'anquan-bench-'));
try {
  const repository = await openLowdbRepository(directory);

  // ---- 1. Paper assembly per blueprint ------------------------------------------------------------
  const catalogue = createQuestionCatalogue(repository, () => asOf);
  const blueprints = applyOverrides(baseBlueprints(), await repository.blueprintOverrides());
  console.log(`exam-server bench (as of ${asOf}, node ${process.version})`);
  console.log(`\npaper assembly — ms per assemblePaper() after ${assemblyWarmup} warm-up calls, mean of ${assemblyRuns} seeds`);
  console.log(`${'blueprint'.padEnd(34)} ${'pool'.padStart(6)} ${'paper'.padStart(6)} ${'gen s'.padStart(7)} ${'ms/paper'.padStart(9)}`);
  const unfilled: string[] = [];
  const assembly: number[] = [];
  for (const blueprint of blueprints) {
    const generating = performance.now();
    const pool = await catalogue.forSources(blueprint.sources);
    const generated = (performance.now() - generating) / 1000;
    const probe = assemblePaper(blueprint, pool, 'probe');
    if (probe.shortfall.length > 0) {
      unfilled.push(`${blueprint.id} (pool ${pool.length}: ${probe.shortfall.map((gap) => `${gap.type} ${gap.available}/${gap.wanted}`).join(', ')})`);
      continue;
    }
    for (let index = 0; index < assemblyWarmup; index += 1) assemblePaper(blueprint, pool, `warm-${index}`);
    const started = performance.now();
    for (let index = 0; index < assemblyRuns; index += 1) assemblePaper(blueprint, pool, `seed-${index}`);
    const perPaper = (performance.now() - started) / assemblyRuns;
    assembly.push(perPaper);
    console.log(`${blueprint.id.padEnd(34)} ${String(pool.length).padStart(6)} ${String(probe.questions.length).padStart(6)} ${generated.toFixed(2).padStart(7)} ${perPaper.toFixed(3).padStart(9)}`);
  }
  if (assembly.length > 0) console.log(`${assembly.length} blueprints assembled; slowest ${Math.max(...assembly).toFixed(3)} ms, mean ${(assembly.reduce((sum, value) => sum + value, 0) / assembly.length).toFixed(3)} ms per paper`);
  if (unfilled.length > 0) console.log(`${unfilled.length} blueprints the pool cannot fill (not timed):\n  ${unfilled.join('\n  ')}`);

  // ---- 2. Answer-save throughput and p99 ----------------------------------------------------------
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

  const real = await listen(createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf } }));
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(real.base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const { token } = (await post('/api/v1/users', { username: 'bench', displayName: '压测', password: 'bench-password' })) as { token: string };
  const attempt = (await post('/api/v1/attempts', { blueprintId: 'principal-coal-mine', seed: 'bench' }, token)) as { id: string; questions: { id: string; options: { key: string }[] }[] };
  // Every request changes one answer of the paper (cycling through its questions and their options).
  const targets = attempt.questions.map((question) => ({ path: `/api/v1/attempts/${attempt.id}/answers/${encodeURIComponent(question.id)}`, keys: question.options.map((option) => option.key) }));

  const bare = express();
  bare.use(express.json({ limit: '2mb' }));
  bare.put('/api/v1/attempts/:id/answers/:questionId', (request, response) => {
    const answer = (request.body as { answer?: unknown }).answer;
    if (!Array.isArray(answer)) return void response.status(400).json({ error: 'expected a list' });
    response.json({ saved: true });
  });
  const baseline = await listen(bare);

  // A light client (node:http, kept-alive sockets, one per client) so that the server dominates the cost.
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const put = (url: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const call = httpRequest(url, { method: 'PUT', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      });
      call.once('error', reject);
      call.end(body);
    });
  const load = async (base: string, total: number) => {
    const latencies: number[] = [];
    let next = 0;
    const client = async () => {
      while (next < total) {
        const index = next;
        next += 1;
        const target = targets[index % targets.length]!;
        const answer = [target.keys[Math.floor(index / targets.length) % target.keys.length]!];
        const started = performance.now();
        const status = await put(base + target.path, JSON.stringify({ answer }));
        latencies.push(performance.now() - started);
        if (status !== 200) throw new Error(`PUT answer: ${status}`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, client));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { perSecond: total / seconds, p50: latencies[Math.floor(latencies.length * 0.5)]!, p99: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]! };
  };

  console.log(`\nanswer save — ${requests} PUTs by ${clients} concurrent clients over 127.0.0.1 (after ${warmupRequests} warm-up requests)`);
  await load(baseline.base, warmupRequests);
  const bareResult = await load(baseline.base, requests);
  await load(real.base, warmupRequests);
  const realResult = await load(real.base, requests);
  const row = (label: string, result: { perSecond: number; p50: number; p99: number }) =>
    console.log(`${label.padEnd(44)} ${result.perSecond.toFixed(0).padStart(7)} req/s   p50 ${result.p50.toFixed(2).padStart(7)} ms   p99 ${result.p99.toFixed(2).padStart(7)} ms`);
  row('bare express handler (JSON parse, {saved:true})', bareResult);
  row('exam server PUT answer (auth, checks, lowdb)', realResult);
  console.log(`ratio exam server / bare express: throughput ${(realResult.perSecond / bareResult.perSecond).toFixed(3)}×, p99 latency ${(realResult.p99 / bareResult.p99).toFixed(2)}×`);
  const stored = await repository.findAttempt(attempt.id);
  console.log(`(${Object.keys(stored?.answers ?? {}).length} of ${targets.length} answers on disk after the run)`);

  agent.destroy();
  await close(real.server);
  await close(baseline.server);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
