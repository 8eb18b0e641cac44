// Acceptance tests over HTTP against a started app (createApp + listen on a loopback port, lowdb in a
// temporary directory): register, log in, take a shortened mock exam through the API, submit and get
// the score; no answer key before submission; one trainee cannot touch another's attempt; forms without
// the CSRF token are refused; bad input gets a 4xx naming the field and stores nothing; the server's
// clock closes a paper at its deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { hashPassword } from '../src/accounts/passwords.js';
import { newId } from '../src/accounts/tokens.js';
import { baseBlueprints } from '../src/papers/blueprints.js';
import { createQuestionCatalogue } from '../src/questions/catalogue.js';
import type { Question } from '../src/questions/question.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import { openApiProblem } from './openapi-validator.js';
import type { Repository } from '../src/store/repository.js';

/** Papers are drawn from known seeds, one after another, so a run is repeatable. */
let papersDrawn = 0;
const nextPaperSeed = () => `http-${(papersDrawn += 1)}`;

const asOf = '2026-09-01';
const blueprintId = 'principal-coal-mine';
const shortBlueprint = { sections: [{ type: 'judgement', count: 3, points: 1 }, { type: 'single', count: 1, points: 1 }], passMark: 3, durationMinutes: 5 };
const adminPassword = 'admin-password-1';

type Json = Record<string, unknown>;
interface QuestionView {
  number: number;
  id: string;
  type: string;
  stem: string;
  options: { key: string; text: string }[];
  answer: string[];
  key?: string[];
  correct?: boolean;
  earned?: number;
  explanation?: string;
  citation?: string;
}
interface AttemptView {
  id: string;
  deadline: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number;
  passMark: number;
  passed: boolean | null;
  questions: QuestionView[];
}

// The server's clock, moved by the deadline test.
let clock = Date.parse('2026-09-01T01:00:00Z');
let directory: string;
let repository: Repository;
let server: Server;
let base: string;
let catalogue: ReturnType<typeof createQuestionCatalogue>;

/** A browser-like client: keeps cookies, reads the CSRF token from the pages it gets. */
class Browser {
  private readonly cookies = new Map<string, string>();
  /** The CSRF token of this browser's current session (the server sends it with every response). */
  private token = '';
  private keep(response: Response) {
    this.token = response.headers.get('x-csrf-token') ?? this.token;
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }
  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  csrf() {
    return this.token;
  }
  async get(path: string) {
    const response = await fetch(base + path, { headers: { cookie: this.cookieHeader }, redirect: 'manual' });
    this.keep(response);
    return { response, html: await response.text() };
  }
  async postForm(path: string, fields: Record<string, string>, type = 'application/x-www-form-urlencoded') {
    const body = type === 'application/x-www-form-urlencoded' ? new URLSearchParams(fields).toString() : Object.entries(fields).map(([k, v]) => `${k}=${v}`).join('&');
    const response = await fetch(base + path, { method: 'POST', headers: { cookie: this.cookieHeader, 'content-type': type }, body, redirect: 'manual' });
    this.keep(response);
    return { response, html: await response.text() };
  }
}

/** The JSON API with a Bearer token. */
const api = async (method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}) => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + '/api/v1' + path, { method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)) });
  const text = await response.text();
  expect(openApiProblem(method, path, response.status, response.headers.get('content-type'), text)).toBeUndefined();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json & { issues?: { path: string; message: string }[] }, text };
};

const register = async (username: string) => {
  const { status, body } = await api('POST', '/users', { body: { username, displayName: `学员${username}`, password: 'correct horse 1' } });
  expect(status).toBe(201);
  return { token: body.token as string, user: body.user as { id: string; username: string; role: string } };
};

const login = async (username: string, password: string) => {
  const { status, body } = await api('POST', '/sessions', { body: { username, password } });
  expect(status).toBe(201);
  return body.token as string;
};

