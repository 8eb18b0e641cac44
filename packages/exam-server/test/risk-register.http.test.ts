// The stored risk register over HTTP: add/edit/delete through the API and the pages, the level computed by
// LEC at its exact band endpoints (D = 70 and D = 20 reachable, 320 not; the digest's examples), the matrix
// level stated by the enterprise and said to be so, the printable 岗位风险告知卡 from an entry, and the region's
// 重大风险 shown to its regulator only.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskMethods } from '../src/risk/levels.js';
import { CookieBrowser } from './http-client.js';
import { accountPassword, startApp, type StartedApp } from './started-app.js';

const password = accountPassword;
const clock = Date.parse('2026-09-01T02:00:00.000Z');
const seed = 20261203;
let app: StartedApp;

beforeAll(async () => {
  app = await startApp('anquan-risk-', () => new Date(clock));
});
afterAll(() => app.close());

const account: StartedApp['account'] = (...args) => app.account(...args);
const api: StartedApp['api'] = (...args) => app.api(...args);
const page: StartedApp['page'] = (...args) => app.page(...args);
const lec = (L: string, E: string, C: string, extra: Record<string, unknown> = {}) => ({ post: '装卸岗', source: '液氨储罐区', method: 'lec', lec: { L, E, C }, controlLevel: 'team', measures: '定期巡检', ...extra });

/** The digest's words (DP-LEC-05/06): D > 320 red; 160 ≤ D ≤ 320 orange; 70 ≤ D < 160 yellow; below 70 blue. */
const expectedLevel = (d: number) => (d > 320 ? 'major' : d >= 160 ? 'large' : d >= 70 ? 'general' : 'low');

