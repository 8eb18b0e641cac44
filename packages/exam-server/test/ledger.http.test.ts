// The hazard ledger over HTTP against a real started app: 销号 only by acceptance, the acceptor is never the
// rectifier, overdue from the day after the deadline (Beijing time), truthful re-assessment, history, and a
// seeded fast-check model test that the dashboard's figures equal the ledger's rows after any sequence.
import fc from 'fast-check';
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
import type { Repository, Role } from '../src/store/repository.js';
import jpegJs from 'jpeg-js';
import { PNG } from 'pngjs';
import { CookieBrowser } from './http-client.js';

const asOf = '2026-09-01';
const hazardFacts = { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 };
const clearFacts = { ...hazardFacts, annualRawCoalOutputTonnes: 900000 };
const hazardRule = 'coal-mine-2026-art4-1';
const password = 'correct-horse-9';
const fullPlan = { goal: '产量降至核定能力以内', measures: '调整采掘计划', fundsYuan: 50000, materials: '监测仪表', organisation: '生产技术科', persons: '王工', deadline: '2026-09-10', requirements: '按月核查', safetyMeasures: '超产即停', emergencyPlan: '启用专项应急预案' };

/** The clock the app reads: Beijing dates move with it. */
let clock = Date.parse('2026-09-01T02:00:00.000Z');
let server: Server;
let base: string;
let directory: string;
let repository: Repository;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-ledger-'));
  repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3 }, now: () => new Date(clock) });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

const api = async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as any };
};

/** A user stored directly (as the administrator would create one) with a session that outlives the test's clock. */
const account = async (username: string, role: Role, assignment: { enterpriseId?: string; region?: string } = {}) => {
  const id = newId();
  await repository.createUser({ id, username, displayName: `${username} 用户`, role, passwordHash: await hashPassword(password), createdAt: new Date(clock).toISOString(), ...assignment });
  const token = newToken();
  await repository.createSession({ tokenHash: hashToken(token), userId: id, createdAt: new Date(clock).toISOString(), expiresAt: '2030-01-01T00:00:00.000Z' });
  return { id, token };
};

const hazardItem = async (token: string, assessmentId: string) => ((await api('GET', '/ledger', token)).body.items as any[]).find((item) => item.assessmentId === assessmentId && item.ruleId === hazardRule);

