// The exam flow in a real Chromium on a phone-sized screen (Debian's chromium via playwright-core): a
// choice survives a jump by the 答题卡, a 1-minute mock times out with a ticked answer that is graded,
// 交卷 with unanswered questions asks first, ten practice questions go by without a page load, 背题 shows
// the key and no inputs, and times read in Beijing time. The built server (packages/exam-server/dist)
// runs in this process with a clock the test moves: nobody waits a real minute.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInOnPage, registerTraineeByApi } from './support/accounts.js';
import { startBuiltServer, type Api, type BuiltRepository, type BuiltServer } from './support/built-server.js';
import { launchChromium } from './support/chromium.js';
import { phoneContext } from './support/phone.js';

const blueprintId = 'principal-coal-mine';
const password = 'correct horse 1';
/** Screenshots are left here for a person to look at (not compared by the test). */
const screenshots = process.env.ANQUAN_SCREENSHOTS ?? join(tmpdir(), 'anquan-browser');

interface StoredAttempt {
  id: string;
  userId: string;
  deadline: string;
  answers: Record<string, string[]>;
  submittedAt: string | null;
  questionIds: string[];
}
interface Repository extends BuiltRepository {
  findAttempt(id: string): Promise<StoredAttempt | undefined>;
  answerRecords(filter?: { userId?: string }): Promise<{ questionId: string }[]>;
  findUserByName(name: string): Promise<{ id: string } | undefined>;
  progress(userId: string): Promise<{ favourites: string[] }>;
}

let server: BuiltServer<Repository> | undefined;
let browser: Browser | undefined;
let repository: Repository;
let base: string;
let api: Api;
// The server's clock: real time, moved forward by the time-out test.
let shift = 0;
const serverNow = () => new Date(Date.now() + shift);

const phone = () => phoneContext(browser!);

/** A new trainee, logged in through the login page. */
const trainee = async (context: BrowserContext, username: string): Promise<Page> => {
  await registerTraineeByApi(api, username, password, `学员${username}`);
  const page = await context.newPage();
  await logInOnPage(page, base, username, password, /\/exams$/);
  return page;
};

const startMock = async (page: Page) => {
  await page.goto(`${base}/exams`);
  await Promise.all([page.waitForURL(/\/attempts\/[\w-]+$/), page.locator(`form:has(input[name="blueprintId"][value="${blueprintId}"]) button`).first().click()]);
  return new URL(page.url()).pathname.split('/').pop()!;
};

/** Papers are drawn from known seeds, one after another, so a run is repeatable. */
let papersDrawn = 0;
const nextPaperSeed = () => `exam-flow-${(papersDrawn += 1)}`;

