// Submitting order 16's statistics tables over HTTP: refused before the period ends, with a signature date
// outside (period end, today], without the 主要负责人's name, or a second time; on time up to the due date's
// last Beijing minute and late from the next; the period's figures frozen at submission while the ledger moves
// on; the acceptor may read but not submit; the page form does the same with its CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieBrowser } from './http-client.js';
import { accountPassword, startApp, type StartedApp } from './started-app.js';

const password = accountPassword;
const hazardFacts = { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 };
const fullPlan = { goal: '目标', measures: '措施', fundsYuan: 100, materials: '物资', organisation: '机构', persons: '人员', deadline: '2026-08-30', requirements: '要求', safetyMeasures: '安全措施', emergencyPlan: '预案' };
let clock = Date.parse('2026-05-02T02:00:00.000Z');
let app: StartedApp;

beforeAll(async () => {
  app = await startApp('anquan-statistics-', () => new Date(clock));
});
afterAll(() => app.close());

const account: StartedApp['account'] = (...args) => app.account(...args);
const api: StartedApp['api'] = (...args) => app.api(...args);
const periodOf = async (token: string, key: string) => ((await api('GET', '/ledger/statistics', token)).body.periods as any[]).find((period) => period.key === key);

describe('statistics submission', () => {
  it('lands one of two submissions of one table sent at once, and refuses the other', async () => {
    clock = Date.parse('2026-05-02T02:00:00.000Z');
    const company = await account('stats-race', 'enterprise');
    clock = Date.parse('2026-07-10T02:00:00.000Z');
    const sent = await Promise.all(['王总', '赵总'].map((principalName) => api('POST', '/ledger/statistics/quarter-2026-06-30', company.token, { principalName, signedOn: '2026-07-09' })));
    expect(sent.map((response) => response.status).sort()).toEqual([201, 409]);
    const landed = sent.find((response) => response.status === 201)!;
    expect((await periodOf(company.token, 'quarter-2026-06-30')).submission).toMatchObject({ principalName: landed.body.principalName });
  });

  it('records the signed table once, with its figures frozen, and shows due, overdue and submitted', async () => {
    clock = Date.parse('2026-05-02T02:00:00.000Z'); // Beijing 2026-05-02, in Q2
    const company = await account('stats-co', 'enterprise');
    const acceptor = await account('stats-acc', 'acceptor', { enterpriseId: company.id });
    const other = await account('stats-co-later', 'enterprise'); // on record in Q2, its only finding in Q3
    expect((await api('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf: '2026-05-01', facts: hazardFacts })).status).toBe(201);
    const inQ2 = (await api('GET', '/ledger', company.token)).body.items as { id: string }[];
    expect(inQ2.length).toBeGreaterThan(0);
    clock = Date.parse('2026-07-02T02:00:00.000Z'); // Q3: a finding here is not Q2's
    expect((await api('POST', '/self-assessments', other.token, { sector: 'coal-mine', asOf: '2026-07-01', facts: hazardFacts })).status).toBe(201);

    clock = Date.parse('2026-07-15T15:59:00.000Z'); // Beijing 2026-07-15 23:59: Q2's due date
    expect(await periodOf(company.token, 'quarter-2026-06-30')).toMatchObject({ state: 'due', due: '2026-07-15', draft: { found: inQ2.length, accepted: 0 } });
    // Q1 and every 2025 table ended before the enterprise was on record (2026-05-02): not listed, not owed.
    const keys = ((await api('GET', '/ledger/statistics', company.token)).body.periods as { key: string }[]).map((period) => period.key);
    expect(keys).toEqual(['quarter-2026-06-30', 'quarter-2026-09-30', 'quarter-2026-12-31', 'year-2026-12-31']);
    const before = await api('POST', '/ledger/statistics/quarter-2026-03-31', company.token, { principalName: '张总', signedOn: '2026-07-15' });
    expect([before.status, before.body.issues[0].path]).toEqual([409, 'period']);
    expect(before.body.error).toContain('企业建档（2026-05-02）之前');
    expect((await periodOf(company.token, 'quarter-2026-09-30')).state).toBe('not-yet');
    expect((await api('POST', '/ledger/statistics/quarter-2026-09-30', company.token, { principalName: '张总', signedOn: '2026-07-15' })).status).toBe(409);
    expect((await api('POST', '/ledger/statistics/quarter-2026-06-31', company.token, { principalName: '张总', signedOn: '2026-07-15' })).status).toBe(404);
    const inPeriod = await api('POST', '/ledger/statistics/quarter-2026-06-30', company.token, { principalName: '张总', signedOn: '2026-06-30' });
    expect([inPeriod.status, inPeriod.body.issues[0].path]).toEqual([400, 'signedOn']);
    expect((await api('POST', '/ledger/statistics/quarter-2026-06-30', company.token, { principalName: '张总', signedOn: '2026-07-16' })).status).toBe(400);
    const nameless = await api('POST', '/ledger/statistics/quarter-2026-06-30', company.token, { principalName: ' ', signedOn: '2026-07-15' });
    expect([nameless.status, nameless.body.issues[0].path]).toEqual([400, 'body.principalName']);
    expect((await api('POST', '/ledger/statistics/quarter-2026-06-30', acceptor.token, { principalName: '张总', signedOn: '2026-07-15' })).status).toBe(403);

    // On the due date's last minute: on time.
    const submitted = await api('POST', '/ledger/statistics/quarter-2026-06-30', company.token, { principalName: '张总', signedOn: '2026-07-14' });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ period: 'quarter-2026-06-30', principalName: '张总', signedOn: '2026-07-14', submittedAt: '2026-07-15T15:59:00.000Z', submittedBy: company.id, onTime: true, figures: { found: inQ2.length, accepted: 0 } });
    expect((await api('POST', '/ledger/statistics/quarter-2026-06-30', company.token, { principalName: '李总', signedOn: '2026-07-15' })).status).toBe(409);
    expect(await periodOf(acceptor.token, 'quarter-2026-06-30')).toMatchObject({ state: 'submitted', stateLabel: '已按时报送', submission: { principalName: '张总' } });

    // One minute later (Beijing 07-16 00:00) another enterprise's Q2 table is late.
    clock = Date.parse('2026-07-15T16:00:00.000Z');
    const late = await api('POST', '/ledger/statistics/quarter-2026-06-30', other.token, { principalName: '王总', signedOn: '2026-07-16' });
    expect(late.body).toMatchObject({ onTime: false, figures: { found: 0 } }); // its finding was in Q3
    expect(await periodOf(other.token, 'quarter-2026-06-30')).toMatchObject({ state: 'submitted-late', stateLabel: '已报送（逾期）' });

    // The ledger moves on (the item is accepted); the submission keeps the figures it was signed with.
    const item = inQ2[0]!;
    for (const step of [{ action: 'plan', plan: fullPlan }, { action: 'start' }, { action: 'rectified' }]) expect((await api('POST', `/ledger/items/${item.id}/actions`, company.token, step)).status).toBe(200);
    expect((await api('POST', `/ledger/items/${item.id}/actions`, acceptor.token, { action: 'accept', person: '验收人', date: '2026-07-16', note: '现场核查' })).status).toBe(200);
    const after = await periodOf(company.token, 'quarter-2026-06-30');
    expect(after.submission.figures.accepted).toBe(0);
    expect(after.draft).toBeNull();
    const page = await (await fetch(`${app.base}/ledger/statistics`, { headers: { authorization: `Bearer ${company.token}` } })).text();
    expect(page).toMatch(/data-period="quarter-2026-06-30" data-state="submitted">[^]*?主要负责人 <b>张总<\/b> 于 2026-07-14 签字[^]*?2026-07-15 23:59（北京时间）[^]*?data-frozen="accepted">0</);
  });

  it('submits through the page form with its CSRF token and shows the form again with the reason when refused', async () => {
    clock = Date.parse('2025-12-31T15:59:00.000Z'); // on record from Beijing 2025-12-31 23:59, the last minute of 2025
    await account('stats-form-co', 'enterprise');
    clock = Date.parse('2026-02-01T02:00:00.000Z'); // Beijing 2026-02-01: the 2025 annual table was due 01-31
    const browser = new CookieBrowser(() => app.base);
    await browser.get('/login');
    await browser.post('/login', { username: 'stats-form-co', password, next: '/' });
    const page = await browser.get('/ledger/statistics');
    expect(page.html).toMatch(/data-period="year-2025-12-31" data-state="past-due"[^]*?action="\/ledger\/statistics\/year-2025-12-31"/);
    const refused = await browser.post('/ledger/statistics/year-2025-12-31', { principalName: '赵总', signedOn: '2026-02-02' });
    expect(refused.response.status).toBe(400);
    expect(refused.html).toContain('签字日期须在统计期结束');
    expect(refused.html).toContain('value="赵总"');
    const sent = await browser.post('/ledger/statistics/year-2025-12-31', { principalName: '赵总', signedOn: '2026-02-01' });
    expect(sent.response.status).toBe(303);
    const shown = await browser.get('/ledger/statistics');
    expect(shown.html).toMatch(/data-period="year-2025-12-31" data-state="submitted-late"[^]*?已报送（逾期）[^]*?主要负责人 <b>赵总<\/b>/);
  });
});
