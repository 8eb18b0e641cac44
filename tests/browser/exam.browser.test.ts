// In a real Chromium (Debian's chromium, driven by playwright-core), on a phone-sized screen: a trainee
// registers through the page, takes a short coal-mine mock exam by clicking, submits, and reads the review
// with each question's citation. The built server (packages/exam-server/dist) runs in this process.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOnPage, registerTraineeByApi } from './support/accounts.js';
import { startBuiltServer, type Api, type BuiltServer } from './support/built-server.js';
import { launchChromium } from './support/chromium.js';
import { phoneContext, watchProblems } from './support/phone.js';

const blueprintId = 'principal-coal-mine';
/** Screenshots are left here for a person to look at (not compared by the test). */
const screenshots = process.env.ANQUAN_SCREENSHOTS ?? join(tmpdir(), 'anquan-browser');

/** Paper seeds the second test draws (comma-separated); each is printed with any failure it causes. */
const seeds = (process.env.ANQUAN_BROWSER_SEEDS ?? 'browser-1,browser-2,browser-3').split(',').filter(Boolean);

interface Catalogue {
  byId(id: string): Promise<{ citation: { text: string } } | undefined>;
}

let catalogue: Catalogue;
let server: BuiltServer | undefined;
let browser: Browser | undefined;
let base: string;
let api: Api;
/** The seed of the next paper the server draws (the server takes it from here in this test only). */
let paperSeed = 'browser-first-paper';

const clickAndWait = async (page: Page, selector: string, url: RegExp) => {
  await Promise.all([page.waitForURL(url, { timeout: 60_000 }), page.locator(selector).first().click()]);
  expect(new URL(page.url()).pathname).not.toBe('/login');
};