const startAttempt = async (token: string, seed?: string) => {
  const { status, body } = await api('POST', '/attempts', { token, body: { blueprintId, ...(seed ? { seed } : {}) } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body as unknown as AttemptView;
};

const serverQuestion = async (id: string): Promise<Question> => {
  const question = await catalogue.byId(id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
};

const keyFields = ['key', 'correct', 'explanation', 'citation', 'evidence', 'earned'];

/** Before submission: no question carries its key, and nothing in the response repeats what only the key holds. */
const expectNoKeys = async (label: string, payload: unknown, questions: QuestionView[]) => {
  const text = JSON.stringify(payload);
  for (const shown of questions) {
    for (const field of keyFields) expect(shown, `${label}: question ${shown.number} has ${field}`).not.toHaveProperty(field);
    const question = await serverQuestion(shown.id);
    // The explanation and the citation only come with the review.
    expect(text, `${label}: explanation of ${shown.id}`).not.toContain(question.explanation);
    expect(text, `${label}: citation of ${shown.id}`).not.toContain(question.citation.text);
    // The right options' text appears only as an option, never in another field (stem, chapter, …).
    const rightTexts = question.options.filter((option) => question.answer.includes(option.key)).map((option) => option.text);
    const { options: _options, answer: _answer, ...rest } = shown;
    for (const right of rightTexts) expect(JSON.stringify(rest), `${label}: right option text of ${shown.id} outside the options`).not.toContain(right);
  }
  // No property anywhere in the response is an answer key or the evidence behind it.
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) {
        expect(['evidence', 'explanation', 'citation', 'correct', 'earned', 'ruleIds'], `${label}: ${path}.${name}`).not.toContain(name);
        if (name === 'key') expect(path, `${label}: a key outside an option at ${path}`).toMatch(/\.options\[\d+\]$/);
        walk(child, `${path}.${name}`);
      }
    }
  };
  walk(payload, '$');
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-http-'));
  repository = await openLowdbRepository(directory);
  await repository.createUser({ id: newId(), username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword(adminPassword), createdAt: new Date(clock).toISOString() });
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf }, now: () => new Date(clock), newPaperSeed: nextPaperSeed });
  catalogue = createQuestionCatalogue(repository, () => asOf);
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Questions are generated on first use, seconds per sector: do it here, in the app (a full-length
  // paper for the administrator) and in the test's own catalogue, which tells the tests the keys.
  const warm = await api('POST', '/attempts', { token: await login('admin', adminPassword), body: { blueprintId } });
  expect(warm.status).toBe(201);
  await catalogue.forSources(baseBlueprints().find((blueprint) => blueprint.id === blueprintId)!.sources);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections?.();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('exam server over HTTP', () => {
  let adminToken: string;

  it('lets an administrator shorten a blueprint, and nobody else', async () => {
    adminToken = await login('admin', adminPassword);
    const trainee = await register('not-an-admin');
    const refused = await api('PUT', `/admin/blueprints/${blueprintId}`, { token: trainee.token, body: shortBlueprint });
    expect(refused.status).toBe(403);
    expect(await repository.blueprintOverrides()).toEqual([]);

    const changed = await api('PUT', `/admin/blueprints/${blueprintId}`, { token: adminToken, body: shortBlueprint });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ id: blueprintId, totalPoints: 4, passMark: 3, durationMinutes: 5, overriddenBy: 'admin' });
    const listed = (await api('GET', '/blueprints')).body as unknown as { id: string; totalPoints: number }[];
    expect(listed.find((blueprint) => blueprint.id === blueprintId)?.totalPoints).toBe(4);
  });

  it('registers, logs in, takes a mock exam through the API, submits and gets the score; no key before submission', async () => {
    const { token: first, user } = await register('trainee-one');
    expect(user).toMatchObject({ username: 'trainee-one', role: 'trainee' });
    expect(user).not.toHaveProperty('passwordHash');
    const token = await login('trainee-one', 'correct horse 1');
    expect(token).not.toBe(first);
    expect((await api('GET', '/me', { token })).body).toMatchObject({ username: 'trainee-one' });

    const started = await startAttempt(token);
    expect(started.questions.map((question) => question.type)).toEqual(['judgement', 'judgement', 'judgement', 'single']);
    expect(started).toMatchObject({ maxScore: 4, passMark: 3, submittedAt: null, score: null });
    expect(Date.parse(started.deadline) - clock).toBe(5 * 60_000);
    await expectNoKeys('start', started, started.questions);

    // Right on the first three, wrong on the last: 3 of 4, which passes.
    const chosen: Record<string, string[]> = {};
    for (const [index, shown] of started.questions.entries()) {
      const question = await serverQuestion(shown.id);
      const wrong = question.options.find((option) => !question.answer.includes(option.key))!.key;
      chosen[shown.id] = index < 3 ? question.answer : [wrong];
      const saved = await api('PUT', `/attempts/${started.id}/answers/${encodeURIComponent(shown.id)}`, { token, body: { answer: chosen[shown.id] } });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body).toEqual({ saved: true, questionId: shown.id, answer: chosen[shown.id] });
      await expectNoKeys('save', saved.body, []);
      const marked = await api('PUT', `/attempts/${started.id}/marks/${encodeURIComponent(shown.id)}`, { token, body: { marked: index === 0 } });
      expect(marked.status).toBe(204);
    }

    const current = await api('GET', `/attempts/${started.id}`, { token });
    expect(current.status).toBe(200);
    const shown = current.body as unknown as AttemptView;
    await expectNoKeys('get', shown, shown.questions);
    expect(Object.fromEntries(shown.questions.map((question) => [question.id, question.answer]))).toEqual(chosen);
    const list = await api('GET', '/attempts', { token });
    await expectNoKeys('list', list.body, []);

    const submitted = await api('POST', `/attempts/${started.id}/submit`, { token });
    expect(submitted.status).toBe(200);
    const review = submitted.body as unknown as AttemptView;
    expect(review).toMatchObject({ score: 3, maxScore: 4, passMark: 3, passed: true });
    expect(review.submittedAt).not.toBeNull();
    for (const question of review.questions) {
      const truth = await serverQuestion(question.id);
      expect(question.key).toEqual(truth.answer);
      expect(question.correct).toBe(question.type === 'judgement');
      expect(question.earned).toBe(question.type === 'judgement' ? 1 : 0);
      expect(question.explanation).toBe(truth.explanation);
      expect(question.citation).toBe(truth.citation.text);
      expect(question.citation!.length, 'every question cites its source').toBeGreaterThan(4);
    }
    expect(review.questions.some((question) => question.citation!.includes('《煤矿重大事故隐患判定标准'))).toBe(true);

    // The review is still there afterwards, and a closed paper takes no more answers.
    expect(((await api('GET', `/attempts/${started.id}`, { token })).body as unknown as AttemptView).score).toBe(3);
    const late = await api('PUT', `/attempts/${started.id}/answers/${encodeURIComponent(shown.questions[3]!.id)}`, { token, body: { answer: [shown.questions[3]!.options[0]!.key] } });
    expect(late.status).toBe(409);
    expect(((await repository.findAttempt(started.id))!.answers)).toEqual(chosen);
    const history = await api('GET', '/attempts', { token });
    expect(history.body).toEqual([expect.objectContaining({ id: started.id, score: 3, passed: true })]);
  });

  it('does not show an attempt page with the key before submission', async () => {
    const browser = new Browser();
    await browser.get('/login');
    const loggedIn = await browser.postForm('/login', { _csrf: browser.csrf(), username: 'admin', password: adminPassword, next: '/' });
    expect(loggedIn.response.status).toBe(303);
    const started = await browser.postForm('/exams', { _csrf: browser.csrf(), blueprintId });
    expect(started.response.status).toBe(303);
    const path = started.response.headers.get('location')!;
    expect(path).toMatch(/^\/attempts\/[\w-]+$/);
    const attempt = await repository.findAttempt(path.split('/').pop()!);
    for (const [index, id] of attempt!.questionIds.entries()) {
      const { response, html } = await browser.get(`${path}?q=${index + 1}`);
      expect(response.status).toBe(200);
      const question = await serverQuestion(id);
      expect(html).toContain(question.stem);
      expect(html).not.toContain(question.explanation);
      expect(html).not.toContain(question.citation.text);
      expect(html).not.toContain('正确答案');
    }
    const review = await browser.get(`${path}/review`);
    expect(review.response.status).toBe(303);
    expect(review.response.headers.get('location')).toBe(path);
  });

  it('does not let a second trainee read or change the first one’s attempt', async () => {
    const owner = await register('owner');
    const other = await register('intruder');
    const attempt = await startAttempt(owner.token);
    const questionId = encodeURIComponent(attempt.questions[0]!.id);
    await api('PUT', `/attempts/${attempt.id}/answers/${questionId}`, { token: owner.token, body: { answer: ['T'] } });

    expect((await api('GET', `/attempts/${attempt.id}`, { token: other.token })).status).toBe(403);
    const overwrite = await api('PUT', `/attempts/${attempt.id}/answers/${questionId}`, { token: other.token, body: { answer: ['F'] } });
    expect(overwrite.status).toBe(403);
    expect((await api('PUT', `/attempts/${attempt.id}/marks/${questionId}`, { token: other.token, body: { marked: true } })).status).toBe(403);
    expect((await api('POST', `/attempts/${attempt.id}/submit`, { token: other.token })).status).toBe(403);
    expect((await api('GET', '/attempts', { token: other.token })).body).toEqual([]);
    // Without any session: 401.
    expect((await api('GET', `/attempts/${attempt.id}`)).status).toBe(401);

    // Nor through the pages.
    const browser = new Browser();
    await browser.get('/login');
    await browser.postForm('/login', { _csrf: browser.csrf(), username: 'intruder', password: 'correct horse 1', next: '/' });
    expect((await browser.get(`/attempts/${attempt.id}`)).response.status).toBe(403);
    expect((await browser.get(`/attempts/${attempt.id}/review`)).response.status).toBe(403);
    expect((await browser.postForm(`/attempts/${attempt.id}/submit`, { _csrf: browser.csrf() })).response.status).toBe(403);

    const stored = (await repository.findAttempt(attempt.id))!;
    expect(stored.answers).toEqual({ [attempt.questions[0]!.id]: ['T'] });
    expect(stored.marked).toEqual([]);
    expect(stored.submittedAt).toBeNull();
  });

  it('refuses a form posted without the CSRF token, or with another one', async () => {
    const users = await repository.countUsers();
    const stranger = new Browser();
    // No token at all (and no CSRF cookie): the registration form is refused, nobody is created.
    const bare = await stranger.postForm('/register', { username: 'csrf-victim', displayName: '某', password: 'correct horse 1', role: 'trainee' });
    expect(bare.response.status).toBe(403);
    expect(bare.html).toContain('CSRF');
    expect(await repository.countUsers()).toBe(users);

    // A real session, a form without `_csrf`, with a wrong one, and as text/plain (a body type any site can send).
    const browser = new Browser();
    await browser.get('/register');
    const registered = await browser.postForm('/register', { _csrf: browser.csrf(), username: 'csrf-user', displayName: '表单学员', password: 'correct horse 1', role: 'trainee' });
    expect(registered.response.status).toBe(303);
    expect(registered.response.headers.get('location')).toBe('/exams');
    const user = (await repository.findUserByName('csrf-user'))!;
    expect(user.displayName).toBe('表单学员');

    const before = (await repository.listAttempts(user.id)).length;
    expect((await browser.postForm('/exams', { blueprintId })).response.status).toBe(403);
    expect((await browser.postForm('/exams', { _csrf: 'x'.repeat(43), blueprintId })).response.status).toBe(403);
    expect((await browser.postForm('/exams', { _csrf: browser.csrf(), blueprintId }, 'text/plain')).response.status).toBe(403);
    expect((await browser.postForm('/logout', {})).response.status).toBe(403);
    expect(await repository.listAttempts(user.id)).toHaveLength(before);

    // The same form with the token goes through.
    const started = await browser.postForm('/exams', { _csrf: browser.csrf(), blueprintId });
    expect(started.response.status).toBe(303);
    const attemptId = started.response.headers.get('location')!.split('/').pop()!;
    const attempt = (await repository.findAttempt(attemptId))!;
    const questionId = attempt.questionIds[0]!;
    const unsafe = await browser.postForm(`/attempts/${attemptId}/answer`, { questionId, answer: 'T', go: '2' });
    expect(unsafe.response.status).toBe(403);
    expect((await repository.findAttempt(attemptId))!.answers).toEqual({});
    const safe = await browser.postForm(`/attempts/${attemptId}/answer`, { _csrf: browser.csrf(), questionId, answer: 'T', go: '2' });
    expect(safe.response.status).toBe(303);
    expect((await repository.findAttempt(attemptId))!.answers).toEqual({ [questionId]: ['T'] });
    expect((await browser.postForm(`/attempts/${attemptId}/submit`, {})).response.status).toBe(403);
    expect((await repository.findAttempt(attemptId))!.submittedAt).toBeNull();
  });

  describe('bad input gets a 4xx that names the field and stores nothing', () => {
    const issuePaths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((issue) => issue.path);

    it('on registration (API and form)', async () => {
      const users = await repository.countUsers();
      const bad = await api('POST', '/users', { body: { username: 'a!', displayName: '', password: 'short', role: 'admin' } });
      expect(bad.status).toBe(400);
      expect(issuePaths(bad.body)).toEqual(expect.arrayContaining(['body.username', 'body.displayName', 'body.password', 'body.role']));
      expect(bad.body.error).toMatch(/username/);
      const extra = await api('POST', '/users', { body: { username: 'extra-field', displayName: 'X', password: 'correct horse 1', isAdmin: true } });
      expect(extra.status).toBe(400);
      expect(issuePaths(extra.body)).toEqual(['body.isAdmin']);
      const notJson = await api('POST', '/users', { raw: '{"username": "broken' });
      expect(notJson.status).toBe(400);
      expect(issuePaths(notJson.body)).toEqual(['body']);
      const taken = await api('POST', '/users', { body: { username: 'owner', displayName: 'X', password: 'correct horse 1' } });
      expect(taken.status).toBe(409);
      expect(issuePaths(taken.body)).toEqual(['username']);

      const browser = new Browser();
      await browser.get('/register');
      const form = await browser.postForm('/register', { _csrf: browser.csrf(), username: 'ok-name', displayName: '张三', password: 'short', role: 'trainee' });
      expect(form.response.status).toBe(400);
      expect(form.html).toContain('body.password');
      expect(form.html).toContain('密码至少8位');
      expect(form.html).toContain('value="ok-name"');
      expect(form.html).not.toContain('value="short"');
      expect(await repository.countUsers()).toBe(users);
      expect(await repository.findUserByName('extra-field')).toBeUndefined();
      expect(await repository.findUserByName('ok-name')).toBeUndefined();
    });

    it('on starting an attempt and saving answers', async () => {
      const { token, user } = await register('careless');
      const missing = await api('POST', '/attempts', { token, body: { seed: 'x' } });
      expect(missing.status).toBe(400);
      expect(issuePaths(missing.body)).toEqual(['body.blueprintId']);
      const unknown = await api('POST', '/attempts', { token, body: { blueprintId: 'principal-nowhere' } });
      expect(unknown.status).toBe(404);
      expect(issuePaths(unknown.body)).toEqual(['blueprintId']);
      expect(await repository.listAttempts(user.id)).toEqual([]);

      const attempt = await startAttempt(token);
      const judgement = attempt.questions.find((question) => question.type === 'judgement')!;
      const single = attempt.questions.find((question) => question.type === 'single')!;
      const put = (question: QuestionView, body: unknown, raw?: string) =>
        api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(question.id)}`, { token, ...(raw === undefined ? { body } : { raw }) });

      const cases: [string, Awaited<ReturnType<typeof put>>, string][] = [
        ['not a list', await put(judgement, { answer: 'T' }), 'body.answer'],
        ['no answer', await put(judgement, {}), 'body.answer'],
        ['unknown field', await put(judgement, { answer: ['T'], sure: true }), 'body.sure'],
        ['not an option', await put(judgement, { answer: ['A'] }), 'answer'],
        ['two options on a single choice', await put(single, { answer: single.options.slice(0, 2).map((option) => option.key) }), 'answer'],
        ['not JSON', await put(judgement, undefined, '{answer: [T]}'), 'body'],
      ];
      for (const [label, response, path] of cases) {
        expect(response.status, label).toBe(400);
        expect(issuePaths(response.body), label).toContain(path);
        expect(response.body.error, label).toEqual(expect.any(String));
      }
      const notInPaper = await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent('g:nothing:j:x')}`, { token, body: { answer: ['T'] } });
      expect(notInPaper.status).toBe(404);
      expect(issuePaths(notInPaper.body)).toEqual(['questionId']);
      const stored = (await repository.findAttempt(attempt.id))!;
      expect(stored.answers).toEqual({});
      expect(stored.submittedAt).toBeNull();
    });

    it('on an administrator’s blueprint change', async () => {
      const before = await repository.blueprintOverrides();
      const tooHigh = await api('PUT', `/admin/blueprints/${blueprintId}`, { token: adminToken, body: { ...shortBlueprint, passMark: 5 } });
      expect(tooHigh.status).toBe(400);
      expect(issuePaths(tooHigh.body)).toEqual(['body.passMark']);
      const badSection = await api('PUT', `/admin/blueprints/${blueprintId}`, { token: adminToken, body: { sections: [{ type: 'essay', count: 0, points: 1 }], durationMinutes: 0 } });
      expect(badSection.status).toBe(400);
      expect(issuePaths(badSection.body)).toEqual(expect.arrayContaining(['body.sections.0.type', 'body.sections.0.count', 'body.durationMinutes']));
      const unknown = await api('PUT', '/admin/blueprints/principal-nowhere', { token: adminToken, body: shortBlueprint });
      expect(unknown.status).toBe(404);
      expect(await repository.blueprintOverrides()).toEqual(before);
    });
  });

  it('refuses an answer after the deadline and grades the attempt', async () => {
    const { token } = await register('slow-trainee');
    const attempt = await startAttempt(token);
    const [first, second] = attempt.questions;
    const firstKey = (await serverQuestion(first!.id)).answer;
    expect((await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(first!.id)}`, { token, body: { answer: firstKey } })).status).toBe(200);

    clock += 4 * 60_000 + 59_000; // one second before the deadline: still open
    const remaining = (await api('GET', `/attempts/${attempt.id}`, { token })).body as unknown as AttemptView & { remainingSeconds: number };
    expect(remaining.submittedAt).toBeNull();
    expect(remaining.remainingSeconds).toBe(1);

    clock += 2_000; // one second past it
    const late = await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(second!.id)}`, { token, body: { answer: (await serverQuestion(second!.id)).answer } });
    expect(late.status).toBe(409);
    const graded = (await api('GET', `/attempts/${attempt.id}`, { token })).body as unknown as AttemptView;
    // Graded as it stood at the deadline, which is when it closed.
    expect(graded.submittedAt).toBe(attempt.deadline);
    expect(graded.score).toBe(1);
    expect(graded.passed).toBe(false);
    expect(graded.questions[0]).toMatchObject({ answer: firstKey, correct: true, key: firstKey });
    expect(graded.questions[1]).toMatchObject({ answer: [], correct: false });
    expect((await repository.findAttempt(attempt.id))!.answers).toEqual({ [first!.id]: firstKey });
    // Submitting again changes nothing.
    expect(((await api('POST', `/attempts/${attempt.id}/submit`, { token })).body as unknown as AttemptView).submittedAt).toBe(graded.submittedAt);
  });
});