describe('the risk register', () => {
  it('grades LEC entries at the exact band endpoints, and the matrix by the level the enterprise states', async () => {
    const company = await account('risk-co', 'enterprise');
    // The digest's examples and the reachable endpoints: 70 (10×1×7) is yellow, 20 (10×2×1) blue, 270 orange, 4000 red.
    for (const [L, E, C, d, level, colour] of [
      ['3', '6', '15', '270', 'large', '橙'],
      ['1', '6', '7', '42', 'low', '蓝'],
      ['10', '10', '40', '4000', 'major', '红'],
      ['10', '1', '7', '70', 'general', '黄'],
      ['10', '2', '1', '20', 'low', '蓝'],
      ['0.5', '1', '40', '20', 'low', '蓝'],
    ] as const) {
      const created = await api('POST', '/risk/register', company.token, lec(L, E, C));
      expect(created.status, `${L}×${E}×${C}`).toBe(201);
      expect(created.body).toMatchObject({ score: d, level, colour, method: 'lec' });
      expect(created.body.basis).toContain('行业惯例');
    }
    // The matrix: R computed, the level the enterprise's own, said to be so.
    const matrix = await api('POST', '/risk/register', company.token, { post: '巡检岗', source: '高处平台', method: 'ls', ls: { L: '4', S: '5', level: 'large' }, controlLevel: 'workshop', measures: '设护栏' });
    expect(matrix.status).toBe(201);
    expect(matrix.body).toMatchObject({ score: '20', level: 'large', colour: '橙', controlLabel: '车间' });
    expect(matrix.body.basis).toContain('由企业');
    // Bad input names the field.
    const missing = await api('POST', '/risk/register', company.token, { post: '装卸岗', source: '罐区', method: 'lec', controlLevel: 'team', measures: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((issue: any) => issue.path)).toContain('body.lec');
    expect((await api('POST', '/risk/register', company.token, lec('7', '6', '15'))).body.issues[0].path).toBe('body.lec.L');
    expect((await api('POST', '/risk/register', company.token, { ...lec('3', '6', '15'), controlLevel: 'city' })).status).toBe(400);
    // Listed highest level first.
    const listed = (await api('GET', '/risk/register', company.token)).body.entries as any[];
    expect(listed.map((entry) => entry.level)).toEqual(['major', 'large', 'large', 'general', 'low', 'low', 'low']);
  });

  it(`grades every LEC combination by the digest's bands (seed ${seed})`, async () => {
    const company = await account('risk-property', 'enterprise');
    const values = (list: { value: string }[]) => fc.constantFrom(...list.map((entry) => entry.value));
    await fc.assert(
      fc.asyncProperty(values(riskMethods.lec.L), values(riskMethods.lec.E), values(riskMethods.lec.C), async (L, E, C) => {
        const created = await api('POST', '/risk/register', company.token, lec(L, E, C));
        // D in thousandths, exactly: each factor has at most one decimal place.
        const thousandths = Math.round(Number(L) * 10) * Math.round(Number(E) * 10) * Math.round(Number(C) * 10);
        expect(created.body.level).toBe(expectedLevel(thousandths / 1000));
        await api('DELETE', `/risk/register/${created.body.id}`, company.token);
      }),
      { seed, numRuns: 40 },
    );
  });

  it('edits and deletes through the pages, prints the 告知卡, and shows the region’s 重大风险 to its regulator only', async () => {
    const company = await account('risk-page-co', 'enterprise', { region: '风险区' });
    const acceptor = await account('risk-page-acc', 'acceptor', { enterpriseId: company.id });
    const regulator = await account('risk-page-reg', 'regulator', { region: '风险区' });
    const elsewhere = await account('risk-page-reg2', 'regulator', { region: '他区' });
    const browser = new CookieBrowser(() => app.base);
    await browser.get('/login');
    await browser.post('/login', { username: 'risk-page-co', password, next: '/' });
    const form = await browser.get('/risk/register/new');
    expect(form.html).toContain('data-risk-form');
    expect(form.html).toContain(riskMethods.lec.note);
    const incomplete = await browser.post('/risk/register', { post: '', source: '氨压缩机房', method: 'lec', L: '3', E: '6', C: '40', controlLevel: 'company', measures: '' });
    expect(incomplete.response.status).toBe(400);
    expect(incomplete.html).toContain('value="氨压缩机房"');
    const saved = await browser.post('/risk/register', { post: '压缩机岗', source: '氨压缩机房', method: 'lec', L: '3', E: '6', C: '40', controlLevel: 'company', measures: '泄漏报警联锁', card_emergency: '佩戴空气呼吸器撤离' });
    expect(saved.response.status).toBe(303);
    const id = decodeURIComponent(/saved=([^&]+)/.exec(saved.response.headers.get('location')!)![1]!);
    let entry = (await api('GET', `/risk/register/${id}`, company.token)).body;
    expect(entry).toMatchObject({ score: '720', level: 'major', colour: '红', controlLabel: '公司', card: { emergency: '佩戴空气呼吸器撤离' } });

    // The card prints the entry: level, colour, formula, the measures as the controls, and the convention note.
    const card = await page(`/risk/register/${encodeURIComponent(id)}/card`, acceptor.token);
    expect(card).toContain('data-level="major"');
    expect(card).toContain('重大风险（红）');
    expect(card).toContain('D &#x3D; 3 × 6 × 40 = <b data-score>720</b>');
    expect(card).toContain('泄漏报警联锁');
    expect(card).toContain('佩戴空气呼吸器撤离');
    expect(card).toContain(riskMethods.lec.note);

    // The regulator of the region sees it among the 重大风险; another region's does not; nobody else may ask.
    const major = (await api('GET', '/regulator/risks', regulator.token)).body;
    expect(major.entries.map((row: any) => [row.id, row.enterpriseName, row.level])).toEqual([[id, 'risk-page-co 用户', 'major']]);
    expect(await page('/regulator/risks', regulator.token)).toContain(`data-risk="${id}"`);
    expect((await api('GET', '/regulator/risks', elsewhere.token)).body.entries).toEqual([]);
    expect((await api('GET', '/regulator/risks', company.token)).status).toBe(403);
    // The acceptor reads the register but may not write it; the regulator does not edit it either.
    expect((await api('GET', '/risk/register', acceptor.token)).body.entries).toHaveLength(1);
    expect((await api('PUT', `/risk/register/${id}`, acceptor.token, lec('1', '1', '1'))).status).toBe(403);
    expect((await api('POST', '/risk/register', regulator.token, lec('1', '1', '1'))).status).toBe(403);

    // Edited to a lower level through the form, it leaves the regulator's list; then deleted.
    const edit = await browser.get(`/risk/register/${encodeURIComponent(id)}/edit`);
    expect(edit.html).toContain('value="压缩机岗"');
    expect((await browser.post(`/risk/register/${encodeURIComponent(id)}`, { post: '压缩机岗', source: '氨压缩机房', method: 'lec', L: '1', E: '6', C: '40', controlLevel: 'workshop', measures: '泄漏报警联锁' })).response.status).toBe(303);
    entry = (await api('GET', `/risk/register/${id}`, company.token)).body;
    expect(entry).toMatchObject({ score: '240', level: 'large', colour: '橙' });
    expect((await api('GET', '/regulator/risks', regulator.token)).body.entries).toEqual([]);
    const register = await browser.get('/risk/register');
    expect(register.html).toContain(`data-risk="${id}" data-level="large"`);
    expect((await browser.post(`/risk/register/${encodeURIComponent(id)}/delete`, {})).response.status).toBe(303);
    expect((await api('GET', `/risk/register/${id}`, company.token)).status).toBe(404);
    expect((await api('GET', '/risk/register', company.token)).body.entries).toEqual([]);
  });
});
