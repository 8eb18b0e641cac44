// The fuzz suite: seeded fast-check requests over every operation of the OpenAPI document and every
// form route, authenticated (Bearer and cookie, with right and wrong CSRF tokens) and not. It asserts no
// 5xx, every /api/v1 answer declared by the document, the server alive, and the store consistent after.
// CI runs a few thousand requests; `pnpm fuzz` runs 50,000 (ANQUAN_FUZZ_REQUESTS, ANQUAN_FUZZ_SEED).
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csrfTokenFor } from '../src/accounts/auth.js';
import { hashPassword } from '../src/accounts/passwords.js';
import { hashToken, newId, newToken } from '../src/accounts/tokens.js';
import { createApp } from '../src/app.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository, Role } from '../src/store/repository.js';
import { fuzzRequest, type FuzzRequest, type Identities } from './fuzz-requests.js';
import { openApiProblem } from './openapi-validator.js';

const requests = Number(process.env.ANQUAN_FUZZ_REQUESTS ?? 2000);
const seed = Number(process.env.ANQUAN_FUZZ_SEED ?? 20_261_302);
const concurrency = 6;
const asOf = '2026-09-01';
const blueprintId = 'principal-coal-mine';

let directory: string;
let repository: Repository;
let server: Server;
let base: string;
let identities: Identities;

/** Sessions the fuzzer may end (logging out is a valid request); restored between chunks to keep coverage. */
const fuzzSessions: { tokenHash: string; userId: string }[] = [];
const restoreSessions = async () => {
  for (const { tokenHash, userId } of fuzzSessions) {
    if (!(await repository.findSession(tokenHash))) await repository.createSession({ tokenHash, userId, createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  }
};

const session = async (role: Role) => {
  const user = { id: newId(), username: `fuzz-${role}`, displayName: `模糊${role}`, role, passwordHash: await hashPassword(`fuzz-${role}-password`), createdAt: new Date().toISOString() };
  await repository.createUser(user);
  const token = newToken();
  const cookieToken = newToken();
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  await repository.createSession({ tokenHash: hashToken(token), userId: user.id, createdAt: new Date().toISOString(), expiresAt });
  await repository.createSession({ tokenHash: hashToken(cookieToken), userId: user.id, createdAt: new Date().toISOString(), expiresAt });
  fuzzSessions.push({ tokenHash: hashToken(token), userId: user.id }, { tokenHash: hashToken(cookieToken), userId: user.id });
  return { token, cookie: { cookie: `aq_session=${cookieToken}`, csrf: csrfTokenFor(cookieToken) } };
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-fuzz-'));
  repository = await openLowdbRepository(directory);
  const trainee = await session('trainee');
  const enterprise = await session('enterprise');
  const admin = await session('admin');
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf } });
  server = app.listen(0, '127.0.0.1');
  // Fewer idle connections closed under the client's feet on a loaded machine.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Real ids, so some requests reach deep into the routes: an attempt, its questions, an assessment.
  const started = await fetch(`${base}/api/v1/attempts`, { method: 'POST', headers: { authorization: `Bearer ${trainee.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ blueprintId }) });
  expect(started.status).toBe(201);
  const attempt = (await started.json()) as { id: string; questions: { id: string }[] };
  const assessed = await fetch(`${base}/api/v1/self-assessments`, { method: 'POST', headers: { authorization: `Bearer ${enterprise.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sector: 'coal-mine', asOf, facts: {} }) });
  expect(assessed.status).toBe(201);
  const assessment = (await assessed.json()) as { assessment: { id: string } };
  identities = {
    tokens: { trainee: trainee.token, enterprise: enterprise.token, admin: admin.token },
    cookies: { trainee: trainee.cookie, enterprise: enterprise.cookie, admin: admin.cookie },
    ids: { attempts: [attempt.id], questions: attempt.questions.slice(0, 5).map((question) => question.id), blueprints: [blueprintId, 'special-1-1'], sectors: ['coal-mine', 'chemicals'], assessments: [assessment.assessment.id], items: [] },
  };
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

interface Outcome {
  request: FuzzRequest;
  status: number;
  problem?: string;
}

