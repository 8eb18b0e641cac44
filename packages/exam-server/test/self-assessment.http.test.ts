// Enterprise self-assessment over HTTP against a real started app: the form, the report, rectification
// tracking, re-assessment and the dashboard; the stored API; refusals that name the field and store nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository } from '../src/store/repository.js';
import { CookieBrowser } from './http-client.js';

const asOf = '2026-09-01';
const overCapacity = { mineType: 'openPit', approvedCapacityTonnesPerYear: '1000000', annualRawCoalOutputTonnes: '1200000' };
const hazardRule = 'coal-mine-2026-art4-1';

let server: Server;
let base: string;
let directory: string;
let repository: Repository;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-self-assessment-'));
  repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf } });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

/** The shared browser-like client (cookies, the pages' CSRF token), answering in the shape these tests read. */
const browser = () => {
  const client = new CookieBrowser(() => base);
  return {
    get: async (path: string) => {
      const { response, html } = await client.get(path);
      return { status: response.status, text: html, headers: response.headers };
    },
    post: async (path: string, fields: Record<string, string>) => {
      const { response, html } = await client.post(path, fields);
      return { status: response.status, text: html, location: response.headers.get('location') ?? '' };
    },
    json: async (path: string) => {
      const response = await fetch(base + path, { headers: { cookie: client.cookieLine() } });
      return { status: response.status, body: (await response.json()) as any };
    },
  };
};

const registered = async (username: string, role: 'enterprise' | 'trainee') => {
  const client = browser();
  await client.get('/register');
  const response = await client.post('/register', { username, displayName: `${username} 安全员`, password: 'correct-horse-9', role });
  expect(response.status).toBe(303);
  return client;
};

const api = async (method: string, path: string, token: string | undefined, body?: unknown) => {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as any };
};

const after0 = (page: { text: string }) => page.text;
const form = (facts: Record<string, string>) => Object.fromEntries(Object.entries(facts).map(([name, value]) => [`f.${name}`, value]));

