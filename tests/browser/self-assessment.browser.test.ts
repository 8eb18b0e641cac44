// An enterprise's self-assessment in Chromium at a phone's width: part of a coal-mine form (a typo refused
// with the field named), a report with a hazard and unknowns, re-assessed and cleared (to 待验收 in the ledger).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOnPage } from './support/accounts.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { launchChromium } from './support/chromium.js';

const asOf = '2026-09-01';
const hazardTitle = '原煤产量超过核定（设计）生产能力';
const productionGroup = '超能力、超强度或者超定员组织生产';

let browser: Browser | undefined;
let server: BuiltServer | undefined;
let base = '';

beforeAll(async () => {
  server = await startBuiltServer({ directoryPrefix: 'anquan-self-assessment-browser-', asOf });
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('enterprise self-assessment in a browser', () => {
  it('fills part of a coal-mine form, re-assesses and sees the hazard cleared to 待验收 on the dashboard', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    // Script errors and CSP refusals (inline script or style) count; the 400 of the refused form does not.
    page.on('pageerror', (error) => void errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text())));

    // An enterprise lands on its hazard ledger, and reaches 自评估 from its navigation.
    await registerOnPage(page, base, { username: 'mine-safety', displayName: '赵安全', password: 'correct-horse-9', role: 'enterprise' }, (url) => url.href === `${base}/ledger`);
    await Promise.all([page.waitForURL(`${base}/assessments`), page.click('nav a[href="/assessments"]')]);

    await page.selectOption('select[name=sector]', 'coal-mine');
    await page.fill('input[name=asOf]', asOf);
    await Promise.all([page.waitForURL(/\/assessments\/[\w-]+\/edit$/), page.click('form[action="/assessments"] button')]);
    const id = /\/assessments\/([\w-]+)\/edit$/.exec(page.url())![1]!;

    // Applicability first, then one folded group per category; a typo in a number is refused.
    await page.selectOption('select[name="f.mineType"]', 'openPit');
    await page.click(`summary:has-text("${productionGroup}")`);
    await page.fill('input[name="f.approvedCapacityTonnesPerYear"]', '1000000');
    await page.fill('input[name="f.annualRawCoalOutputTonnes"]', '120万');
    await page.click('button[value=report]');
    await expect.poll(() => page.locator('.alert').textContent()).toContain('全年原煤产量');
    expect(page.url()).toBe(`${base}/assessments/${id}`);
    await expect.poll(() => page.locator('input[name="f.annualRawCoalOutputTonnes"]').inputValue()).toBe('120万');
    expect(await page.locator('input[name="f.annualRawCoalOutputTonnes"]').isVisible()).toBe(true);
    expect(await page.locator('#fact-annualRawCoalOutputTonnes .sa-error').textContent()).toContain('请填写数字');
    expect(await page.locator('select[name="f.mineType"]').inputValue()).toBe('openPit');

    await page.fill('input[name="f.annualRawCoalOutputTonnes"]', '1200000');
    await Promise.all([page.waitForURL(`${base}/assessments/${id}`), page.click('button[value=report]')]);

    // The report: the hazard first, with its citation and the value that made it fire; then unknowns.
    const hazard = page.locator('.sa-hazard', { hasText: hazardTitle });
    await expect.poll(() => hazard.count()).toBe(1);
    expect(await hazard.textContent()).toContain('第四条第（一）项');
    expect(await hazard.textContent()).toContain('1.2');
    expect(Number(await page.locator('[data-summary=unknown]').textContent())).toBeGreaterThan(0);
    expect(await page.locator('.sa-unknowns li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-document="coal-mine-major-hazards"]').textContent()).toContain('2026');
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(process.env.ANQUAN_SCREENSHOTS ?? tmpdir(), 'self-assessment-report-phone.png'), fullPage: false });

    // Printing hides the link to the ledger but keeps the findings; the steps live in the ledger.
    await page.emulateMedia({ media: 'print' });
    expect(await hazard.locator('a[data-ledger-item]').isVisible()).toBe(false);
    expect(await hazard.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await hazard.locator('[data-status]').getAttribute('data-status')).toBe('open');

    // Re-assess with the corrected output: the hazard is gone and shows as cleared.
    await Promise.all([page.waitForURL(`${base}/assessments/${id}/edit`), page.click('a:has-text("修改回答并复评")')]);
    await page.click(`summary:has-text("${productionGroup}")`);
    expect(await page.locator('input[name="f.annualRawCoalOutputTonnes"]').inputValue()).toBe('1200000');
    await page.fill('input[name="f.annualRawCoalOutputTonnes"]', '1000000');
    await Promise.all([page.waitForURL(`${base}/assessments/${id}`), page.click('button[value=report]')]);
    await expect.poll(() => page.locator('.sa-cleared').textContent()).toContain(hazardTitle);
    expect(await page.locator('.sa-hazard', { hasText: hazardTitle }).count()).toBe(0);

    await page.goto(`${base}/assessments`);
    // Cleared by re-assessment means 待验收, not closed: nothing is accepted yet.
    expect(await page.locator('[data-count=found]').textContent()).toBe('1');
    expect(await page.locator('[data-count=rectified]').textContent()).toBe('0');
    expect(await page.locator('[data-count=open]').textContent()).toBe('1');
    expect(await page.locator('[data-count=rate]').textContent()).toBe('0%');
    expect(errors).toEqual([]);
    await page.close();
  });
});
