// Login limits shared by two server processes on one PostgreSQL database (issue 13): two apps, each with
// its own connection pool to the same database, answer alternately, and the limits per address, per
// account and on successful logins hold across both. The same two apps counting in process memory let
// twice as many through, which is what this test would see if the limits were not shared. The hits stay
// bounded in the database: a flood records no more than the limit, and the rest is purged by age.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLoginLimits } from '../src/accounts/accounts.js';
import { hashPassword } from '../src/accounts/passwords.js';
import { newId } from '../src/accounts/tokens.js';
import { createApp } from '../src/app.js';
import { openPostgresRepository } from '../src/store/postgres-repository.js';
import type { Repository } from '../src/store/repository.js';
import { startTestCluster } from '../src/store/postgres-test-cluster.js';

const limits = { failuresPerAddress: 5, failuresPerAccount: 3, loginsPerAddress: 8 };
const password = 'correct horse 1';
let clock = Date.parse('2026-09-01T01:00:00Z');

const cluster = await startTestCluster({ durable: false });
const servers: Server[] = [];
const repositories: Repository[] = [];

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  for (const repository of repositories) await repository.close();
  if ('cluster' in cluster) await cluster.cluster.stop();
});

/** Two apps on one database, each with its own pool, as two processes would be. */
const startPair = async (url: string, limitsInStore: boolean) => {
  const bases: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    const repository = await openPostgresRepository(url, { poolSize: 4 });
    repositories.push(repository);
    const app = createApp({ repository, limitsInStore, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-01', trustProxy: 'loopback', loginLimits: limits }, now: () => new Date(clock) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    servers.push(server);
    bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return bases;
};

/** A login from `from` (X-Forwarded-For, trusted from loopback) on the server at `base`; its status. */
const login = async (base: string, username: string, secret: string, from: string) => {
  const response = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ username, password: secret }),
  });
  await response.arrayBuffer();
  return response.status;
};

/** `count` logins, alternating between the two servers. */
const alternate = async (bases: string[], count: number, attempt: (base: string, index: number) => Promise<number>) => {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push(await attempt(bases[index % 2]!, index));
  return statuses;
};

describe('login limits shared by two processes on one PostgreSQL database', () => {
  if ('skipped' in cluster) {
    it.skip(`shared login limits — skipped: no PostgreSQL server could be started (${cluster.skipped})`, () => undefined);
    return;
  }
  let shared: string[];
  let separate: string[];
  let repository: Repository;

  it('starts two pairs of apps: one counting in the database, one in process memory', async () => {
    const url = await cluster.cluster.createDatabase();
    shared = await startPair(url, true);
    separate = await startPair(url, false);
    repository = repositories[0]!;
    await repository.createUser({ id: newId(), username: 'victim', displayName: '测试', role: 'trainee', passwordHash: await hashPassword(password), createdAt: new Date(clock).toISOString() });
    await repository.createUser({ id: newId(), username: 'regular', displayName: '测试', role: 'trainee', passwordHash: await hashPassword(password), createdAt: new Date(clock).toISOString() });
    expect(shared).toHaveLength(2);
  });

  it('spraying across names from one address hits 429 across both processes', async () => {
    const statuses = await alternate(shared, 8, (base, index) => login(base, `sprayed-${index}`, 'Summer2026!', '10.1.0.1'));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Counted in each process, the same spray gets twice the limit through before either refuses.
    const local = await alternate(separate, 10, (base, index) => login(base, `sprayed-${index}`, 'Summer2026!', '10.1.0.2'));
    expect(local).toEqual(Array(10).fill(401));
  });

  it('failures per account from many addresses are counted across both processes, and lock even the right password', async () => {
    const statuses = await alternate(shared, 5, (base, index) => login(base, 'victim', `guess-${index}`, `10.2.0.${index + 1}`));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(await login(shared[0]!, 'victim', password, '10.2.1.1')).toBe(429);
    expect(await login(shared[1]!, 'victim', password, '10.2.1.2')).toBe(429);
  });

  it('successful logins from one address are limited across both processes', async () => {
    const statuses = await alternate(shared, 10, (base) => login(base, 'regular', password, '10.3.0.1'));
    expect(statuses).toEqual([...Array(8).fill(201), 429, 429]);
  });

  it('keeps the hits bounded: a flood records no more than the limit, and the rest is purged by age', async () => {
    const flood = await alternate(shared, 30, (base) => login(base, 'regular', password, '10.4.0.1'));
    expect(flood.filter((status) => status === 429)).toHaveLength(22);
    const at = new Date(clock).toISOString();
    expect(await repository.hits('login-address:10.4.0.1', defaultLoginLimits.windowMs, at)).toHaveLength(limits.loginsPerAddress);
    // After the window every hit of these tests is gone from the table, and the limits are lifted.
    clock += defaultLoginLimits.windowMs;
    const purged = await repository.purgeExpired(new Date(clock).toISOString());
    expect(purged.hits).toBeGreaterThanOrEqual(limits.loginsPerAddress * 2 + limits.failuresPerAddress);
    expect(await repository.hits('login-address:10.4.0.1', 10 * defaultLoginLimits.windowMs, new Date(clock).toISOString())).toEqual([]);
    expect(await login(shared[1]!, 'victim', password, '10.1.0.1')).toBe(201);
  });
});