describe('self-assessment pages', () => {
  it('fills part of a coal-mine form, tracks the hazard to closure, re-assesses and sees it cleared on the dashboard', async () => {
    const company = await registered('coal-co', 'enterprise');
    const dashboard = await company.get('/assessments');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('新建');

    const created = await company.post('/assessments', { sector: 'coal-mine', asOf });
    expect(created.status).toBe(303);
    const id = /^\/assessments\/([\w-]+)\/edit$/.exec(created.location)?.[1];
    expect(id).toBeTruthy();

    const edit = await company.get(`/assessments/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('name="f.mineType"');
    expect(edit.text).toContain('核定（设计）生产能力');
    expect(edit.text).toContain('t/a');
    expect(edit.text).toMatch(/<details class="sa-group"/);
    expect(edit.text).not.toMatch(/style="|<script>/);

    // A non-number is refused, the field named, what was typed shown again, and nothing saved.
    const refused = await company.post(`/assessments/${id}`, { asOf, ...form({ ...overCapacity, annualRawCoalOutputTonnes: 'lots' }), then: 'report' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('全年原煤产量');
    expect(refused.text).toContain('value="lots"');
    expect(refused.text).toContain('value="1000000"');
    const untouched = await company.json(`/api/v1/self-assessments/${id}`);
    expect(untouched.body.assessment.facts).toEqual({});
    expect((await company.json(`/api/v1/self-assessments/${id}/rectifications`)).body).toEqual([]);

    // Part of the form, decimals accepted; blank answers stay unknown.
    const saved = await company.post(`/assessments/${id}`, { asOf, ...form({ ...overCapacity, annualRawCoalOutputTonnes: '1200000.5', mineGasClass: '' }), then: 'report' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/assessments/${id}`);
    const report = await company.get(`/assessments/${id}`);
    expect(report.status).toBe(200);
    expect(report.text).toContain('原煤产量超过核定（设计）生产能力');
    expect(report.text).toContain('第四条第（一）项');
    expect(report.text).toContain('生产能力之比 &#x3D; 1.200001'); // the ratio that made it fire, as the library displays it
    expect(report.text).toContain('待查明');
    expect(report.text).toContain('应急管理部令第21号');
    const hazardsAt = report.text.indexOf('一、重大事故隐患');
    expect(hazardsAt).toBeGreaterThan(0);
    expect(hazardsAt).toBeLessThan(report.text.indexOf('二、待查明'));
    expect(report.text.indexOf('二、待查明')).toBeLessThan(report.text.indexOf('三、不构成'));
    const stored = (await company.json(`/api/v1/self-assessments/${id}`)).body;
    expect(stored.assessment.facts).toEqual({ mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000.5 });
    expect(stored.report.summary.hazard).toBeGreaterThanOrEqual(1);
    expect(stored.report.unknownFacts.length).toBeGreaterThan(0);

    const items = (await company.json(`/api/v1/self-assessments/${id}/rectifications`)).body as { id: string; ruleId: string; status: string }[];
    const item = items.find((candidate) => candidate.ruleId === hazardRule)!;
    expect(item.status).toBe('open');

    // 销号 is acceptance's alone: the status form refuses it and changes nothing.
    const noAcceptance = await company.post(`/assessments/${id}/rectifications/${item.id}`, { status: 'closed', responsible: '王工', note: '' });
    expect(noAcceptance.status).toBe(409);
    expect(noAcceptance.text).toContain('未经验收不能销号');
    expect((await company.json(`/api/v1/self-assessments/${id}/rectifications`)).body.find((candidate: { id: string }) => candidate.id === item.id).status).toBe('open');
    expect(after0(await company.get(`/assessments/${id}`))).toContain(`/ledger/items/${item.id}`);

    // Re-assessment that no longer finds the hazard moves it to 待验收: not closed by itself, not unrectified.
    const again = await company.post(`/assessments/${id}`, { asOf, ...form({ ...overCapacity, annualRawCoalOutputTonnes: '1000000' }), then: 'report' });
    expect(again.status).toBe(303);
    const after = await company.get(`/assessments/${id}`);
    expect(after.text).toContain('复评后已消除');
    expect(after.text).toContain(`data-cleared="${hazardRule}"`);
    const rectified = (await company.json(`/api/v1/self-assessments/${id}/rectifications`)).body.find((candidate: { id: string }) => candidate.id === item.id);
    expect(rectified).toMatchObject({ status: 'awaiting', clearedOnReassessment: true, closedAt: null });
    const board = await company.get('/assessments');
    expect(board.text).toMatch(/data-count="found">1</);
    expect(board.text).toMatch(/data-count="rectified">0</);
    expect(board.text).toMatch(/data-count="open">1</);
    expect(board.text).toMatch(/data-count="rate">0%</);

    const download = await company.get(`/assessments/${id}/report.json`);
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="self-assessment-coal-mine-2026-09-01-/);
    const parsed = JSON.parse(download.text);
    expect(parsed.documents.map((document: { id: string; version: string }) => `${document.id}@${document.version}`)).toContain('coal-mine-major-hazards@2026');
    expect(parsed.findings.length).toBeGreaterThan(100);

    // Someone else's assessment is not theirs to see or change.
    const other = await registered('other-co', 'enterprise');
    expect((await other.get(`/assessments/${id}`)).status).toBe(403);
    expect((await other.json(`/api/v1/self-assessments/${id}`)).status).toBe(403);
    const trainee = await registered('trainee-1', 'trainee');
    expect((await trainee.get('/assessments')).status).toBe(403);
    const intrusion = await other.post(`/assessments/${id}`, { asOf, ...form({ mineType: 'underground' }) });
    expect(intrusion.status).toBe(403);
    expect((await repository.findAssessment(id!))!.facts.mineType).toBe('openPit');
  });

  it('refuses an impossible date and an unknown sector, saving nothing', async () => {
    const company = await registered('date-co', 'enterprise');
    await company.get('/assessments');
    const created = await company.post('/assessments', { sector: 'coal-mine', asOf });
    const id = created.location.split('/')[2]!;
    await company.get(`/assessments/${id}/edit`);
    const badDate = await company.post(`/assessments/${id}`, { asOf: '2026-02-30', ...form(overCapacity) });
    expect(badDate.status).toBe(400);
    expect(badDate.text).toContain('评估日期');
    expect((await repository.findAssessment(id))!.facts).toEqual({});
    const badSector = await company.post('/assessments', { sector: 'no-such-sector', asOf });
    expect(badSector.status).toBe(400);
    expect(badSector.text).toContain('sector');
    expect(await repository.listAssessments((await repository.findUserByName('date-co'))!.id)).toHaveLength(1);
  });
});

