// The docs site in Chromium at a phone's width: a rule page (citation and title visible, nothing wider than the screen), the search and the language switch.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { buildSite, type BuildReport } from '../../packages/docs/src/build.js';
import { rulePage } from '../../packages/docs/src/paths.js';
import { loadRulesData } from '../../packages/rules/src/documents/load.js';

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
  outDir = mkdtempSync(join(tmpdir(), 'anquan-docs-browser-'));
  report = buildSite({ outDir });
  browser = await launchChromium();
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
    // About forty pages, some of them large vocabularies: under a loaded machine this takes more than the default minute.
  }, 180_000);
});

// The search and the language switch, as a reader on a phone uses them: everything runs from file://.
describe('searching the docs site on a phone', () => {
  it('finds rules by a Chinese word from the header box, and follows a result to the rule page', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
    await page.locator('form.site-search input[name="q"]').fill('瓦斯');
    await Promise.all([page.waitForURL(/search\.html\?q=/), page.locator('form.site-search input[name="q"]').press('Enter')]);
    const results = page.locator('#search-results li');
    await results.first().waitFor();
    expect(await page.locator('#search-input').inputValue()).toBe('瓦斯');
    expect(await page.locator('#search-status').textContent()).toMatch(/^找到 \d+ 项/);
    const first = results.first();
    const title = (await first.locator('.title').textContent())!;
    expect(`${title}${await first.locator('.where').textContent()}`).toContain('瓦斯');
    expect(await first.locator('code.dev').isVisible()).toBe(false);
    const widths = (await page.evaluate(widthsScript)) as Widths;
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);

    await Promise.all([page.waitForURL(/\.html$/), first.locator('a').click()]);
    expect(await page.locator('h1 .zh').textContent()).toBe(title);
    expect(page.url()).toContain('/sectors/');
    await page.close();
  });

  it('updates the results as the reader types, and finds a fact by its label', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pathToFileURL(join(outDir, 'search.html')).href);
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.locator('#search-input').fill('疏散');
    await page.locator('#search-results li').first().waitFor();
    const texts = await page.locator('#search-results li a').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    const hitTexts = await page.locator('#search-results li').allTextContents();
    expect(hitTexts.every((text) => text.includes('疏散'))).toBe(true);
    await page.locator('#search-input').fill('甲烷');
    const fact = page.locator('#search-results li.fact').first();
    await fact.waitFor();
    await Promise.all([page.waitForURL(/facts\.html#fact-/), fact.locator('a').click()]);
    const anchor = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${anchor}"] dt`).textContent()).toContain('甲烷');
    await page.close();
  });

  it('shows Chinese only until English is asked for, and remembers the choice on the next page', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const rule = loadRulesData().documents.find((candidate) => candidate.rules.some((item) => item.id === ruleId))!;
    await page.goto(pathToFileURL(join(outDir, rulePage(rule, ruleId))).href);
    const english = page.locator('h1 .en');
    const id = page.locator('.meta .dev');
    expect(await english.isVisible()).toBe(false);
    expect(await id.isVisible()).toBe(false);
    expect(await page.locator('main').innerText()).not.toContain(ruleId);

    await page.locator('button.language').click();
    expect(await english.isVisible()).toBe(true);
    expect(await id.isVisible()).toBe(true);
    expect(await page.locator('button.language').getAttribute('aria-pressed')).toBe('true');

    await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
    expect(await page.locator('h1 .en').isVisible()).toBe(true);
    const widths = (await page.evaluate(widthsScript)) as Widths;
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    await page.locator('button.language').click();
    expect(await page.locator('h1 .en').isVisible()).toBe(false);
    await context.close();
  });
});