describe('the hazard ledger', () => {
  it('refuses 销号 without 验收, keeps the acceptor apart from the rectifier, and keeps every change', async () => {
    clock = Date.parse('2026-09-01T02:00:00.000Z');
    const company = await account('ledger-co', 'enterprise');
    const inspector = await account('ledger-acc-1', 'acceptor', { enterpriseId: company.id });
    const otherAcceptor = await account('ledger-acc-2', 'acceptor', { enterpriseId: company.id });
    const stranger = await account('ledger-acc-x', 'acceptor', { enterpriseId: 'someone-else' });
    const created = await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts: hazardFacts });
    expect(created.status).toBe(201);
    const item = await hazardItem(company.token, created.body.assessment.id);
    expect(item).toMatchObject({ status: 'open', ledger: { grade: 'major' } });

    const act = (token: string, body: unknown) => api('POST', `/ledger/items/${item.id}/actions`, token, body);
    // 销号 straight from 待整改 is refused, and so is starting without the Art.15(2) plan.
    expect((await act(company.token, { action: 'close' })).status).toBe(409);
    const noPlan = await act(company.token, { action: 'start' });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(['plan.goal', 'plan.funds', 'plan.deadline', 'plan.safety']));
    expect((await act(company.token, { action: 'plan', plan: { ...fullPlan, fundsYuan: -1 } })).status).toBe(400);
    expect((await act(company.token, { action: 'plan', plan: fullPlan })).status).toBe(200);
    expect((await act(company.token, { action: 'start' })).body.status).toBe('rectifying');
    expect((await act(company.token, { action: 'close' })).status).toBe(409);
    // The enterprise cannot accept its own work; an acceptor of another enterprise cannot see the item.
    expect((await act(company.token, { action: 'accept', person: '张三', date: '2026-09-05', note: '现场核查' })).status).toBe(403);
    expect((await act(stranger.token, { action: 'accept', person: '张三', date: '2026-09-05', note: '现场核查' })).status).toBe(404);

    // An acceptor who rectifies may not accept the same item; another acceptor may.
    expect((await act(inspector.token, { action: 'rectified', note: '已调整计划' })).body.status).toBe('awaiting');
    const self = await act(inspector.token, { action: 'accept', person: '李四', date: '2026-09-05', note: '现场核查产量台账' });
    expect(self.status).toBe(403);
    expect(self.body.error).toContain('整改人不能验收');
    expect((await act(otherAcceptor.token, { action: 'accept', person: '', date: '2026-09-05', note: 'x' })).status).toBe(400);
    const accepted = await act(otherAcceptor.token, { action: 'accept', person: '赵五', date: '2026-09-05', note: '现场核查产量台账，附照片3张' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'closed', ledger: { acceptance: { name: '赵五', date: '2026-09-05', userId: otherAcceptor.id } } });
    expect(accepted.body.ledger.history.map((entry: { action: string }) => entry.action)).toEqual(['found', 'plan', 'start', 'rectified', 'accept']);
    expect(accepted.body.ledger.history.at(-1)).toMatchObject({ userId: otherAcceptor.id, from: 'awaiting', to: 'closed' });

    const figures = (await api('GET', '/ledger/figures', company.token)).body;
    expect(figures).toMatchObject({ found: 1, accepted: 1, rate: 1, openMajor: 0 });
  });

  it('flags an item overdue on the day after its deadline, Beijing time, not on the deadline', async () => {
    clock = Date.parse('2026-09-01T02:00:00.000Z');
    const company = await account('late-co', 'enterprise');
    const created = await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts: hazardFacts });
    const item = await hazardItem(company.token, created.body.assessment.id);
    await api('POST', `/ledger/items/${item.id}/actions`, company.token, { action: 'plan', plan: { ...fullPlan, deadline: '2026-09-10' } });
    const overdueAt = async (instant: string) => {
      clock = Date.parse(instant);
      return (await api('GET', `/ledger/items/${item.id}`, company.token)).body.overdue as boolean;
    };
    expect(await overdueAt('2026-09-10T15:59:59.000Z')).toBe(false); // 23:59:59 on the deadline in Beijing
    expect(await overdueAt('2026-09-10T16:00:00.000Z')).toBe(true); // 00:00 the day after in Beijing (still the 10th in UTC)
    expect(await overdueAt('2026-09-09T12:00:00.000Z')).toBe(false);
    expect((await api('GET', '/ledger/figures', company.token)).body.overdue).toBe(0);
    clock = Date.parse('2026-09-11T01:00:00.000Z');
    expect((await api('GET', '/ledger/figures', company.token)).body.overdue).toBe(1);
    const page = await fetch(`${base}/ledger`, { headers: { authorization: `Bearer ${company.token}` } });
    expect(await page.text()).toContain('已逾期');
  });

  it('re-assessment moves a cleared hazard to 待验收 and reopens a recurring one, recording the recurrence', async () => {
    clock = Date.parse('2026-09-01T02:00:00.000Z');
    const company = await account('again-co', 'enterprise');
    const acceptor = await account('again-acc', 'acceptor', { enterpriseId: company.id });
    const created = await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts: hazardFacts });
    const id = created.body.assessment.id as string;
    const first = await hazardItem(company.token, id);

    await api('PUT', `/self-assessments/${id}`, company.token, { facts: clearFacts });
    const cleared = await hazardItem(company.token, id);
    expect(cleared).toMatchObject({ id: first.id, status: 'awaiting', clearedOnReassessment: true });
    expect(cleared.ledger.history.at(-1)).toMatchObject({ action: 'reassessment-cleared', from: 'open', to: 'awaiting' });
    let figures = (await api('GET', '/ledger/figures', company.token)).body;
    expect(figures).toMatchObject({ found: 1, accepted: 0, awaiting: 1, open: 0 });

    expect((await api('POST', `/ledger/items/${first.id}/actions`, acceptor.token, { action: 'accept', person: '钱六', date: '2026-09-02', note: '复评与现场一致' })).body.status).toBe('closed');
    clock = Date.parse('2026-10-02T02:00:00.000Z');
    await api('PUT', `/self-assessments/${id}`, company.token, { facts: hazardFacts });
    const items = ((await api('GET', '/ledger', company.token)).body.items as any[]).filter((item) => item.ruleId === hazardRule && item.assessmentId === id);
    expect(items).toHaveLength(1); // reopened, not a silent new item
    expect(items[0]).toMatchObject({ id: first.id, status: 'open', ledger: { acceptance: null } });
    expect(items[0].ledger.recurrences).toHaveLength(1);
    expect(items[0].ledger.recurrences[0].previousClosedAt).toBeTruthy();
    // The item cites the instrument and article in words, with no data ids on the Chinese page.
    expect(items[0].citation).toMatch(/^应急管理部令第\d+号 第.+条/);
    const ledgerPage = await (await fetch(`${base}/ledger`, { headers: { authorization: `Bearer ${company.token}` } })).text();
    const shownText = ledgerPage.replace(/<[^>]*>/g, ' ');
    expect(shownText).toContain(items[0].citation);
    expect(shownText).not.toMatch(/coal-mine-major-hazards|coal-mine-2026-art/);
    figures = (await api('GET', '/ledger/figures', company.token)).body;
    expect(figures).toMatchObject({ found: 1, accepted: 0, rate: 0, openMajor: 1, recurrences: 1 });
    expect(figures.byMonth).toEqual([{ month: '2026-09', found: 1, accepted: 0 }]);

    // Unknowns are listed as items to check, never counted as hazards.
    const ledger = (await api('GET', '/ledger', company.token)).body;
    expect(ledger.unknowns.length).toBeGreaterThan(0);
    expect(ledger.items.every((item: { ruleId: string }) => !ledger.unknowns.some((unknown: { ruleId: string }) => unknown.ruleId === item.ruleId))).toBe(true);
  });

  it('the dashboard equals the ledger after a random sequence of assessments and transitions (seeded model test)', async () => {
    clock = Date.parse('2026-09-01T02:00:00.000Z');
    let run = 0;
    const command = fc.oneof(
      fc.record({ kind: fc.constant('assess' as const), hazard: fc.boolean(), target: fc.nat(2) }),
      fc.record({ kind: fc.constant('step' as const), action: fc.constantFrom('plan', 'start', 'rectified', 'accept', 'reject', 'close'), target: fc.nat(5), by: fc.constantFrom('company', 'acceptor') }),
      fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 0, max: 20 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        run += 1;
        clock = Date.parse('2026-09-01T02:00:00.000Z');
        const company = await account(`model-co-${run}`, 'enterprise');
        const acceptor = await account(`model-acc-${run}`, 'acceptor', { enterpriseId: company.id });
        const assessments: string[] = [];
        for (const step of commands) {
          if (step.kind === 'day') clock += step.days * 86_400_000;
          else if (step.kind === 'assess') {
            const facts = step.hazard ? hazardFacts : clearFacts;
            const target = assessments[step.target];
            if (target === undefined) assessments.push((await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts })).body.assessment.id);
            else expect((await api('PUT', `/self-assessments/${target}`, company.token, { facts })).status).toBe(200);
          } else {
            const items = (await api('GET', '/ledger', company.token)).body.items as { id: string }[];
            const item = items[step.target % Math.max(items.length, 1)];
            if (!item) continue;
            const body = step.action === 'plan' ? { action: 'plan', plan: fullPlan } : step.action === 'accept' ? { action: 'accept', person: '验收人', date: '2026-09-05', note: '核查' } : step.action === 'reject' ? { action: 'reject', note: '未达要求' } : { action: step.action };
            const result = await api('POST', `/ledger/items/${item.id}/actions`, step.by === 'company' ? company.token : acceptor.token, body);
            expect([200, 400, 403, 409]).toContain(result.status);
          }
        }
        const ledger = await api('GET', '/ledger', company.token);
        expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
        const { figures, items } = ledger.body as { figures: any; items: any[] };
        const rows = (status: string) => items.filter((item) => item.status === status).length;
        expect(figures.found).toBe(items.length);
        expect(figures.accepted).toBe(rows('closed'));
        expect(figures.open).toBe(rows('open'));
        expect(figures.rectifying).toBe(rows('rectifying'));
        expect(figures.awaiting).toBe(rows('awaiting'));
        expect(figures.rate).toBe(items.length === 0 ? null : rows('closed') / items.length);
        expect(figures.overdue).toBe(items.filter((item) => item.overdue).length);
        expect(figures.openMajor).toBe(items.filter((item) => item.ledger.grade === 'major' && item.status !== 'closed').length);
        expect(figures.recurrences).toBe(items.reduce((sum, item) => sum + item.ledger.recurrences.length, 0));
        expect(figures.byMonth.reduce((sum: number, row: { found: number }) => sum + row.found, 0)).toBe(items.length);
        // Every item an assessment found is accounted for: one item per (assessment, rule).
        expect(new Set(items.map((item) => `${item.assessmentId}/${item.ruleId}`)).size).toBe(items.length);
        // The store holds the same rows the API shows.
        expect((await repository.rectifications(company.id)).length).toBe(items.length);
      }),
      { seed: 1717, numRuns: 12, verbose: true },
    );
  }, 120_000);
});

