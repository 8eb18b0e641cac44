// Bulk screening and exports over HTTP: a seeded 1,000-row xlsx made with exceljs screens every good row as a
// job whose progress is polled (each verdict equal to assess() on the same facts), reports each planted bad
// cell by row and column, and lands every screened row in the region's table (on the account a row names, or
// as an enterprise without one); the page form does the same through a self-refreshing progress page. The
// regional table (with each enterprise's latest screening) and the ledger export as xlsx and CSV read back with
// the API's own numbers.
import { assess } from '@anquan/rules';
import ExcelJS from 'exceljs';
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
import { CookieBrowser } from './http-client.js';

const asOf = '2026-09-01';
const seed = 20261202;
let server: Server;
let base: string;
let directory: string;
let repository: Repository;

/** mulberry32: a small seeded generator, so the sheet is the same on every run. */
const random = (state: number) => () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const account = async (username: string, role: Role, extra: { region?: string; enterpriseId?: string } = {}) => {
  const id = newId();
  await repository.createUser({ id, username, displayName: `${username} 名称`, role, passwordHash: await hashPassword('correct-horse-9'), createdAt: '2026-09-01T00:00:00.000Z', ...extra });
  const token = newToken();
  await repository.createSession({ tokenHash: hashToken(token), userId: id, createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2030-01-01T00:00:00.000Z' });
  return { id, token };
};
/** Polls a screening job until it is no longer running (the outcome never depends on how many polls it takes). */
const finished = async (location: string, token: string) => {
  const seen: number[] = [];
  for (;;) {
    const job = (await (await fetch(base + location, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    seen.push(job.done);
    if (job.state !== 'running') return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const get = (path: string, token: string) => fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
const json = async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as any };
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-screening-'));
  repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-20' }, now: () => new Date('2026-09-20T02:00:00.000Z') });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

describe('bulk screening', () => {
  it(`screens a 1,000-row xlsx and lists the malformed cells by row and column (seed ${seed})`, async () => {
    const regulator = await account('screen-reg', 'regulator', { region: '南区' });
    // Two enterprise accounts of the region, named by rows of the sheet (login name; display name); one of another region.
    const named = await account('企业7', 'enterprise', { region: '南区' });
    const displayed = await account('south-co-9', 'enterprise', { region: '南区' });
    const elsewhere = await account('企业8', 'enterprise', { region: '西区' });
    const template = await get('/regulator/screening/template-coal-mine.xlsx', regulator.token);
    expect(template.status).toBe(200);
    const templateBook = new ExcelJS.Workbook();
    await templateBook.xlsx.load((await template.arrayBuffer()) as ArrayBuffer);
    const header = (templateBook.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header[0]).toBe('enterprise');
    expect(header).toEqual(expect.arrayContaining(['mineType', 'approvedCapacityTonnesPerYear', 'annualRawCoalOutputTonnes']));
    expect(String(templateBook.worksheets[0]!.getRow(2).getCell(1).value)).toMatch(/^#/);

    const next = random(seed);
    const column = (name: string) => header.indexOf(name) + 1;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('筛查');
    sheet.addRow(header);
    sheet.addRow(['#说明行，不读取']);
    const planted: { row: number; column: string }[] = [];
    const rows: { row: number; facts: Record<string, unknown> }[] = [];
    for (let index = 0; index < 1000; index += 1) {
      const row = index + 3;
      const capacity = 100000 * (1 + Math.floor(next() * 30));
      const output = Math.round(capacity * (0.8 + next() * 0.4));
      const cells: unknown[] = Array.from({ length: header.length }, () => null);
      cells[0] = index === 8 ? 'south-co-9 名称' : `企业${index + 1}`;
      cells[column('mineType') - 1] = next() < 0.5 ? 'openPit' : 'underground';
      cells[column('approvedCapacityTonnesPerYear') - 1] = capacity;
      cells[column('annualRawCoalOutputTonnes') - 1] = output;
      const fault = next();
      if (fault < 0.03) {
        cells[column('annualRawCoalOutputTonnes') - 1] = '很多';
        planted.push({ row, column: sheet.getColumn(column('annualRawCoalOutputTonnes')).letter });
      } else if (fault < 0.05) {
        cells[column('mineType') - 1] = 'volcano';
        planted.push({ row, column: sheet.getColumn(column('mineType')).letter });
      } else rows.push({ row, facts: { mineType: cells[column('mineType') - 1], approvedCapacityTonnesPerYear: capacity, annualRawCoalOutputTonnes: output } });
      sheet.addRow(cells);
    }
    const upload = Buffer.from(await book.xlsx.writeBuffer());
    const response = await fetch(`${base}/api/v1/regulator/screenings?sector=coal-mine&asOf=${asOf}`, { method: 'POST', headers: { authorization: `Bearer ${regulator.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: upload });
    expect(response.status).toBe(202);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/api\/v1\/regulator\/screenings\/[\w-]+$/);
    const started = (await response.json()) as { state: string; done: number };
    expect(started.state).toBe('running');
    const { job, seen } = await finished(location, regulator.token);
    expect(job.state).toBe('done');
    expect(job).toMatchObject({ done: 1000, total: 1000, percent: 100 });
    // Progress never goes back.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const result = job.result as { rows: number; screened: { row: number; enterprise: string; hazard: number; unknown: number }[]; problems: { row: number; column: string; fact: string; message: string }[]; landed: { matched: number; withoutAccount: number } };
    expect(result.rows).toBe(1000);
    expect(planted.length).toBeGreaterThan(10);
    expect(result.problems.map(({ row, column: letter }) => ({ row, column: letter }))).toEqual(planted);
    expect(result.screened.map((entry) => entry.row)).toEqual(rows.map((entry) => entry.row));
    // Every 20th good row checked against the library on the same facts.
    for (let index = 0; index < rows.length; index += 20) {
      const expected = await assess('coal-mine', rows[index]!.facts, { asOf });
      expect(result.screened[index]).toMatchObject({ row: rows[index]!.row, hazard: expected.summary.hazard, unknown: expected.summary.unknown });
    }

    // Every screened row landed in the region's table: two on the accounts they name, the rest without an account.
    const byRow = new Map(result.screened.map((entry) => [entry.row, entry]));
    const accountRows = [9, 11].filter((row) => byRow.has(row)); // 企业7 is row 9, the display name is row 11
    expect(accountRows.length).toBeGreaterThan(0);
    expect(result.landed).toEqual({ matched: accountRows.length, withoutAccount: result.screened.length - accountRows.length });
    const table = (await json('GET', '/regulator/enterprises', regulator.token)).body;
    const landedOn = (id: string) => table.rows.find((row: any) => row.enterpriseId === id)?.screening ?? null;
    if (byRow.has(9)) expect(landedOn(named.id)).toMatchObject({ enterpriseId: named.id, hazard: byRow.get(9)!.hazard, unknown: byRow.get(9)!.unknown, asOf });
    if (byRow.has(11)) expect(landedOn(displayed.id)).toMatchObject({ enterpriseId: displayed.id, name: 'south-co-9 名称', hazard: byRow.get(11)!.hazard });
    expect(table.rows.some((row: any) => row.enterpriseId === elsewhere.id)).toBe(false);
    const withoutAccount = result.screened.filter((entry) => !accountRows.includes(entry.row));
    expect(table.screenedOnly.map((entry: any) => [entry.name, entry.hazard, entry.unknown]).sort()).toEqual(withoutAccount.map((entry) => [entry.enterprise, entry.hazard, entry.unknown]).sort());
    expect(table.screeningTotals).toEqual({ enterprises: result.screened.length, withHazards: result.screened.filter((entry) => entry.hazard > 0).length, hazard: result.screened.reduce((sum, entry) => sum + entry.hazard, 0), unknown: result.screened.reduce((sum, entry) => sum + entry.unknown, 0) });
    const page = await (await get('/regulator', regulator.token)).text();
    expect(page).toContain(`data-screening-total="enterprises">${result.screened.length}<`);
    expect(page).toContain(`data-screened-name="${withoutAccount[0]!.enterprise}"`);
    // Another region's regulator neither sees the job nor the results.
    const other = await account('screen-reg-west', 'regulator', { region: '西区' });
    expect((await get(location, other.token)).status).toBe(404);
    expect((await json('GET', '/regulator/enterprises', other.token)).body.screeningTotals.enterprises).toBe(0);

    // A CSV with an unknown column and a bad cell; a body that is neither is refused; others may not screen.
    const csv = `enterprise,mineType,notAFact,annualRawCoalOutputTonnes\r\n甲,openPit,1,lots\r\n乙,underground,,100\r\n`;
    const fromCsv = await fetch(`${base}/api/v1/regulator/screenings?sector=coal-mine`, { method: 'POST', headers: { authorization: `Bearer ${regulator.token}`, 'content-type': 'text/csv' }, body: csv });
    expect(fromCsv.status).toBe(202);
    const csvResult = (await finished(fromCsv.headers.get('location')!, regulator.token)).job.result as typeof result;
    expect(csvResult.problems.map(({ row, column: letter, fact }) => [row, letter, fact])).toEqual([[1, 'C', 'notAFact'], [2, 'D', 'annualRawCoalOutputTonnes']]);
    expect(csvResult.screened.map((entry) => entry.row)).toEqual([3]);
    expect((await fetch(`${base}/api/v1/regulator/screenings?sector=coal-mine`, { method: 'POST', headers: { authorization: `Bearer ${regulator.token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: Buffer.from('not a zip') })).status).toBe(400);
    expect((await fetch(`${base}/api/v1/regulator/screenings?sector=nowhere`, { method: 'POST', headers: { authorization: `Bearer ${regulator.token}`, 'content-type': 'text/csv' }, body: csv })).status).toBe(400);
    const company = await account('screen-co', 'enterprise');
    expect((await fetch(`${base}/api/v1/regulator/screenings?sector=coal-mine`, { method: 'POST', headers: { authorization: `Bearer ${company.token}`, 'content-type': 'text/csv' }, body: csv })).status).toBe(403);
  }, 120_000);

  it('a job started on one server process is polled on another on the same store; one whose process stopped writing it shows as interrupted', async () => {
    // A second app on the same store, with its own memory: a second process behind a load balancer.
    const second = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-20' }, now: () => new Date('2026-09-20T02:00:00.000Z') }).listen(0, '127.0.0.1');
    await new Promise((resolve) => second.once('listening', resolve));
    const secondBase = `http://127.0.0.1:${(second.address() as AddressInfo).port}`;
    try {
      const regulator = await account('screen-reg-north', 'regulator', { region: '北郊' });
      const headers = { authorization: `Bearer ${regulator.token}` };
      const csv = `enterprise,mineType,annualRawCoalOutputTonnes\r\n甲,openPit,100\r\n乙,underground,200\r\n`;
      const started = await fetch(`${base}/api/v1/regulator/screenings?sector=coal-mine`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: csv });
      expect(started.status).toBe(202);
      const location = started.headers.get('location')!;
      let job: any;
      for (;;) {
        const polled = await fetch(secondBase + location, { headers });
        expect(polled.status).toBe(200);
        job = await polled.json();
        if (job.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(job).toMatchObject({ state: 'done', done: 2, total: 2, result: { rows: 2, landed: { matched: 0, withoutAccount: 2 } } });
      expect(job).toEqual(await (await fetch(base + location, { headers })).json());
      expect(await (await fetch(`${secondBase}/regulator/screening/jobs/${job.id}`, { headers })).text()).toContain('data-job-state="done"');
      const west = await account('screen-reg-west-2', 'regulator', { region: '西区' });
      expect((await fetch(secondBase + location, { headers: { authorization: `Bearer ${west.token}` } })).status).toBe(404);

      // A running job last written 61 s ago stopped with its process; one written 30 s ago is still running.
      const running = (updatedAt: string) => ({ ...job, id: 'stopped-job', state: 'running', done: 1, finishedAt: null, result: null, updatedAt, percent: undefined });
      const store = (data: Record<string, unknown>) => repository.saveLedgerRecord({ id: 'screening-job:stopped-job', kind: 'screening-job', enterpriseId: null, region: '北郊', savedAt: job.startedAt, data: JSON.parse(JSON.stringify(data)) });
      await store(running('2026-09-20T01:58:59.000Z'));
      expect((await json('GET', '/regulator/screenings/stopped-job', regulator.token)).body).toMatchObject({ state: 'failed', error: expect.stringContaining('筛查中断') });
      await store(running('2026-09-20T01:59:30.000Z'));
      expect((await json('GET', '/regulator/screenings/stopped-job', regulator.token)).body).toMatchObject({ state: 'running', done: 1 });
    } finally {
      await new Promise((resolve) => second.close(resolve));
    }
  });
});

describe('bulk screening from the page', () => {
  it('uploads through the form (multipart with the page’s CSRF token), shows progress on a page that refreshes itself, then the result', async () => {
    await account('form-reg', 'regulator', { region: '中区' });
    const browser = new CookieBrowser(() => base);
    await browser.get('/login');
    expect((await browser.post('/login', { username: 'form-reg', password: 'correct-horse-9', next: '/' })).response.headers.get('location')).toBe('/regulator');
    const form = await browser.get('/regulator/screening');
    expect(form.html).toContain('enctype="multipart/form-data"');
    const upload = async (fields: Record<string, string>, file?: { name: string; text: string }) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      if (file) data.append('file', new Blob([file.text], { type: 'text/csv' }), file.name);
      return fetch(`${base}/regulator/screening`, { method: 'POST', headers: { cookie: browser.cookieLine() }, body: data, redirect: 'manual' });
    };
    const csv = `enterprise,mineType,annualRawCoalOutputTonnes\r\n甲矿,openPit,很多\r\n乙矿,underground,100\r\n,openPit,100\r\n`;
    // Without the page's token the form is refused; without a file it is shown again with the reason.
    expect((await upload({ sector: 'coal-mine' }, { name: '清单.csv', text: csv })).status).toBe(403);
    const noFile = await upload({ _csrf: browser.csrf, sector: 'coal-mine' });
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain('请选择要上传的 xlsx 或 CSV 文件');
    const posted = await upload({ _csrf: browser.csrf, sector: 'coal-mine', asOf }, { name: '清单.csv', text: csv });
    expect(posted.status).toBe(303);
    const jobPage = posted.headers.get('location')!;
    expect(jobPage).toMatch(/^\/regulator\/screening\/jobs\/[\w-]+$/);
    let html = '';
    for (;;) {
      html = (await browser.get(jobPage)).html;
      const running = html.includes('data-job-state="running"');
      // While running, the page asks the browser to come back; once done it does not.
      expect(html.includes('http-equiv="refresh"')).toBe(running);
      if (!running) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(html).toContain('data-job-state="done"');
    expect([...html.matchAll(/data-problem="([^"]+)"/g)].map((match) => match[1])).toEqual(['2-C', '4-A']);
    expect(html).toContain('data-screened>1<');
    const region = await browser.get('/regulator');
    expect(region.html).toContain('data-screened-name="乙矿"');
    expect(region.html).not.toContain('data-screened-name="甲矿"');
  });
});

describe('exports', () => {
  it('the regional table and the ledger as xlsx and CSV carry the API’s numbers, Chinese headers, Beijing times', async () => {
    const company = await account('export-co', 'enterprise', { region: '北区' });
    const regulator = await account('export-reg', 'regulator', { region: '北区' });
    expect((await json('POST', '/self-assessments', company.token, { sector: 'coal-mine', asOf, facts: { mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000 } })).status).toBe(201);
    const table = (await json('GET', '/regulator/enterprises', regulator.token)).body;

    const xlsx = await get('/regulator/export.xlsx', regulator.token);
    expect(xlsx.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['企业', '排查次数', '发现隐患', '已验收销号', '整改率（%）', '未整改', '待验收', '逾期', '未销号重大隐患', '挂牌督办中', '每千次排查隐患数', '最近筛查判定日期', '筛查行业', '筛查重大隐患', '筛查待查明', '筛查发现的重大隐患', '企业账号']);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 4)).toEqual([table.rows[0].name, table.rows[0].inspections, table.rows[0].figures.found, table.rows[0].figures.accepted]);
    expect(first[8]).toBe(table.rows[0].figures.openMajor);
    expect((sheet.getRow(3).values as unknown[])[1]).toBe('合计');

    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await get('/regulator/export.csv', regulator.token)).arrayBuffer());
    expect(csv.startsWith('\uFEFF企业,排查次数,发现隐患')).toBe(true);
    expect(csv).toContain(`${table.rows[0].name},${table.rows[0].inspections},${table.rows[0].figures.found},${table.rows[0].figures.accepted}`);

    const ledger = (await json('GET', '/ledger', company.token)).body;
    const ledgerBook = new ExcelJS.Workbook();
    await ledgerBook.xlsx.load((await (await get('/ledger/export.xlsx', company.token)).arrayBuffer()) as ArrayBuffer);
    const ledgerSheet = ledgerBook.worksheets[0]!;
    expect(ledgerSheet.rowCount - 1).toBe(ledger.items.length);
    expect((ledgerSheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual(['序号', '隐患', '依据', '行业', '等级', '状态', '是否逾期']);
    const stamp = new Date(Date.parse(ledger.items[0].foundAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect((ledgerSheet.getRow(2).values as unknown[])[8]).toBe(stamp);
    expect((ledgerSheet.getRow(2).values as unknown[])[6]).toBe('待整改');
    // The regulator cannot export an enterprise's own ledger file; the enterprise cannot export the region.
    expect((await get('/ledger/export.csv', regulator.token)).status).toBe(403);
    expect((await get('/regulator/export.csv', company.token)).status).toBe(403);
  });

  it('the regional export carries the screening columns the page shows: each account’s latest screening, the screened enterprises without an account, and their totals', async () => {
    const company = await account('screened-co', 'enterprise', { region: '东郊' });
    const regulator = await account('screened-reg', 'regulator', { region: '东郊' });
    // One row names the account (a hazard: output over capacity), one an enterprise with no account (no hazard).
    const csv = `enterprise,mineType,approvedCapacityTonnesPerYear,annualRawCoalOutputTonnes\r\nscreened-co,openPit,1000000,1200000\r\n无账号煤矿,openPit,1000000,900000\r\n`;
    const posted = await fetch(`${base}/api/v1/regulator/screenings?sector=coal-mine`, { method: 'POST', headers: { authorization: `Bearer ${regulator.token}`, 'content-type': 'text/csv' }, body: csv });
    expect(posted.status).toBe(202);
    expect((await finished(posted.headers.get('location')!, regulator.token)).job.state).toBe('done');
    const table = (await json('GET', '/regulator/enterprises', regulator.token)).body;
    const screened = table.rows.find((row: { enterpriseId: string }) => row.enterpriseId === company.id).screening;
    expect(screened).toMatchObject({ name: 'screened-co 名称', hazard: 1 });
    expect(table.screenedOnly.map((entry: { name: string }) => entry.name)).toEqual(['无账号煤矿']);
    const page = await (await get('/regulator', regulator.token)).text();
    expect(page).toContain(`重大隐患 <b data-figure="screenedHazard">${screened.hazard}</b>`);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await get('/regulator/export.xlsx', regulator.token)).arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => (sheet.getRow(index + 2).values as unknown[]).slice(1));
    const cell = (row: unknown[], header: string) => (headers.includes(header) ? (row[headers.indexOf(header)] ?? null) : `no column ${header}`);
    const byName = (name: string) => rows.find((row) => row[0] === name)!;
    expect(rows.map((row) => row[0])).toEqual(['screened-co 名称', '无账号煤矿', '合计']);
    const withAccount = byName('screened-co 名称');
    expect([cell(withAccount, '最近筛查判定日期'), cell(withAccount, '筛查行业'), cell(withAccount, '筛查重大隐患'), cell(withAccount, '筛查待查明'), cell(withAccount, '筛查发现的重大隐患'), cell(withAccount, '企业账号')])
      .toEqual([screened.asOf, screened.sectorTitle, screened.hazard, screened.unknown, screened.hazards.join('；'), '有']);
    expect(cell(withAccount, '发现隐患')).toBe(0); // screening is not the enterprise's own ledger
    const without = byName('无账号煤矿');
    const only = table.screenedOnly[0];
    expect([cell(without, '排查次数'), cell(without, '发现隐患'), cell(without, '筛查重大隐患'), cell(without, '筛查待查明'), cell(without, '企业账号')]).toEqual([null, null, only.hazard, only.unknown, '无（仅经筛查）']);
    const total = byName('合计');
    expect([cell(total, '筛查重大隐患'), cell(total, '筛查待查明')]).toEqual([table.screeningTotals.hazard, table.screeningTotals.unknown]);

    // The CSV has the same columns and cells.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await get('/regulator/export.csv', regulator.token)).arrayBuffer());
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));
    expect(lines[0]).toEqual(headers);
    const csvRow = lines.find((line) => line[0] === 'screened-co 名称')!;
    expect(csvRow.slice(headers.indexOf('最近筛查判定日期'))).toEqual([screened.asOf, screened.sectorTitle, String(screened.hazard), String(screened.unknown), screened.hazards.join('；'), '有']);
    expect(lines.find((line) => line[0] === '无账号煤矿')!.at(-1)).toBe('无（仅经筛查）');
  });
});
