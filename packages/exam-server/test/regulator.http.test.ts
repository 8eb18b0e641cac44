// The regulator over HTTP: an administrator creates accounts and assigns regions; a regulator sees only its
// region's enterprises with the ledger's figures, drills down read-only, and can change nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/accounts/passwords.js';
import { hashToken, newId, newToken } from '../src/accounts/tokens.js';
import { createApp } from '../src/app.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository } from '../src/store/repository.js';

const asOf = '2026-09-01';
const hazardFacts = { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 };
let server: Server;
let base: string;
let directory: string;
let repository: Repository;
let adminToken: string;

const api = async (method: string, path: string, token: string | undefined, body?: unknown) => {
  const response = await fetch(`${base}/api/v1${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as any };
};
const login = async (username: string) => (await api('POST', '/sessions', undefined, { username, password: 'correct-horse-9' })).body.token as string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-regulator-'));
  repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-20' }, now: () => new Date('2026-09-20T02:00:00.000Z') });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const id = newId();
  await repository.createUser({ id, username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword('admin-password-1'), createdAt: '2026-09-01T00:00:00.000Z' });
  adminToken = newToken();
  await repository.createSession({ tokenHash: hashToken(adminToken), userId: id, createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2030-01-01T00:00:00.000Z' });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

describe('the regulator', () => {
  it('sees only its region, with the ledger’s figures, and cannot change anything', async () => {
    const create = (username: string, role: string, extra: Record<string, string> = {}) => api('POST', '/admin/users', adminToken, { username, displayName: `${username} 名称`, password: 'correct-horse-9', role, ...extra });
    // Roles a visitor cannot register for are the administrator's to create; bad input names the field.
    expect((await api('POST', '/users', undefined, { username: 'self-reg', displayName: 'x', password: 'correct-horse-9', role: 'regulator' })).status).toBe(400);
    expect((await create('bad-role', 'superuser')).body.issues[0].path).toBe('body.role');
    const east = (await create('east-co', 'enterprise', { region: '东区' })).body;
    const west = (await create('west-co', 'enterprise')).body;
    expect(west.region).toBeNull();
    const assigned = await api('PUT', `/admin/users/${west.id}/assignment`, adminToken, { region: '西区' });
    expect(assigned.body).toMatchObject({ id: west.id, region: '西区' });
    const eastRegulator = (await create('east-reg', 'regulator', { region: '东区' })).body;
    expect(eastRegulator.role).toBe('regulator');
    expect((await create('east-acc', 'acceptor', { enterpriseId: 'nobody' })).status).toBe(400);

    for (const [name, facts] of [['east-co', hazardFacts], ['west-co', hazardFacts]] as const) {
      expect((await api('POST', '/self-assessments', await login(name), { sector: 'coal-mine', asOf, facts })).status).toBe(201);
    }
    const token = await login('east-reg');
    const table = await api('GET', '/regulator/enterprises', token);
    expect(table.status).toBe(200);
    expect(table.body.region).toBe('东区');
    expect(table.body.rows.map((row: { enterpriseId: string }) => row.enterpriseId)).toEqual([east.id]);
    const eastLedger = (await api('GET', '/ledger', await login('east-co'))).body;
    expect(table.body.rows[0].figures).toEqual(eastLedger.figures);
    expect(table.body.totals.figures.found).toBe(eastLedger.items.length);
    expect(table.body.rows[0].perThousand).toBe((eastLedger.items.length * 1000) / 1);

    // Drill-down inside the region; outside it the enterprise does not exist for this regulator.
    const drill = await api('GET', `/regulator/enterprises/${east.id}`, token);
    expect(drill.body.items.map((item: { id: string }) => item.id)).toEqual(eastLedger.items.map((item: { id: string }) => item.id));
    expect((await api('GET', `/regulator/enterprises/${west.id}`, token)).status).toBe(404);
    const page = await fetch(`${base}/regulator`, { headers: { authorization: `Bearer ${token}` } });
    const html = await page.text();
    expect(html).toContain('east-co 名称');
    expect(html).not.toContain('west-co 名称');
    const svg = await fetch(`${base}/regulator/trend.svg`, { headers: { authorization: `Bearer ${token}` } });
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg[^>]*data-points="1"/);

    // Read-only: no ledger step, no assessment, no assignment.
    const item = eastLedger.items[0];
    expect((await api('POST', `/ledger/items/${item.id}/actions`, token, { action: 'plan', plan: { goal: 'x' } })).status).toBe(403);
    expect((await api('GET', '/ledger', token)).status).toBe(403);
    expect((await api('POST', '/self-assessments', token, { sector: 'coal-mine', asOf, facts: hazardFacts })).status).toBe(403);
    expect((await api('PUT', `/admin/users/${west.id}/assignment`, token, { region: '东区' })).status).toBe(403);
    expect((await repository.findUser(west.id))!.region).toBe('西区');
    // Another region's regulator, and a regulator without one, see nothing of 东区.
    await create('west-reg', 'regulator', { region: '西区' });
    expect((await api('GET', '/regulator/enterprises', await login('west-reg'))).body.rows.map((row: { enterpriseId: string }) => row.enterpriseId)).toEqual([west.id]);
    await create('lost-reg', 'regulator');
    expect((await api('GET', '/regulator/enterprises', await login('lost-reg'))).status).toBe(403);
    const openapi = await api('GET', '/openapi.json', undefined);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/ledger', '/ledger/items/{id}/actions', '/ledger/items/{id}/evidence', '/regulator/enterprises', '/regulator/enterprises/{id}', '/regulator/screenings', '/admin/users', '/admin/users/{id}/assignment', '/risk/lec']));
    // An enterprise cannot reach the regulator's view.
    expect((await api('GET', '/regulator/enterprises', await login('east-co'))).status).toBe(403);
  });
});