describe('self-assessment API', () => {
  it('creates, refuses bad facts naming the field, re-assesses, tracks and downloads', async () => {
    const signUp = await api('POST', '/users', undefined, { username: 'api-co', displayName: 'API 煤业', password: 'correct-horse-9', role: 'enterprise' });
    expect(signUp.status).toBe(201);
    const token = signUp.body.token as string;
    const facts = { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 };

    const bad = await api('POST', '/self-assessments', token, { sector: 'coal-mine', asOf, facts: { ...facts, annualRawCoalOutputTonnes: 'lots' } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: { path: string }) => issue.path)).toContain('facts.annualRawCoalOutputTonnes');
    expect((await api('GET', '/self-assessments', token)).body).toEqual([]);

    const created = await api('POST', '/self-assessments', token, { sector: 'coal-mine', asOf, facts });
    expect(created.status).toBe(201);
    const id = created.body.assessment.id as string;
    expect(created.body.report.hazards.map((hazard: { ruleId: string }) => hazard.ruleId)).toContain(hazardRule);
    expect(created.body.report.unknownFacts.length).toBeGreaterThan(0);
    expect(created.body.createdRectifications.map((item: { ruleId: string }) => item.ruleId)).toContain(hazardRule);

    const badUpdate = await api('PUT', `/self-assessments/${id}`, token, { facts: { ...facts, notAFact: true } });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.issues[0].path).toBe('facts.notAFact');
    const badDate = await api('PUT', `/self-assessments/${id}`, token, { facts, asOf: '2026-13-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.issues[0].path).toBe('asOf');

    const items = (await api('GET', `/self-assessments/${id}/rectifications`, token)).body as { id: string; ruleId: string }[];
    const item = items.find((candidate) => candidate.ruleId === hazardRule)!;
    const refused = await api('PATCH', `/self-assessments/${id}/rectifications/${item.id}`, token, { status: 'closed', responsible: '李主任', note: '限产' });
    expect(refused.status).toBe(409);
    expect(refused.body.issues[0].path).toBe('status');
    const noPlan = await api('PATCH', `/self-assessments/${id}/rectifications/${item.id}`, token, { status: 'rectifying', responsible: '李主任' });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.issues.map((issue: { path: string }) => issue.path)).toContain('plan.goal');

    const reassessed = await api('PUT', `/self-assessments/${id}`, token, { facts: { ...facts, annualRawCoalOutputTonnes: 1000000 } });
    expect(reassessed.status).toBe(200);
    expect(reassessed.body.cleared.map((cleared: { ruleId: string }) => cleared.ruleId)).toContain(hazardRule);
    expect(reassessed.body.report.hazards.map((hazard: { ruleId: string }) => hazard.ruleId)).not.toContain(hazardRule);
    expect(reassessed.body.assessment.createdAt).toBe(created.body.assessment.createdAt);

    const dashboard = await api('GET', '/self-assessments/dashboard', token);
    expect(dashboard.body).toMatchObject({ found: 1, accepted: 0, awaiting: 1, open: 0, rate: 0 });

    const download = await api('GET', `/self-assessments/${id}/report.json`, token);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(download.body.facts).toEqual({ ...facts, annualRawCoalOutputTonnes: 1000000 });

    const outsider = await api('POST', '/users', undefined, { username: 'api-other', displayName: '别家', password: 'correct-horse-9', role: 'enterprise' });
    expect((await api('GET', `/self-assessments/${id}`, outsider.body.token)).status).toBe(403);
    expect((await api('PATCH', `/self-assessments/${id}/rectifications/${item.id}`, outsider.body.token, { status: 'closed', responsible: 'x' })).status).toBe(403);
    expect((await api('GET', '/self-assessments', undefined)).status).toBe(401);
  });

  it('keeps POST /api/v1/assessments stateless and documents the stored API', async () => {
    const before = (await repository.listAssessments('nobody')).length;
    const stateless = await api('POST', '/assessments', undefined, { sector: 'coal-mine', asOf, facts: { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 } });
    expect(stateless.status).toBe(200);
    expect(stateless.body.summary.hazard).toBeGreaterThanOrEqual(1);
    expect((await repository.listAssessments('nobody')).length).toBe(before);
    const openapi = await api('GET', '/openapi.json', undefined);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/self-assessments', '/self-assessments/{id}', '/self-assessments/{id}/report.json', '/self-assessments/{id}/rectifications', '/self-assessments/{id}/rectifications/{itemId}']));
  });
});
