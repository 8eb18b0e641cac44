// The exam flow over HTTP against a started app: submission is atomic under concurrent saves, no key of a
// live attempt leaks through practice, the server chooses every paper's seed, only answered-wrong
// questions enter the 错题本 (removable by hand), marks freeze on submit, random practice counts its
// progress, the last practice choice is remembered, and pages show Beijing time, 分/秒 and the charts.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { seededRandom } from '../src/papers/assemble.js';
import { baseBlueprints } from '../src/papers/blueprints.js';
import { createQuestionCatalogue } from '../src/questions/catalogue.js';
import { isCorrect, type Question } from '../src/questions/question.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository } from '../src/store/repository.js';
import { apiClient, CookieBrowser } from './http-client.js';

/** Papers are drawn from known seeds, one after another, so a run is repeatable. */
let papersDrawn = 0;
const nextPaperSeed = () => `exam-flow-http-${(papersDrawn += 1)}`;

const asOf = '2026-09-01';
const blueprintId = 'principal-coal-mine';
const blueprint = baseBlueprints().find((candidate) => candidate.id === blueprintId)!;
const pointsOf = (question: Question) => blueprint.sections.find((section) => section.type === question.type)!.points;

interface QuestionView {
  number: number;
  id: string;
  type: string;
  options: { key: string; text: string }[];
  answer: string[];
  key?: string[];
  correct?: boolean;
  earned?: number;
}
interface AttemptView {
  id: string;
  startedAt: string;
  deadline: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  marked: string[];
  questions: QuestionView[];
}

// The server's clock: tests move it instead of waiting.
let clock = Date.parse('2026-09-01T01:00:00Z');
let directory: string;
let repository: Repository;
let server: Server;
let base = '';
let catalogue: ReturnType<typeof createQuestionCatalogue>;
const api = apiClient(() => base);

