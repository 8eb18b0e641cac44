// The hazard ledger end to end in Chromium at a phone's width: the administrator assigns a region and an
// acceptor; the enterprise finds a hazard, fills the Art.15(2) plan (五落实) and rectifies; the acceptor
// accepts; the regulator's table shows it closed; its xlsx export, read back, carries the same numbers.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../support/repository.js';
import { logInOnPage } from './support/accounts.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { launchChromium } from './support/chromium.js';

const screenshots = process.env.ANQUAN_SCREENSHOTS ?? tmpdir();
// exceljs is the exam server's dependency: read the export with the server's own copy.
// (typed here by the little the test uses: the tests package does not depend on exceljs itself).
interface Workbook {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
  worksheets: { rowCount: number; getRow(index: number): { values: unknown } }[];
}
const ExcelJS = createRequire(join(repositoryRoot, 'packages', 'exam-server', 'package.json'))('exceljs') as { Workbook: new () => Workbook };
const asOf = '2026-09-01';
const password = 'correct-horse-9';

let browser: Browser | undefined;
let server: BuiltServer | undefined;
let base = '';

beforeAll(async () => {
  server = await startBuiltServer({ directoryPrefix: 'anquan-ledger-browser-', asOf, adminPassword: password });
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context at phone width, signed in as `username`, with script and CSP errors collected. */
const signedIn = async (username: string, errors: string[]): Promise<Page> => {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (error) => void errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text())));
  await logInOnPage(page, base, username, password);
  return page;
};
const noOverflow = async (page: Page) => expect((await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number).toBeLessThanOrEqual(0);

describe('the hazard ledger in a browser', () => {
  it('enterprise → acceptor → regulator, and the xlsx export agrees with the regulator’s table', async () => {
    const errors: string[] = [];
    const admin = await signedIn('admin', errors);
    await admin.goto(`${base}/admin/regions`);
    const create = async (username: string, displayName: string, role: string, region: string, enterprise?: string) => {
      await admin.fill('form[action="/admin/users"] input[name=username]', username);
      await admin.fill('form[action="/admin/users"] input[name=displayName]', displayName);
      await admin.fill('form[action="/admin/users"] input[name=password]', password);
      await admin.selectOption('form[action="/admin/users"] select[name=role]', role);
      await admin.fill('form[action="/admin/users"] input[name=region]', region);
      if (enterprise) await admin.selectOption('form[action="/admin/users"] select[name=enterpriseId]', { label: enterprise });
      await Promise.all([admin.waitForURL(/\/admin\/regions\?message=/), admin.click('form[action="/admin/users"] button')]);
    };
    await create('east-coal', '东区煤业', 'enterprise', '东区');
    await create('east-acceptor', '孙验收', 'acceptor', '', '东区煤业');
    await create('east-regulator', '东区应急管理局', 'regulator', '东区');
    await create('west-coal', '西区煤业', 'enterprise', '西区');

    // The enterprise finds the hazard.
    const company = await signedIn('east-coal', errors);
    await company.goto(`${base}/assessments`);
    await company.selectOption('select[name=sector]', 'coal-mine');
    await company.fill('input[name=asOf]', asOf);
    await Promise.all([company.waitForURL(/\/assessments\/[\w-]+\/edit$/), company.click('form[action="/assessments"] button')]);
    await company.selectOption('select[name="f.mineType"]', 'openPit');
    await company.click('summary:has-text("超能力、超强度或者超定员组织生产")');
    await company.fill('input[name="f.approvedCapacityTonnesPerYear"]', '1000000');
    await company.fill('input[name="f.annualRawCoalOutputTonnes"]', '1200000');
    await Promise.all([company.waitForURL(/\/assessments\/[\w-]+$/), company.click('button[value=report]')]);
    const hazard = company.locator('.sa-hazard', { hasText: '原煤产量超过核定（设计）生产能力' });
    await Promise.all([company.waitForURL(/\/ledger\/items\//), hazard.locator('a[data-ledger-item]').click()]);

    // Starting without the plan is refused, naming what is missing; then the plan, then rectification.
    await Promise.all([company.waitForLoadState('load'), company.click('button:has-text("开始整改")')]);
    expect(await company.locator('.error').textContent()).toContain('治理方案不完整');
    const plan = { goal: '产量降至核定能力以内', measures: '重新编制采掘计划，按月核查产量', fundsYuan: '80000', materials: '计量监测系统', organisation: '生产技术科', persons: '王工、李工', deadline: '2026-09-30', requirements: '九月底前完成', safetyMeasures: '超产即停产整顿', emergencyPlan: '启用煤矿综合应急预案' };
    for (const [name, value] of Object.entries(plan)) await company.fill(`[name=${name}]`, value);
    await Promise.all([company.waitForURL(/done=plan/), company.click('button:has-text("保存治理方案")')]);
    await Promise.all([company.waitForURL(/done=start/), company.click('button:has-text("开始整改")')]);
    await company.fill('textarea[name=note]', '已按核定能力调整生产计划');
    await Promise.all([company.waitForURL(/done=rectified/), company.click('button:has-text("整改完成，申请验收")')]);
    expect(await company.locator('[data-status]').first().getAttribute('data-status')).toBe('awaiting');
    expect(await company.locator('button:has-text("验收通过")').count()).toBe(0);

    await company.goto(`${base}/ledger`);
    expect(await company.locator('[data-figure=found]').textContent()).toBe('1');
    expect(await company.locator('[data-figure=accepted]').textContent()).toBe('0');
    await noOverflow(company);
    await company.screenshot({ path: join(screenshots, 'ledger-enterprise-phone.png'), fullPage: true });

    // The acceptor accepts.
    const acceptor = await signedIn('east-acceptor', errors);
    await acceptor.goto(`${base}/ledger`);
    await Promise.all([acceptor.waitForURL(/\/ledger\/items\//), acceptor.click('[data-ledger] a')]);
    await acceptor.fill('form:has(input[value=accept]) textarea[name=note]', '现场核查产量台账与监测记录，符合要求');
    await Promise.all([acceptor.waitForURL(/done=accept/), acceptor.click('button:has-text("验收通过，销号")')]);
    expect(await acceptor.locator('[data-acceptance]').textContent()).toContain('孙验收');
    expect(await acceptor.locator('[data-history]').textContent()).toContain('验收通过，销号');

    // The regulator sees its region only, the item closed, and exports the table.
    const regulator = await signedIn('east-regulator', errors);
    await regulator.goto(`${base}/regulator`);
    const row = regulator.locator('[data-region-table] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('东区煤业');
    expect(await row.first().locator('[data-figure=found]').textContent()).toBe('1');
    expect(await row.first().locator('[data-figure=accepted]').textContent()).toBe('1');
    expect(await row.first().locator('[data-figure=rate]').textContent()).toBe('100%');
    expect(await row.first().locator('[data-figure=openMajor]').textContent()).toBe('0');
    expect(await regulator.locator('img.trend-chart').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await noOverflow(regulator);
    await regulator.screenshot({ path: join(screenshots, 'regulator-phone.png'), fullPage: true });

    const download = await regulator.context().request.get(`${base}/regulator/export.xlsx`);
    expect(download.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (header: string) => values[headers.indexOf(header)];
    expect(cell('企业')).toBe('东区煤业');
    expect(cell('发现隐患')).toBe(Number(await row.first().locator('[data-figure=found]').textContent()));
    expect(cell('已验收销号')).toBe(Number(await row.first().locator('[data-figure=accepted]').textContent()));
    expect(cell('整改率（%）')).toBe(100);
    expect(cell('未销号重大隐患')).toBe(0);
    expect(sheet.rowCount).toBe(3); // one enterprise and the total: 西区煤业 is not in 东区

    // Read-only: the regulator cannot reach the ledger's steps.
    const attempt = await regulator.goto(`${base}/ledger`);
    expect(attempt?.status()).toBe(403);
    expect(errors).toEqual([]);
  }, 180_000);
});
