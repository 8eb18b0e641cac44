// Practice over the API: no key before answering, shuffled options in random practice, instant feedback
// with key and citation, and the mistakes book (a question leaves after N right answers in a row).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createQuestionCatalogue, type QuestionCatalogue } from '../src/questions/catalogue.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';

let directory: string;
let server: Server;
let base: string;
let token: string;
let catalogue: QuestionCatalogue;

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-practice-'));
  const repository = await openLowdbRepository(directory);
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 2, asOf: '2026-09-01' } });
  catalogue = createQuestionCatalogue(repository, () => '2026-09-01');
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const registered = await fetch(`${base}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'learner', displayName: '学员', password: 'password-123' }) });
  token = ((await registered.json()) as { token: string }).token;
}, 120_000);
afterAll(() => {
  server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('practice', () => {
  it('shows a question without its key, then gives instant feedback with key and citation', async () => {
    const step = await call('GET', '/practice?blueprintId=principal-coal-mine&mode=sequential');
    expect(step.status).toBe(200);
    const question = step.body.question;
    expect(question).not.toHaveProperty('answer');
    expect(question).not.toHaveProperty('explanation');
    expect(question).not.toHaveProperty('evidence');
    const feedback = await call('POST', '/practice/answers', { questionId: question.id, answer: [question.options[0].key], queue: step.body.queue, position: step.body.position });
    expect(feedback.status).toBe(200);
    expect(feedback.body.key.length).toBeGreaterThan(0);
    expect(feedback.body.citation).toMatch(/《/);
    expect(feedback.body.correct).toBe(feedback.body.key.join() === question.options[0].key);
    // Sequential practice resumes at the next question.
    const next = await call('GET', '/practice?blueprintId=principal-coal-mine&mode=sequential');
    expect(next.body.position).toBe(step.body.position + 1);
  });

  it('random practice shows the options of a choice question in a shuffled order, never losing one', async () => {
    // Walk the random queue by position (a GET alone does not advance it) until 30 choice questions are
    // seen. Each shows exactly the options the question has; with 3+ options each, all 30 coming out in
    // their original order has a chance below 1e-13, so the last assertion fails only when shuffling is broken.
    const total = (await call('GET', '/practice?blueprintId=principal-coal-mine&mode=random')).body.total;
    let choices = 0;
    let reordered = 0;
    for (let position = 0; choices < 30 && position < total; position += 1) {
      const step = await call('GET', `/practice?blueprintId=principal-coal-mine&mode=random&position=${position}`);
      const question = step.body.question;
      if (question.type === 'judgement') continue;
      const original = (await catalogue.byId(question.id))!.options.map((option) => option.key);
      const shown: string[] = question.options.map((option: { key: string }) => option.key);
      expect([...shown].sort(), question.id).toEqual([...original].sort());
      choices += 1;
      if (shown.join() !== original.join()) reordered += 1;
    }
    expect(choices).toBe(30);
    expect(reordered).toBeGreaterThan(0);
  }, 120_000);

  it('a wrong answer goes to the mistakes book and leaves after two right answers in a row', async () => {
    const step = await call('GET', '/practice?blueprintId=principal-coal-mine&mode=sequential&position=3');
    const question = step.body.question;
    const wrong = question.options.map((option: { key: string }) => option.key).find((key: string) => key !== 'X');
    const first = await call('POST', '/practice/answers', { questionId: question.id, answer: [wrong] });
    const right: string[] = first.body.key;
    const wrongKey = question.options.map((option: { key: string }) => option.key).find((key: string) => !right.includes(key));
    await call('POST', '/practice/answers', { questionId: question.id, answer: [wrongKey] });
    expect((await call('GET', '/mistakes')).body.map((item: { id: string }) => item.id)).toContain(question.id);
    await call('POST', '/practice/answers', { questionId: question.id, answer: right });
    expect((await call('GET', '/mistakes')).body.find((item: { id: string }) => item.id === question.id)?.rightInARow).toBe(1);
    await call('POST', '/practice/answers', { questionId: question.id, answer: right });
    expect((await call('GET', '/mistakes')).body.map((item: { id: string }) => item.id)).not.toContain(question.id);
  });

  it('refuses an answer that is not one of the options, naming the field', async () => {
    const step = await call('GET', '/practice?blueprintId=principal-coal-mine');
    const refused = await call('POST', '/practice/answers', { questionId: step.body.question.id, answer: ['Z'] });
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0].path).toBe('answer');
  });

  it('history reports accuracy per chapter', async () => {
    const history = await call('GET', '/history');
    expect(history.body.length).toBeGreaterThan(0);
    for (const chapter of history.body) expect(chapter.accuracy).toBe(chapter.right / chapter.answered);
  });
});