const register = async (username: string) => {
  const { status, body } = await api('POST', '/users', { body: { username, displayName: `学员${username}`, password: 'correct horse 1' } });
  expect(status).toBe(201);
  return { token: body.token as string, id: (body.user as { id: string }).id };
};
const start = async (token: string, extra: Record<string, unknown> = {}) => {
  const { status, body, text } = await api('POST', '/attempts', { token, body: { blueprintId, ...extra } });
  expect(status, text).toBe(201);
  return body as unknown as AttemptView;
};
const truth = async (id: string) => (await catalogue.byId(id))!;
const pagesFor = async (username: string) => {
  const browser = new CookieBrowser(() => base);
  await browser.get('/login');
  const loggedIn = await browser.post('/login', { username, password: 'correct horse 1', next: '/' });
  expect(loggedIn.response.status).toBe(303);
  await browser.get('/exams');
  return browser;
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-exam-flow-'));
  repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf }, now: () => new Date(clock), newPaperSeed: nextPaperSeed });
  catalogue = createQuestionCatalogue(repository, () => asOf);
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Generate the coal-mine questions once in the app and once in the test's own catalogue (seconds).
  await start((await register('warm-up')).token);
  await catalogue.forSources(blueprint.sources);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections?.();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('submission is atomic', () => {
  it('grades every save answered 200 and refuses every later one with 409, over 20 seeded rounds of 90 saves and a submit', async () => {
    const { token } = await register('racer');
    let acknowledged = 0;
    let refused = 0;
    for (let round = 0; round < 20; round += 1) {
      const seed = `atomic-${round}`;
      const random = seededRandom(seed);
      const attempt = await start(token);
      expect(attempt.questions).toHaveLength(90);
      // One save per question, each a seeded choice, each sent at a seeded offset; the submit too.
      const plan = attempt.questions.map((question) => ({ question, answer: [question.options[Math.floor(random() * question.options.length)]!.key], delay: Math.floor(random() * 40) }));
      const submitDelay = Math.floor(random() * 40);
      const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const [saves, submitted] = await Promise.all([
        Promise.all(plan.map(async ({ question, answer, delay }) => (await after(delay), { question, answer, ...(await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(question.id)}`, { token, body: { answer } })) }))),
        after(submitDelay).then(() => api('POST', `/attempts/${attempt.id}/submit`, { token })),
      ]);
      const context = `seed ${seed}, submit at ${submitDelay} ms`;
      expect(submitted.status, context).toBe(200);
      const review = submitted.body as unknown as AttemptView;
      const graded = new Map(review.questions.map((question) => [question.id, question]));
      const stored = (await repository.findAttempt(attempt.id))!;
      for (const save of saves) {
        expect([200, 409], `${context}: ${save.text}`).toContain(save.status);
        const shown = graded.get(save.question.id)!;
        if (save.status === 200) {
          acknowledged += 1;
          expect(shown.answer, `${context}: acknowledged save of ${save.question.id} graded`).toEqual(save.answer);
          expect(stored.answers[save.question.id], context).toEqual(save.answer);
        } else {
          refused += 1;
          expect(shown.answer, `${context}: refused save of ${save.question.id} not graded`).toEqual([]);
          expect(stored.answers[save.question.id], context).toBeUndefined();
        }
      }
      // The review equals the score: each question graded from its key, the points adding up.
      let total = 0;
      for (const shown of review.questions) {
        const question = await truth(shown.id);
        const right = isCorrect(question, shown.answer);
        expect(shown.correct, context).toBe(right);
        expect(shown.earned, context).toBe(right ? pointsOf(question) : 0);
        total += shown.earned!;
      }
      expect(review.score, context).toBe(total);
      expect(stored.score, context).toBe(total);
      // Read again later, the review is the same.
      const again = (await api('GET', `/attempts/${attempt.id}`, { token })).body as unknown as AttemptView;
      expect(again.score, context).toBe(total);
      expect(again.questions.map((question) => question.answer), context).toEqual(review.questions.map((question) => question.answer));
    }
    console.log(`atomic submit: ${acknowledged} saves acknowledged and graded, ${refused} refused with 409, over 20 rounds`);
    // The race was run on both sides of the close.
    expect(acknowledged).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 240_000);

  it('a second submit returns the same result, and a page save after the close says so (409)', async () => {
    const { token, id: userId } = await register('double-submit');
    const attempt = await start(token);
    const first = attempt.questions[0]!;
    expect((await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(first.id)}`, { token, body: { answer: [first.options[0]!.key] } })).status).toBe(200);
    const [one, two] = await Promise.all([api('POST', `/attempts/${attempt.id}/submit`, { token }), api('POST', `/attempts/${attempt.id}/submit`, { token })]);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    expect((one.body as unknown as AttemptView).score).toBe((two.body as unknown as AttemptView).score);
    expect((one.body as unknown as AttemptView).submittedAt).toBe((two.body as unknown as AttemptView).submittedAt);
    // Learning was recorded once: one answer record for the one answered question.
    const records = await repository.answerRecords({ userId });
    expect(records.map((record) => record.questionId)).toEqual([first.id]);

    const browser = await pagesFor('double-submit');
    const late = await browser.post(`/attempts/${attempt.id}/answer`, { questionId: first.id, answer: first.options[1]!.key, go: '2' });
    expect(late.response.status).toBe(409);
    expect(late.html).toContain('考试已交卷或已超时');
    expect(late.html).toContain(`/attempts/${attempt.id}/review`);
    expect((await repository.findAttempt(attempt.id))!.answers[first.id]).toEqual([first.options[0]!.key]);
  });

  it('an expired attempt is graded at its deadline: submittedAt is the deadline, the save before it counts', async () => {
    const { token } = await register('late-comer');
    const attempt = await start(token);
    const first = attempt.questions[0]!;
    const key = (await truth(first.id)).answer;
    expect((await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(first.id)}`, { token, body: { answer: key } })).status).toBe(200);
    clock = Date.parse(attempt.deadline) + 90_000;
    const submitted = (await api('POST', `/attempts/${attempt.id}/submit`, { token })).body as unknown as AttemptView;
    expect(submitted.submittedAt).toBe(attempt.deadline);
    expect(submitted.questions[0]).toMatchObject({ answer: key, correct: true });
    expect(submitted.score).toBe(pointsOf(await truth(first.id)));
  });
});

describe('no key of a live attempt, and the server chooses the seed', () => {
  it('practice refuses a question of the trainee’s open mock and hides them from every practice queue, 背题 included', async () => {
    const { token } = await register('peeker');
    const before = (await api('GET', `/practice?blueprintId=${blueprintId}&mode=recite`, { token })).body as { total: number };
    const attempt = await start(token);
    const during = (await api('GET', `/practice?blueprintId=${blueprintId}&mode=recite`, { token })).body as { total: number; question: { id: string } };
    expect(during.total).toBe(before.total - attempt.questions.length);
    expect(attempt.questions.map((question) => question.id)).not.toContain(during.question.id);
    for (const mode of ['sequential', 'random']) {
      const step = (await api('GET', `/practice?blueprintId=${blueprintId}&mode=${mode}`, { token })).body as { total: number };
      expect(step.total, mode).toBe(before.total - attempt.questions.length);
    }
    let leaked = 0;
    for (const question of attempt.questions) {
      const answer = await api('POST', '/practice/answers', { token, body: { questionId: question.id, answer: [question.options[0]!.key] } });
      expect(answer.status).toBe(409);
      expect(answer.body).not.toHaveProperty('key');
      expect(answer.body).not.toHaveProperty('explanation');
      if ('key' in answer.body) leaked += 1;
    }
    expect(leaked).toBe(0);
    // The practice page says why some questions are missing.
    const page = await (await pagesFor('peeker')).get(`/practice?blueprintId=${blueprintId}&mode=recite`);
    expect(page.html).toContain('交卷前不在练习中出现');
    expect(page.html).not.toContain(attempt.questions[0]!.id);
    // After the paper is handed in, the same questions are practice again, with their keys.
    await api('POST', `/attempts/${attempt.id}/submit`, { token });
    const after = await api('POST', '/practice/answers', { token, body: { questionId: attempt.questions[0]!.id, answer: [attempt.questions[0]!.options[0]!.key] } });
    expect(after.status).toBe(200);
    expect(after.body.key).toEqual((await truth(attempt.questions[0]!.id)).answer);
  });

  it('two trainees passing the same seed get different papers, and no view names a seed', async () => {
    const first = await register('seed-one');
    const second = await register('seed-two');
    const a = await start(first.token, { seed: 'the-known-seed' });
    const b = await start(second.token, { seed: 'the-known-seed' });
    const c = await start(first.token, { seed: 'the-known-seed' });
    const paper = (attempt: AttemptView) => attempt.questions.map((question) => `${question.id}:${question.options.map((option) => option.key).join('')}`).join('|');
    expect(paper(a)).not.toBe(paper(b));
    expect(paper(a)).not.toBe(paper(c));
    expect(a).not.toHaveProperty('seed');
    const stored = [a, b, c].map((attempt) => attempt.id);
    const seeds = await Promise.all(stored.map(async (id) => (await repository.findAttempt(id))!.seed));
    expect(seeds).not.toContain('the-known-seed');
    expect(new Set(seeds).size).toBe(3);
  });
});

describe('the mistakes book, marks and practice progress', () => {
  it('only questions answered wrong enter the 错题本; one can be removed by hand (API and page)', async () => {
    const { token } = await register('mistaken');
    const attempt = await start(token);
    const [right, wrongOne, wrongTwo] = attempt.questions;
    const wrongKey = async (question: QuestionView) => {
      const key = (await truth(question.id)).answer;
      return [question.options.find((option) => !key.includes(option.key))!.key];
    };
    const put = (question: QuestionView, answer: string[]) => api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(question.id)}`, { token, body: { answer } });
    expect((await put(right!, (await truth(right!.id)).answer)).status).toBe(200);
    expect((await put(wrongOne!, await wrongKey(wrongOne!))).status).toBe(200);
    expect((await put(wrongTwo!, await wrongKey(wrongTwo!))).status).toBe(200);
    const review = (await api('POST', `/attempts/${attempt.id}/submit`, { token })).body as unknown as AttemptView;
    expect(review.questions.filter((question) => !question.correct)).toHaveLength(89);
    const book = () => api('GET', '/mistakes', { token }).then((response) => (response.body as unknown as { id: string }[]).map((item) => item.id).sort());
    expect(await book()).toEqual([wrongOne!.id, wrongTwo!.id].sort());

    const removed = await api('DELETE', `/mistakes/${encodeURIComponent(wrongOne!.id)}`, { token });
    expect(removed.status).toBe(200);
    expect(await book()).toEqual([wrongTwo!.id]);

    const browser = await pagesFor('mistaken');
    const page = await browser.get('/mistakes');
    expect(page.html).toContain('移出错题本');
    const posted = await browser.post('/mistakes/remove', { questionId: wrongTwo!.id });
    expect(posted.response.status).toBe(303);
    expect(await book()).toEqual([]);
    expect((await browser.get(posted.response.headers.get('location')!)).html).toContain('已移出错题本');
  });

  it('marks freeze on submit', async () => {
    const { token } = await register('marker');
    const attempt = await start(token);
    const question = encodeURIComponent(attempt.questions[1]!.id);
    expect((await api('PUT', `/attempts/${attempt.id}/marks/${question}`, { token, body: { marked: true } })).status).toBe(204);
    await api('POST', `/attempts/${attempt.id}/submit`, { token });
    const late = await api('PUT', `/attempts/${attempt.id}/marks/${question}`, { token, body: { marked: false } });
    expect(late.status).toBe(409);
    expect((await repository.findAttempt(attempt.id))!.marked).toEqual([attempt.questions[1]!.id]);
    expect((await api('PUT', `/attempts/${attempt.id}/marks/${encodeURIComponent(attempt.questions[2]!.id)}`, { token, body: { marked: true } })).status).toBe(409);
  });

  it('random practice counts its progress and walks on to other questions', async () => {
    const { token } = await register('shuffler');
    const seen: string[] = [];
    const positions: number[] = [];
    let total = 0;
    for (let index = 0; index < 4; index += 1) {
      const step = (await api('GET', `/practice?blueprintId=${blueprintId}&mode=random`, { token })).body as { position: number; total: number; queue: string; question: { id: string; options: { key: string }[] } };
      total = step.total;
      positions.push(step.position);
      seen.push(step.question.id);
      expect((await api('POST', '/practice/answers', { token, body: { questionId: step.question.id, answer: [step.question.options[0]!.key], queue: step.queue, position: step.position } })).status).toBe(200);
    }
    expect(positions).toEqual([0, 1, 2, 3]);
    expect(new Set(seen).size).toBe(4);
    expect(total).toBeGreaterThan(100);
    const browser = await pagesFor('shuffler');
    expect((await browser.get(`/practice?blueprintId=${blueprintId}&mode=random`)).html).toContain(`第 <span id="practice-number">5</span> / <span id="practice-total">${total}</span> 题`);
  });

  it('remembers the last exam type and practice mode, and 背题 shows the key with no inputs', async () => {
    await register('rememberer');
    const browser = await pagesFor('rememberer');
    // Not the first blueprint listed (the default), and a small pool to generate.
    const chosen = baseBlueprints().find((candidate) => candidate.id === 'principal-fireworks')!;
    expect(baseBlueprints()[0]!.id).not.toBe(chosen.id);
    const first = await browser.get(`/practice?blueprintId=${chosen.id}&mode=recite`);
    expect(first.response.status).toBe(200);
    const again = await browser.get('/practice');
    expect(again.html).toContain(`<option value="${chosen.id}" selected>`);
    expect(again.html).toContain('<option value="recite" selected>');
    // 背题: the options carry the key mark, the explanation is there, and nothing can be answered.
    expect(again.html).toContain('背题模式');
    expect(again.html).toMatch(/<li class="key"><b>[A-Z]<\/b>[^<]*✔ 正确答案<\/li>/);
    expect(again.html).toContain('class="explain"');
    expect(again.html).not.toContain('name="answer"');
    expect(again.html).not.toContain('提交答案');
  });
});

describe('pages in Beijing time, with the summary and the charts', () => {
  it('the summary of attempt counts answered, unanswered and marked before 交卷', async () => {
    const { token } = await register('summariser');
    const attempt = await start(token);
    await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(attempt.questions[0]!.id)}`, { token, body: { answer: [attempt.questions[0]!.options[0]!.key] } });
    await api('PUT', `/attempts/${attempt.id}/marks/${encodeURIComponent(attempt.questions[5]!.id)}`, { token, body: { marked: true } });
    const browser = await pagesFor('summariser');
    const shown = await browser.get(`/attempts/${attempt.id}/summary`);
    expect(shown.response.status).toBe(200);
    expect(shown.html).toContain('共 90 题：已答 <b>1</b> 题，未答 <b>89</b> 题，已标记 <b>1</b> 题');
    expect((await repository.findAttempt(attempt.id))!.submittedAt).toBeNull();
    // 交卷 on the exam page goes to this summary (saving the current choice), not straight to grading.
    const viaButton = await browser.post(`/attempts/${attempt.id}/answer`, { questionId: attempt.questions[1]!.id, answer: attempt.questions[1]!.options[0]!.key, summary: '1', stay: '2' });
    expect(viaButton.response.headers.get('location')).toBe(`/attempts/${attempt.id}/summary`);
    expect((await repository.findAttempt(attempt.id))!.submittedAt).toBeNull();
  });

  it('shows times in Beijing time, labelled; 考试记录 with Chinese names and 分/秒; an SVG score chart and accuracy per topic', async () => {
    clock = Date.parse('2026-09-01T17:30:00Z'); // 01:30 on 2 September in Beijing
    const { token } = await register('historian');
    const attempt = await start(token);
    const key = (await truth(attempt.questions[0]!.id)).answer;
    await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(attempt.questions[0]!.id)}`, { token, body: { answer: key } });
    clock += 125_000; // 2分05秒 later
    await api('POST', `/attempts/${attempt.id}/submit`, { token });
    const second = await start(token);
    clock += 61_000;
    await api('POST', `/attempts/${second.id}/submit`, { token });

    const browser = await pagesFor('historian');
    const review = await browser.get(`/attempts/${attempt.id}/review`);
    expect(review.html).toContain('开考 2026-09-02 01:30（北京时间）');
    expect(review.html).toContain('交卷 <span id="submitted-at">2026-09-02 01:32（北京时间）</span>');
    expect(review.html).toContain('用时 2分05秒');
    expect(review.html).toContain(blueprint.candidate.label);

    // The exam type taken last is offered first on the exams page.
    const exams = await browser.get('/exams');
    expect(exams.html).toMatch(new RegExp(`上次考试：<strong>${blueprint.candidate.label}</strong>`));

    const history = await browser.get('/history');
    expect(history.html).toContain('2026-09-02 01:30（北京时间）');
    expect(history.html).toContain('2分05秒');
    expect(history.html).toContain('1分01秒');
    const records = /<table class="table attempts">([\s\S]*?)<\/table>/.exec(history.html)![1]!;
    expect(records).toContain(blueprint.candidate.label);
    expect(records).not.toContain(blueprintId);
    // One line for the exam type with a point per submitted paper, and one bar per topic answered.
    const scoreChart = /<svg class="chart score-chart"[\s\S]*?<\/svg>/.exec(history.html)![0];
    expect(scoreChart.match(/<circle /g)).toHaveLength(2);
    expect(scoreChart).toContain('class="pass-line"');
    const topics = (await api('GET', '/history', { token })).body as unknown as { title: string; accuracy: number }[];
    expect(topics).toHaveLength(1);
    const topicChart = /<svg class="chart topic-chart"[\s\S]*?<\/svg>/.exec(history.html)![0];
    expect(topicChart.match(/<rect class="bar"/g)).toHaveLength(topics.length);
    expect(topicChart).toContain(topics[0]!.title);
    expect(topicChart).toContain(`${Math.round(topics[0]!.accuracy * 100)}%`);
    // No UTC time without its label anywhere on the page.
    expect(history.html).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?!（北京时间）)/);
  });
});