describe('risk grading and the 岗位风险告知卡', () => {
  it('prints a card with the LEC level and colour, says the bands are convention, and refuses a value off the table', async () => {
    const company = await account('risk-co', 'enterprise');
    const query = new URLSearchParams({ post: '绞车司机', source: '提升绞车', L: '3', E: '6', C: '15', risks: '断绳跑车', hazards: '', consequences: '', controls: '每班检查钢丝绳', emergency: '', report: '' });
    const card = await fetch(`${base}/risk/card?${query}`, { headers: { authorization: `Bearer ${company.token}` } });
    const html = await card.text();
    expect(card.status).toBe(200);
    expect(html).toContain('data-level="large"');
    expect(html).toContain('较大风险（橙）');
    expect(html).toMatch(/data-d>270</);
    expect(html).toContain('行业惯例');
    const bad = await fetch(`${base}/risk/card?${new URLSearchParams({ post: '绞车司机', L: '4', E: '6', C: '15' })}`, { headers: { authorization: `Bearer ${company.token}` } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('query.L');
    expect((await api('GET', '/risk/lec?L=10&E=1&C=7', company.token)).body).toMatchObject({ d: '70', level: 'general', colour: '黄' });
  });
});

describe('evidence on a ledger item', () => {
  it('accepts a JPEG, PNG or PDF by its bytes, refuses a renamed non-image .jpg, a fake JPEG and an oversized file, and serves real thumbnails only to those allowed', async () => {
    clock = Date.parse('2026-09-01T02:00:00.000Z');
    const company = await account('evidence-co', 'enterprise', { region: '证据区' });
    const outsider = await account('evidence-other', 'enterprise');
    const regulator = await account('evidence-reg', 'regulator', { region: '证据区' });
    const elsewhere = await account('evidence-reg-2', 'regulator', { region: '别区' });
    const created = await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts: hazardFacts });
    const item = await hazardItem(company.token, created.body.assessment.id);
    const upload = (token: string, body: Uint8Array, query: string, type = 'image/jpeg') => fetch(`${base}/api/v1/ledger/items/${item.id}/evidence?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
    // A real 400×200 photo: red on the left, blue on the right.
    const pixels = Buffer.alloc(400 * 200 * 4);
    for (let index = 0; index < 400 * 200; index += 1) pixels.set(index % 400 < 200 ? [220, 20, 20, 255] : [20, 20, 220, 255], index * 4);
    const jpeg = new Uint8Array(jpegJs.encode({ width: 400, height: 200, data: pixels }, 90).data);

    const renamed = await upload(company.token, new TextEncoder().encode('MZ\x90\x00 this is a program, not a photo'), 'stage=found&name=photo.jpg');
    expect(renamed.status).toBe(415);
    expect(((await renamed.json()) as { error: string }).error).toContain('按文件内容判断');
    // The first bytes of a JPEG followed by anything else: it does not decode, so it is no photo either.
    expect((await upload(company.token, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), 'stage=found&name=fake.jpg')).status).toBe(415);
    expect(await repository.listEvidence(item.id)).toEqual([]);
    const tooLarge = await upload(company.token, new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff), 'stage=found&name=big.jpg');
    expect(tooLarge.status).toBe(413);
    expect((await upload(company.token, jpeg, 'stage=later&name=a.jpg')).status).toBe(400);
    expect((await upload(outsider.token, jpeg, 'stage=found&name=a.jpg')).status).toBe(404);

    const photo = await upload(company.token, jpeg, 'stage=found&name=%E7%8E%B0%E5%9C%BA.png', 'application/octet-stream');
    expect(photo.status).toBe(201);
    const stored = (await photo.json()) as { id: string; type: string; size: number };
    expect(stored).toMatchObject({ type: 'image/jpeg', size: jpeg.length }); // the bytes say JPEG, whatever the name
    const pdf = await upload(company.token, new TextEncoder().encode('%PDF-1.4\n%scan'), 'stage=rectification&name=scan.pdf', 'application/pdf');
    expect(pdf.status).toBe(201);
    const pdfId = ((await pdf.json()) as { id: string }).id;

    const served = await fetch(`${base}/ledger/evidence/${stored.id}`, { headers: { authorization: `Bearer ${company.token}` } });
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(jpeg);
    const pdfServed = await fetch(`${base}/ledger/evidence/${pdfId}`, { headers: { authorization: `Bearer ${company.token}` } });
    expect(pdfServed.headers.get('content-type')).toBe('application/pdf');
    expect(pdfServed.headers.get('content-disposition')).toMatch(/^attachment/);
    // The thumbnail is a smaller JPEG of the same picture, for the members and the region's regulator only.
    for (const viewer of [company, regulator]) {
      const small = await fetch(`${base}/ledger/evidence/${stored.id}/thumbnail`, { headers: { authorization: `Bearer ${viewer.token}` } });
      expect(small.status).toBe(200);
      expect(small.headers.get('content-type')).toBe('image/jpeg');
      const decoded = jpegJs.decode(new Uint8Array(await small.arrayBuffer()), { useTArray: true });
      expect([decoded.width, decoded.height]).toEqual([160, 80]);
      expect(decoded.data[0]).toBeGreaterThan(150); // red at the left edge
      expect(decoded.data[(40 * 160 + 150) * 4 + 2]).toBeGreaterThan(150); // blue at the right
    }
    for (const stranger of [outsider, elsewhere]) {
      expect((await fetch(`${base}/ledger/evidence/${stored.id}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
      expect((await fetch(`${base}/ledger/evidence/${stored.id}/thumbnail`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    }
    expect((await fetch(`${base}/ledger/evidence/${pdfId}/thumbnail`, { headers: { authorization: `Bearer ${company.token}` } })).status).toBe(404);

    const page = await (await fetch(`${base}/ledger/items/${item.id}`, { headers: { authorization: `Bearer ${company.token}` } })).text();
    expect(page).toContain(`<img src="/ledger/evidence/${stored.id}/thumbnail"`);
    expect(page).toMatch(new RegExp(`data-evidence-file="${pdfId}" data-stage="rectification"><a href="/ledger/evidence/${pdfId}" class="evidence-pdf"><svg class="pdf-icon"[^]*?<span>scan.pdf</span>`));
    expect(page).toContain('data-evidence-form');

    // The printable report carries the evidence, for the enterprise and for the region's regulator.
    for (const [viewer, path] of [[company, '/ledger/report'], [regulator, `/regulator/enterprises/${company.id}/report`]] as const) {
      const report = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${viewer.token}` } });
      expect(report.status, path).toBe(200);
      const html = await report.text();
      const section = new RegExp(`data-report-item="${item.id}"[^]*?</section>`).exec(html)?.[0] ?? '';
      expect(section).toContain(`<img src="/ledger/evidence/${stored.id}/thumbnail"`);
      expect(section).toContain('<span>scan.pdf</span>');
    }
    expect((await fetch(`${base}/regulator/enterprises/${company.id}/report`, { headers: { authorization: `Bearer ${elsewhere.token}` } })).status).toBe(404);
  });

  it('uploads through the item page’s form (multipart with the page’s CSRF token), and refuses a renamed non-image there too', async () => {
    const company = await account('evidence-form-co', 'enterprise');
    const created = await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts: hazardFacts });
    const item = await hazardItem(company.token, created.body.assessment.id);
    const browser = new CookieBrowser(() => base);
    await browser.get('/login');
    expect((await browser.post('/login', { username: 'evidence-form-co', password, next: '/' })).response.headers.get('location')).toBe('/ledger');
    const form = await browser.get(`/ledger/items/${item.id}`);
    expect(form.html).toContain(`action="/ledger/items/${item.id}/evidence" enctype="multipart/form-data"`);
    const send = (fields: Record<string, string>, file: { name: string; bytes: Uint8Array; type: string }) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      data.append('file', new Blob([file.bytes], { type: file.type }), file.name);
      return fetch(`${base}/ledger/items/${item.id}/evidence`, { method: 'POST', headers: { cookie: browser.cookieLine() }, body: data, redirect: 'manual' });
    };
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(200);
    const pngBytes = new Uint8Array(PNG.sync.write(png));
    expect((await send({ stage: 'found' }, { name: '现场.png', bytes: pngBytes, type: 'image/png' })).status).toBe(403); // no CSRF token
    const renamed = await send({ _csrf: browser.csrf, stage: 'found' }, { name: 'photo.jpg', bytes: new TextEncoder().encode('MZ not a photo'), type: 'image/jpeg' });
    expect(renamed.status).toBe(415);
    expect(await renamed.text()).toContain('按文件内容判断');
    const posted = await send({ _csrf: browser.csrf, stage: 'found' }, { name: '现场.png', bytes: pngBytes, type: 'image/png' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/ledger/items/${item.id}?done=evidence#evidence`);
    const files = await repository.listEvidence(item.id);
    expect(files.map((file) => [file.name, file.type, file.stage, file.size])).toEqual([['现场.png', 'image/png', 'found', pngBytes.length]]);
  });
});