beforeAll(async () => {
  server = await startBuiltServer<Repository>({ directoryPrefix: 'anquan-browser-flow-', asOf: '2026-09-01', adminPassword: 'admin-password-1', newPaperSeed: nextPaperSeed, now: serverNow });
  ({ base, api, repository } = server);
  // A 1-minute mock of 3 judgements and 1 single choice: the duration is the administrator's, as in production.
  const admin = await api('/sessions', { method: 'POST', body: { username: 'admin', password: 'admin-password-1' } });
  const token = String(admin.body.token);
  expect((await api(`/admin/blueprints/${blueprintId}`, { method: 'PUT', token, body: { sections: [{ type: 'judgement', count: 3, points: 1 }, { type: 'single', count: 1, points: 1 }], passMark: 3, durationMinutes: 1 } })).status).toBe(200);
  expect((await api('/attempts', { method: 'POST', token, body: { blueprintId } })).status).toBe(201); // generates the questions now
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the exam page on a phone', () => {
  it('keeps a ticked choice across a jump by the 答题卡 and back, then 交卷 with unanswered questions asks first', async () => {
    const context = await phone();
    try {
      const page = await trainee(context, 'jumper');
      const attemptId = await startMock(page);
      // The save of the tick is slow on this network: the jump must wait for it.
      await page.route('**/api/v1/attempts/*/answers/*', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      const first = page.locator('label.option').first();
      const ticked = await first.locator('input').getAttribute('value');
      await first.click();
      await Promise.all([page.waitForURL(/\?q=3$/), page.locator('.sheet .cell').nth(2).click()]);
      expect(await page.locator('.exam-bar').innerText()).toContain('第 3 / 4 题');
      // A tick on question 3 saves itself and says so.
      await page.locator('label.option').nth(1).click();
      await expect.poll(() => page.locator('#save-state').innerText()).toBe('已保存');
      await Promise.all([page.waitForURL(/\?q=1$/), page.locator('.sheet .cell').nth(0).click()]);
      expect(await page.locator(`input[name="answer"][value="${ticked}"]`).isChecked()).toBe(true);
      expect(await page.locator('.sheet .cell.answered').count()).toBe(2);
      const stored = (await repository.findAttempt(attemptId))!;
      expect(stored.answers[stored.questionIds[0]!]).toEqual([ticked]);
      expect(stored.answers[stored.questionIds[2]!]).toHaveLength(1);

      // 交卷 with two unanswered: the summary dialog first, with the counts; 继续答题 keeps the paper open.
      await page.locator('#submit-open').click();
      const dialog = page.locator('#submit-dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.innerText()).toContain('已答 2 题，未答 2 题');
      await page.locator('#submit-cancel').click();
      expect(await dialog.isVisible()).toBe(false);
      expect((await repository.findAttempt(attemptId))!.submittedAt).toBeNull();
      await page.locator('#submit-open').click();
      await Promise.all([page.waitForURL(/\/review$/), page.locator('#submit-confirm').click()]);
      expect(await page.locator('h1').innerText()).toMatch(/成绩：\d \/ 4/);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      // The history page: the score chart has this paper's point, and fits the phone.
      await page.goto(`${base}/history`);
      expect(await page.locator('svg.score-chart circle').count()).toBe(1);
      expect(await page.locator('table.attempts').innerText()).toContain('主要负责人');
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, 'history-390x844.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('a 1-minute mock times out with a ticked answer that was never saved: the page sends it, and it is graded; times read in Beijing time', async () => {
    const context = await phone();
    try {
      const page = await trainee(context, 'timed-out');
      await page.clock.install();
      const attemptId = await startMock(page);
      const deadline = (await repository.findAttempt(attemptId))!.deadline;
      const beijing = (iso: string) => `${new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
      expect(await page.locator('body').innerText()).toContain(`截止时间 ${beijing(deadline)}`);
      // The network drops the autosave of this tick: only the time-out can deliver it.
      let dropped = 0;
      await page.route('**/api/v1/attempts/*/answers/*', async (route) => (dropped === 0 ? (dropped += 1, route.abort()) : route.continue()));
      const option = page.locator('label.option').first();
      const ticked = await option.locator('input').getAttribute('value');
      await option.click();
      await expect.poll(() => page.locator('#save-state').innerText()).toContain('未保存');
      expect((await repository.findAttempt(attemptId))!.answers).toEqual({});
      // The server's clock is moved to 10 s before the deadline, the page's a full minute on: the page's
      // countdown reaches zero first and must deliver the tick before handing the paper in.
      shift = Date.parse(deadline) - 10_000 - Date.now();
      await Promise.all([page.waitForURL(/\/review$/, { timeout: 30_000 }), page.clock.fastForward(61_000)]);
      const stored = (await repository.findAttempt(attemptId))!;
      expect(stored.answers[stored.questionIds[0]!]).toEqual([ticked]);
      expect(stored.submittedAt).not.toBeNull();
      const first = page.locator('ol.review > li').first();
      expect(await first.innerText()).toContain(`你的答案：${ticked}`);
      expect(await first.innerText()).toMatch(/答对|答错/);
      expect(await page.locator('#submitted-at').innerText()).toBe(beijing(stored.submittedAt!));
    } finally {
      await context.close();
    }
  });
});

describe('practice on a phone', () => {
  it('goes through ten questions without a full page load', async () => {
    const context = await phone();
    try {
      const page = await trainee(context, 'practiser');
      await page.goto(`${base}/practice?blueprintId=${blueprintId}&mode=sequential`);
      let loads = 0;
      page.on('load', () => (loads += 1));
      await page.evaluate('window.__samePage = true');
      const seen: string[] = [];
      for (let index = 0; index < 10; index += 1) {
        const id = await page.locator('input[name="questionId"]').first().inputValue();
        seen.push(id);
        expect(await page.locator('#practice-number').innerText()).toBe(String(index + 1));
        await page.locator('#practice-options label.option').first().click();
        await page.locator('#practice-submit').click();
        const feedback = page.locator('#practice-feedback');
        await expect.poll(() => feedback.isVisible()).toBe(true);
        expect(await feedback.locator('h2').innerText()).toMatch(/^回答(正确|错误)$/);
        expect(await feedback.locator('.cite').innerText()).toMatch(/^依据：/);
        expect(await page.locator('#practice-options label.option.key').count()).toBeGreaterThan(0);
        expect(await feedback.getByRole('button', { name: /收藏/ }).count()).toBe(1);
        if (index === 0) {
          // 收藏 from the feedback, without leaving the page.
          await feedback.getByRole('button', { name: '☆ 收藏' }).click();
          await expect.poll(() => feedback.getByRole('button', { name: '★ 取消收藏' }).count()).toBe(1);
          const user = (await repository.findUserByName('practiser'))!;
          expect((await repository.progress(user.id)).favourites).toEqual([id]);
        }
        await page.locator('#practice-next').click();
        await expect.poll(() => page.locator('input[name="questionId"]').first().inputValue()).not.toBe(id);
      }
      expect(loads).toBe(0);
      expect(await page.evaluate('window.__samePage')).toBe(true);
      expect(new Set(seen).size).toBe(10);
      const user = (await repository.findUserByName('practiser'))!;
      expect((await repository.answerRecords({ userId: user.id })).map((record) => record.questionId)).toEqual(seen);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });

  it('背题 shows the question with the key highlighted and the explanation, and nothing to answer', async () => {
    const context = await phone();
    try {
      const page = await trainee(context, 'reciter');
      await page.goto(`${base}/practice?blueprintId=${blueprintId}&mode=recite`);
      const card = page.locator('#recite');
      expect(await card.locator('li.key').count()).toBeGreaterThan(0);
      expect(await card.locator('li.key').first().innerText()).toContain('正确答案');
      expect(await card.locator('li.key').first().evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(233, 246, 236)');
      expect((await card.locator('.explain').innerText()).trim().length).toBeGreaterThan(0);
      expect(await card.locator('.cite').innerText()).toMatch(/^依据：/);
      expect(await page.locator('input[name="answer"]').count()).toBe(0);
      expect(await page.getByRole('button', { name: '提交答案' }).count()).toBe(0);
      const stem = await card.locator('.stem').innerText();
      await Promise.all([page.waitForURL(/position=1/), page.locator('#recite-next').click()]);
      expect(await page.locator('#recite .stem').innerText()).not.toBe(stem);
    } finally {
      await context.close();
    }
  });
});