/** A kept-alive connection the server closed just as the client reused it: the client's race, not an answer. */
const connectionRace = (error: unknown) => ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(String((error as { cause?: { code?: string } })?.cause?.code));

/** How many sends were repeated after such a race (reported, so a rise would be seen). */
let resent = 0;

const run = async (request: FuzzRequest, retries = 2): Promise<Outcome> => {
  try {
    // A request the server never answers is a failure too (a hang would otherwise stall the run).
    const response = await fetch(base + request.path, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}), redirect: 'manual', signal: AbortSignal.timeout(300_000) });
    const text = await response.text();
    const problem = request.path.startsWith('/api/v1/') ? openApiProblem(request.method, request.path.slice('/api/v1'.length), response.status, response.headers.get('content-type'), text) : undefined;
    return { request, status: response.status, ...(problem ? { problem } : {}) };
  } catch (error) {
    if (retries > 0 && connectionRace(error)) {
      resent += 1;
      return run(request, retries - 1);
    }
    // The client could not send it (a header value fetch refuses): not the server's answer.
    return { request, status: 0, problem: error instanceof TypeError && /header|Headers|ByteString/i.test(String(error.message)) ? undefined : `no answer: ${String(error)} (${String((error as { cause?: unknown }).cause)})` };
  }
};

const describeRequest = (request: FuzzRequest) => `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 300)} ${request.body === undefined ? '' : `body(${request.body.length}): ${request.body.slice(0, 200)}`}`;

describe(`fuzz: ${requests} requests (seed ${seed})`, () => {
  it('answers every one without a 5xx and as the OpenAPI document says; stays alive; keeps the store consistent', async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const problems: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const chunk = 500;
    for (let offset = 0; offset < requests; offset += chunk) {
      await restoreSessions();
      const batch = fc.sample(fuzzRequest(identities), { seed: seed + offset, numRuns: Math.min(chunk, requests - offset) });
      for (let start = 0; start < batch.length; start += concurrency) {
        const outcomes = await Promise.all(batch.slice(start, start + concurrency).map(run));
        for (const outcome of outcomes) {
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          if (outcome.status >= 500) failures.push(`${outcome.status} ← ${describeRequest(outcome.request)}`);
          if (outcome.problem) problems.push(`${outcome.problem} ← ${describeRequest(outcome.request)}`);
        }
      }
    }
    const logged = errors.mock.calls.map((call) => call.map(String).join(' '));
    errors.mockRestore();
    const table = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ');
    console.log(`fuzz (seed ${seed}, ${requests} requests): ${table}; 5xx: ${failures.length}; OpenAPI mismatches: ${problems.length}; resent after a connection race: ${resent}`);
    expect(failures.slice(0, 10), `seed ${seed}; ${failures.length} × 5xx; server log:\n${logged.slice(0, 5).join('\n')}`).toEqual([]);
    expect(problems.slice(0, 10), `seed ${seed}`).toEqual([]);

    // Alive, and answering real work.
    await restoreSessions();
    const alive = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${identities.tokens.trainee}` } });
    expect(alive.status).toBe(200);

    // The store, read back from disk (every document validated again on opening): unique names, every
    // reference pointing at something.
    await repository.close();
    repository = await openLowdbRepository(directory);
    const data = await repository.snapshot();
    const userIds = new Set(data.users.map((user) => user.id));
    expect(new Set(data.users.map((user) => user.username)).size).toBe(data.users.length);
    for (const item of [...data.sessions, ...data.attempts, ...data.progress, ...data.assessments, ...data.rectifications]) expect(userIds.has(item.userId)).toBe(true);
    for (const attempt of data.attempts) for (const questionId of Object.keys(attempt.answers)) expect(attempt.questionIds).toContain(questionId);
    const assessmentIds = new Set(data.assessments.map((record) => record.id));
    for (const item of data.rectifications) expect(assessmentIds.has(item.assessmentId)).toBe(true);
    for (const progress of data.progress) for (const queue of Object.keys(progress.positions)) expect(queue.length).toBeLessThanOrEqual(200);
  }, 3_600_000);
});