beforeAll(async () => {
  server = await startBuiltServer({ directoryPrefix: 'anquan-browser-', asOf: '2026-09-01', adminPassword: 'admin-password-1', newPaperSeed: () => paperSeed });
  ({ base, api } = server);
  const { createQuestionCatalogue } = (await server.load('questions/catalogue.js')) as { createQuestionCatalogue: (repository: unknown, asOf: () => string) => Catalogue };
  // The server's own questions, to tell the test what each review must cite (the paper is drawn at random).
  catalogue = createQuestionCatalogue(server.repository, () => '2026-09-01');

  // The administrator shortens the coal-mine paper to 3 judgements and 1 single choice, 5 minutes.
  const admin = await api('/sessions', { method: 'POST', body: { username: 'admin', password: 'admin-password-1' } });
  expect(admin.status).toBe(201);
  const token = String(admin.body.token);
  const shortened = await api(`/admin/blueprints/${blueprintId}`, {
    method: 'PUT',
    token,
    body: { sections: [{ type: 'judgement', count: 3, points: 1 }, { type: 'single', count: 1, points: 1 }], passMark: 3, durationMinutes: 5 },
  });
  expect(shortened.status).toBe(200);
  // Generate the coal-mine questions now (seconds), not while the browser waits.
  expect((await api('/attempts', { method: 'POST', token, body: { blueprintId } })).status).toBe(201);

  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a trainee on a phone', () => {
  it('registers, takes a short mock exam, submits, and sees the review with citations', async () => {
    const context = await phoneContext(browser!);
    const page = await context.newPage();
    // Every request the pages make succeeds.
    const problems = watchProblems(page);
    try {
      await registerOnPage(page, base, { username: 'trainee.li', displayName: '李安全', password: 'correct horse 1', role: 'trainee' }, /\/exams$/);
      expect(await page.locator('header').innerText()).toContain('李安全');

      // The shortened coal-mine paper is listed as the administrator left it, and starts.
      const coal = page.locator(`form:has(input[name="blueprintId"][value="${blueprintId}"])`);
      expect(await coal.innerText()).toContain('5分钟');
      expect(await coal.innerText()).toContain('满分4');
      await clickAndWait(page, `form:has(input[name="blueprintId"][value="${blueprintId}"]) button`, /\/attempts\/[\w-]+$/);
      const attemptPath = new URL(page.url()).pathname;

      // Answer each question by clicking an option, then "save and next" (the last one: "save").
      const total = 4;
      for (let number = 1; number <= total; number += 1) {
        expect(await page.locator('.exam-bar').innerText()).toContain(`第 ${number} / ${total} 题`);
        expect(await page.locator('.timer').innerText()).toMatch(/^剩余 \d+分\d{2} 秒$/);
        const options = page.locator('label.option');
        expect(await options.count()).toBeGreaterThanOrEqual(2);
        await options.first().click();
        expect(await options.first().locator('input').isChecked()).toBe(true);
        if (number === 1) await page.screenshot({ path: join(screenshots, 'attempt-390x844.png'), fullPage: true });
        await clickAndWait(page, 'button[name="go"]', new RegExp(`${attemptPath}\\?q=${Math.min(number + 1, total)}$`));
        expect(await page.locator('.sheet .cell').nth(number - 1).getAttribute('class')).toMatch(/answered/);
      }
      expect(await page.locator('.exam-bar').innerText()).toContain(`已答 ${total}`);
      expect(await page.locator('.sheet .cell.answered').count()).toBe(total);

      // 交卷 asks first (the summary dialog), then hands the paper in.
      await page.locator('#submit-open').click();
      await clickAndWait(page, '#submit-confirm', /\/review$/);
      const heading = await page.locator('h1').innerText();
      expect(heading).toContain('成绩');
      expect(heading).toMatch(/成绩：\d \/ 4 (合格|不合格)/);
      const items = page.locator('ol.review > li');
      expect(await items.count()).toBe(total);
      // Read the paper's questions back and hold each citation to the question's own (curated questions
      // cite differently from generated ones).
      const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
      const attempt = (await (await fetch(`${base}/api/v1${attemptPath}`, { headers: { cookie: cookies } })).json()) as { questions: { id: string }[] };
      const expected = await Promise.all(attempt.questions.map(async (question) => `依据：${(await catalogue.byId(question.id))!.citation.text}`));
      for (let index = 0; index < total; index += 1) {
        const item = items.nth(index);
        expect(await item.locator('.cite').innerText(), `paper seed ${paperSeed}`).toBe(expected[index]);
        expect(await item.innerText()).toContain('正确答案');
        expect(await item.innerText()).toContain('你的答案');
        expect((await item.locator('.explain').innerText()).trim().length).toBeGreaterThan(0);
      }

      // The page fits the phone: nothing wider than the screen.
      const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(scrollWidth).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(screenshots, 'review-390x844.png'), fullPage: true });
      console.log(`screenshots: ${join(screenshots, 'attempt-390x844.png')}, ${join(screenshots, 'review-390x844.png')}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(seeds)('reviews a paper drawn with seed %s: every citation is its question’s own, and the page fits', async (seed) => {
    const token = await registerTraineeByApi(api, `seeded-${seed}`.slice(0, 32), 'correct horse 1', '种子学员');
    paperSeed = seed;
    const started = await api('/attempts', { method: 'POST', token, body: { blueprintId } });
    expect(started.status, `seed ${seed}`).toBe(201);
    const id = String(started.body.id);
    expect((await api(`/attempts/${id}/submit`, { method: 'POST', token })).status).toBe(200);
    const questions = started.body.questions as { id: string }[];
    const context = await phoneContext(browser!, { deviceScaleFactor: 1 });
    try {
      await context.addCookies([{ name: 'aq_session', value: token, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/attempts/${id}/review`);
      const cited = await page.locator('ol.review > li .cite').allInnerTexts();
      const expected = await Promise.all(questions.map(async (question) => `依据：${(await catalogue.byId(question.id))!.citation.text}`));
      expect(cited, `seed ${seed}`).toEqual(expected);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth')), `seed ${seed}`).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
