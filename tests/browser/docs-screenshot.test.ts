// One rule page of the docs site in Chromium at a phone's width: citation and title visible, nothing wider than the screen.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable } from './chromium.js';
import { buildSite, type BuildReport } from '../../packages/docs/src/build.js';
import { rulePage } from '../../packages/docs/src/paths.js';
import { loadRulesData } from '../../packages/rules/src/documents/load.js';

const executablePath = chromiumExecutable();
const ruleId = 'coal-mine-2026-art4-1';

interface Widths {
  scroll: number;
  inner: number;
}
const widthsScript = '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })';

let outDir: string;
let report: BuildReport;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; run node scripts/ensure-chromium.mjs or set ANQUAN_CHROMIUM`);
  outDir = mkdtempSync(join(tmpdir(), 'anquan-docs-browser-'));
  report = buildSite({ outDir });
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('a rule page on a phone', () => {
  it(`shows ${ruleId} with its citation and title, without horizontal overflow`, async () => {
    const document = loadRulesData().documents.find((candidate) => candidate.rules.some((rule) => rule.id === ruleId))!;
    const rule = document.rules.find((candidate) => candidate.id === ruleId)!;
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(outDir, rulePage(document, rule.id))).href);

    expect(await page.locator('.citation .label').textContent()).toBe('第四条第（一）项');
    expect(await page.locator('h1 .zh').textContent()).toBe(rule.title.zh);
    expect(await page.locator('.citation').isVisible()).toBe(true);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const shown = await page.locator('main').innerText();
    expect(shown).toContain('第四条第（一）项');
    expect(shown).toContain(rule.title.zh);
    // The tests compile without the DOM library, so page-side code is passed as text.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('header.site')).display`)).toBe('flex');
    const widths = (await page.evaluate(widthsScript)) as Widths;
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);

    const shots = join(tmpdir(), 'anquan-docs-screenshots');
    mkdirSync(shots, { recursive: true });
    const file = join(shots, `${ruleId}-390x844.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await page.close();
  });

  // Rule pages share one template; every other page (home, guide, sectors, documents, checklists,
  // vocabularies) is checked, since wide tables and long fact names are where overflow would come from.
  it('lets no page other than the rule pages overflow horizontally either', async () => {
    const pages = report.files.filter((file) => file.endsWith('.html') && (/(index|checklist|facts|guide)\.html$/.test(file)));
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    const overflowing: string[] = [];
    for (const file of pages) {
      await page.goto(pathToFileURL(join(outDir, file)).href);
      const widths = (await page.evaluate(widthsScript)) as Widths;
      if (widths.scroll > widths.inner) overflowing.push(`${file}: ${widths.scroll}px`);
    }
    await page.close();
    expect(pages.length).toBeGreaterThan(3);
    expect(overflowing).toEqual([]);
  });
});
