// Regression tests for the hardening review (issue 13), over HTTP against a started app: each malformed
// request the review found answering 500 now gets its 4xx; nothing logs a request body; login limits
// per address and per account; unknown names cost the same scrypt work; sessions expire and are purged;
// passwords can be changed and reset; headers and cookie flags; session-bound CSRF; one admin service.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as passwords from '../src/accounts/passwords.js';
import { createApp } from '../src/app.js';
import { hashToken, newId } from '../src/accounts/tokens.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository } from '../src/store/repository.js';
import { openApiProblem } from './openapi-validator.js';

/** Papers are drawn from known seeds, one after another, so a run is repeatable. */
let papersDrawn = 0;
const nextPaperSeed = () => `hardening-${(papersDrawn += 1)}`;

vi.mock('../src/accounts/passwords.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/accounts/passwords.js')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const asOf = '2026-09-01';
const adminPassword = 'admin-password-1';
const secret = 'Plaintext-Secret-9f3';
let clock = Date.parse('2026-09-01T01:00:00Z');

interface Running {
  server: Server;
  base: string;
  repository: Repository;
  directory: string;
}
const running: Running[] = [];

const start = async (config: { secureCookies?: boolean; loginLimits?: { loginsPerAddress: number } } = {}): Promise<Running> => {
  const directory = mkdtempSync(join(tmpdir(), 'anquan-hardening-'));
  const repository = await openLowdbRepository(directory);
  await repository.createUser({ id: newId(), username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await passwords.hashPassword(adminPassword), createdAt: new Date(clock).toISOString() });
  // trust proxy: each test speaks from its own X-Forwarded-For address, so one test's limits leave the others alone.
  const app = createApp({ repository, config: { secureCookies: config.secureCookies ?? false, mistakesToClear: 3, asOf, trustProxy: 'loopback', ...(config.loginLimits ? { loginLimits: config.loginLimits } : {}) }, now: () => new Date(clock), newPaperSeed: nextPaperSeed });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const instance = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, repository, directory };
  running.push(instance);
  return instance;
};

let app: Running;
beforeAll(async () => {
  app = await start();
});
afterAll(async () => {
  for (const instance of running) {
    await new Promise<void>((resolve) => instance.server.close(() => resolve()));
    instance.server.closeAllConnections();
    rmSync(instance.directory, { recursive: true, force: true });
  }
});
afterEach(() => vi.restoreAllMocks());

let addressCounter = 0;
const newAddress = () => `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

const send = async (path: string, init: RequestInit & { from?: string; target?: Running } = {}): Promise<Sent> => {
  const target = init.target ?? app;
  const headers = new Headers(init.headers);
  headers.set('x-forwarded-for', init.from ?? '10.255.0.1');
  const response = await fetch(target.base + path, { ...init, headers, redirect: 'manual' });
  const text = await response.text();
  if (path.startsWith('/api/v1/')) {
    expect(openApiProblem(init.method ?? 'GET', path.slice('/api/v1'.length), response.status, response.headers.get('content-type'), text)).toBeUndefined();
  }
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
};

const json = (method: string, path: string, body: unknown, extra: { token?: string; from?: string; target?: Running } = {}) =>
  send(path, {
    method,
    headers: { 'content-type': 'application/json', ...(extra.token ? { authorization: `Bearer ${extra.token}` } : {}) },
    body: JSON.stringify(body),
    ...(extra.from ? { from: extra.from } : {}),
    ...(extra.target ? { target: extra.target } : {}),
  });

const register = async (username: string, role: 'trainee' | 'enterprise' = 'trainee', from = newAddress()) => {
  const response = await json('POST', '/api/v1/users', { username, displayName: '测试', password: 'correct horse 1', role }, { from });
  expect(response.status, response.text).toBe(201);
  return response.json().token as string;
};

/** A browser: keeps cookies and the CSRF token the server sends with each response. */
class Browser {
  cookies = new Map<string, string>();
  token = '';
  constructor(
    readonly from = newAddress(),
    readonly target: Running = app,
  ) {}
  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  private keep(sent: Sent) {
    for (const line of sent.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    this.token = sent.headers.get('x-csrf-token') ?? this.token;
    return sent;
  }
  async get(path: string) {
    return this.keep(await send(path, { headers: { cookie: this.cookieHeader }, from: this.from, target: this.target }));
  }
  async post(path: string, fields: Record<string, string>, token = this.token) {
    return this.keep(await send(path, { method: 'POST', headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: token, ...fields }).toString(), from: this.from, target: this.target }));
  }
  async logIn(username: string, password: string) {
    await this.get('/login');
    const sent = await this.post('/login', { username, password, next: '/' });
    expect(sent.status, sent.text).toBe(303);
    return sent;
  }
}

/** Runs the requests with stderr and console.error captured; returns what was written. */
const capturingErrors = async (work: () => Promise<void>): Promise<string> => {
  let written = '';
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void (written += parts.map((part) => (part instanceof Error ? `${part.stack} ${JSON.stringify(part)}` : String(part))).join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => ((written += String(chunk)), true)) as typeof process.stderr.write);
  await work();
  return written;
};

describe('malformed requests get a 4xx, never a 500, and nothing logs a body', () => {
  it('keeps the status body-parser and the router set', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const loginBody = `username=admin&password=${secret}`;
    const logged = await capturingErrors(async () => {
      expect((await send('/login', { method: 'POST', headers: { ...form, 'content-encoding': 'gzip' }, body: loginBody })).status).toBe(400);
      expect((await send('/login', { method: 'POST', headers: { ...form, 'content-encoding': 'br' }, body: loginBody })).status).toBe(400);
      expect((await send('/login', { method: 'POST', headers: { ...form, 'content-encoding': 'zstd-unknown' }, body: loginBody })).status).toBe(415);
      expect((await send('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=latin1' }, body: loginBody })).status).toBe(415);
      expect((await send('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: JSON.stringify({ username: 'admin', password: secret }) })).status).toBe(415);
      expect((await send('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":"admin","password":"${secret}","x":"${'a'.repeat(2.1 * 1024 * 1024)}"}` })).status).toBe(413);
      const manyFields = Array.from({ length: 5001 }, (_, index) => `f${index}=1`).join('&');
      expect((await send('/login', { method: 'POST', headers: form, body: `${loginBody}&${manyFields}` })).status).toBe(413);
      expect((await send('/login', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: `<login><password>${secret}</password></login>` })).status).toBe(415);
      expect((await send('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":"admin","password":"${secret}"` })).status).toBe(400);
      expect((await send('/api/v1/attempts/%ZZ')).status).toBe(400);
      expect((await send('/attempts/%ZZ/review')).status).toBe(400);
    });
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('internal error');
  });

  it('refuses a deeply nested answer before any route walks it', async () => {
    const token = await register('deep-nesting');
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const sent = await send('/api/v1/practice/answers', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: `{"questionId":"x","answer":${nested}}` });
    expect(sent.status).toBe(400);
    expect(sent.json().issues).toEqual([{ path: expect.stringMatching(/^body\.answer/), message: 'expected at most 8 levels of nesting' }]);
  });

  it('answers five parallel registrations of one name with one 201 and four 409s', async () => {
    const from = newAddress();
    const statuses = await Promise.all(Array.from({ length: 5 }, () => json('POST', '/api/v1/users', { username: 'same-name', displayName: '同名', password: 'correct horse 1' }, { from }).then((sent) => sent.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('does not store an oversized practice queue (storage amplification)', async () => {
    const token = await register('queue-writer');
    const before = storedBytes(app.directory);
    const sent = await json('POST', '/api/v1/practice/answers', { questionId: 'bank:acc-definition-above-below', answer: ['T'], queue: 'q'.repeat(1_900_000), position: 0 }, { token });
    expect(sent.status).toBe(400);
    expect(storedBytes(app.directory)).toBe(before);
  });

  it('refuses a login name over 32 characters before it reaches the limiter', async () => {
    const sent = await json('POST', '/api/v1/sessions', { username: 'n'.repeat(200), password: 'whatever-1' }, { from: newAddress() });
    expect(sent.status).toBe(400);
    expect(sent.json().issues).toEqual([{ path: 'body.username', message: 'expected at most 32 characters' }]);
  });
});

/** Bytes the store holds on disk: every file under the data directory (one document per record). */
function storedBytes(directory: string): number {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

describe('authentication', () => {
  it('stops password spraying across many names from one address with 429', async () => {
    const from = newAddress();
    const statuses: number[] = [];
    for (let index = 0; index < 50; index += 1) statuses.push((await json('POST', '/api/v1/sessions', { username: `sprayed-${index}`, password: 'Summer2026!' }, { from })).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(30).fill(429));
    const blocked = await json('POST', '/api/v1/sessions', { username: 'admin', password: adminPassword }, { from });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await json('POST', '/api/v1/sessions', { username: 'admin', password: adminPassword }, { from: newAddress() })).status).toBe(201);
  });

  it('limits failures per account across addresses', async () => {
    await register('targeted');
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) statuses.push((await json('POST', '/api/v1/sessions', { username: 'targeted', password: `guess-${index}` }, { from: newAddress() })).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('answers an unknown name exactly as a wrong password, after the same scrypt work', async () => {
    await register('known-user');
    const verify = vi.mocked(passwords.verifyPassword);
    verify.mockClear();
    const unknown = await json('POST', '/api/v1/sessions', { username: 'nobody-here', password: 'wrong-password' }, { from: newAddress() });
    expect(verify).toHaveBeenCalledTimes(1);
    const dummyHash = verify.mock.calls[0]![1];
    verify.mockClear();
    const wrong = await json('POST', '/api/v1/sessions', { username: 'known-user', password: 'wrong-password' }, { from: newAddress() });
    expect(verify).toHaveBeenCalledTimes(1);
    const realHash = verify.mock.calls[0]![1];
    // Same scheme and cost parameters: scrypt$N$r$p$…
    expect(dummyHash.split('$').slice(0, 4)).toEqual(realHash.split('$').slice(0, 4));
    expect(unknown.status).toBe(401);
    expect(unknown.text).toBe(wrong.text);
    // Registration says a name is taken (a 409 must tell the user), but only at the registration rate.
    expect((await json('POST', '/api/v1/users', { username: 'known-user', displayName: '某', password: 'correct horse 1' }, { from: newAddress() })).status).toBe(409);
  });

  it('limits successful logins from one address too', async () => {
    // The default is 100 per 15 minutes; a server configured with 5 shows the same rule in 7 logins.
    const strict = await start({ loginLimits: { loginsPerAddress: 5 } });
    const from = newAddress();
    await register('busy-logger', 'trainee', from);
    await json('POST', '/api/v1/users', { username: 'busy-logger', displayName: '测试', password: 'correct horse 1' }, { from, target: strict });
    const statuses: number[] = [];
    for (let index = 0; index < 7; index += 1) statuses.push((await json('POST', '/api/v1/sessions', { username: 'busy-logger', password: 'correct horse 1' }, { from, target: strict })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });

  it('expires a session after 7 days and purges it from the store', async () => {
    const token = await register('expiring');
    expect((await send('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const saved = clock;
    try {
      clock += 7 * 86_400_000 + 60_000;
      expect((await send('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect(await app.repository.findSession(hashToken(token))).toBeDefined();
      // The next login purges expired sessions.
      await register('purger');
      expect(await app.repository.findSession(hashToken(token))).toBeUndefined();
    } finally {
      clock = saved;
    }
  });

  it('changes a password: the old one stops working, other sessions end, this one stays', async () => {
    const first = await register('changer');
    const second = (await json('POST', '/api/v1/sessions', { username: 'changer', password: 'correct horse 1' }, { from: newAddress() })).json().token as string;
    expect((await json('PUT', '/api/v1/me/password', { currentPassword: 'not it', newPassword: 'new horse 22' }, { token: first })).status).toBe(400);
    expect((await json('PUT', '/api/v1/me/password', { currentPassword: 'correct horse 1', newPassword: 'short' }, { token: first })).status).toBe(400);
    expect((await json('PUT', '/api/v1/me/password', { currentPassword: 'correct horse 1', newPassword: 'new horse 22' }, { token: first })).status).toBe(204);
    expect((await send('/api/v1/me', { headers: { authorization: `Bearer ${first}` } })).status).toBe(200);
    expect((await send('/api/v1/me', { headers: { authorization: `Bearer ${second}` } })).status).toBe(401);
    expect((await json('POST', '/api/v1/sessions', { username: 'changer', password: 'correct horse 1' }, { from: newAddress() })).status).toBe(401);
    expect((await json('POST', '/api/v1/sessions', { username: 'changer', password: 'new horse 22' }, { from: newAddress() })).status).toBe(201);

    // The same through the page form.
    const browser = new Browser();
    await browser.logIn('changer', 'new horse 22');
    await browser.get('/account');
    const changed = await browser.post('/account/password', { currentPassword: 'new horse 22', newPassword: 'third horse 333' });
    expect(changed.status, changed.text).toBe(303);
    expect((await json('POST', '/api/v1/sessions', { username: 'changer', password: 'third horse 333' }, { from: newAddress() })).status).toBe(201);
  });

  it('lets an administrator reset a password, ending the user’s sessions; nobody else', async () => {
    const userToken = await register('forgetful');
    const adminToken = (await json('POST', '/api/v1/sessions', { username: 'admin', password: adminPassword }, { from: newAddress() })).json().token as string;
    expect((await json('PUT', '/api/v1/admin/users/admin/password', { newPassword: 'hijacked-1' }, { token: userToken })).status).toBe(403);
    expect((await json('PUT', '/api/v1/admin/users/no-such-user/password', { newPassword: 'whatever-1' }, { token: adminToken })).status).toBe(404);
    expect((await json('PUT', '/api/v1/admin/users/forgetful/password', { newPassword: 'given-by-admin-1' }, { token: adminToken })).status).toBe(204);
    expect((await send('/api/v1/me', { headers: { authorization: `Bearer ${userToken}` } })).status).toBe(401);
    expect((await json('POST', '/api/v1/sessions', { username: 'forgetful', password: 'given-by-admin-1' }, { from: newAddress() })).status).toBe(201);
  });
});

describe('headers and cookies', () => {
  it('sends no-store on pages and the API, and the browser-isolation headers everywhere', async () => {
    const browser = new Browser();
    await browser.logIn('admin', adminPassword);
    for (const path of ['/exams', '/admin', '/account', '/api/v1/me', '/api/v1/blueprints', '/login', '/no-such-page']) {
      const sent = await browser.get(path);
      expect(sent.headers.get('cache-control'), path).toBe('no-store');
      expect(sent.headers.get('permissions-policy'), path).toContain('camera=()');
      expect(sent.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(sent.headers.get('strict-transport-security'), path).toBeNull();
      expect(sent.text, path).not.toContain('javascript:');
    }
    expect((await browser.get('/static/app.css')).headers.get('cache-control')).toContain('max-age');
    const error = await browser.post('/admin/blueprints/no-such-blueprint', { durationMinutes: '10' });
    expect(error.status).toBe(404);
    expect(error.text).not.toContain('javascript:');
  });

  it("an answer save (its own short lane) sends the ordinary path's headers, and a body that is not JSON gets the ordinary path's answer", async () => {
    const token = await register('lane-trainee');
    const started = await json('POST', '/api/v1/attempts', { blueprintId: 'principal-coal-mine' }, { token });
    expect(started.status, started.text).toBe(201);
    const { id, questions } = started.json() as { id: string; questions: { id: string; options: { key: string }[] }[] };
    const path = `/api/v1/attempts/${id}/answers/${encodeURIComponent(questions[0]!.id)}`;
    const ordinary = await send('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    const headersOf = (sent: Sent) => Object.fromEntries([...sent.headers].filter(([name]) => !['date', 'content-length', 'etag', 'keep-alive', 'connection'].includes(name)));
    const saved = await json('PUT', path, { answer: [questions[0]!.options[0]!.key] }, { token });
    expect(saved.status, saved.text).toBe(200);
    expect(headersOf(saved)).toEqual(headersOf(ordinary));
    expect(saved.headers.get('etag')).toBeNull();
    // Malformed JSON is refused on the lane itself, with the same headers; other bodies go the ordinary way.
    const malformed = await send(path, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"answer": [' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-security-policy')).toBe(ordinary.headers.get('content-security-policy'));
    expect(malformed.headers.get('cache-control')).toBe('no-store');
    const xml = await send(path, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' }, body: '<answer>A</answer>' });
    expect(xml.status).toBe(415);
    const text = await send(path, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: 'A' });
    expect(text.status).toBe(400);
    expect(text.headers.get('x-frame-options')).toBe('DENY');
    // Without a session the lane answers 401 like any API route.
    expect((await json('PUT', path, { answer: ['A'] })).status).toBe(401);
  });

  it('sets HttpOnly SameSite cookies; over HTTPS also Secure, __Host- and HSTS', async () => {
    const plain = new Browser();
    const login = await plain.logIn('admin', adminPassword);
    const plainCookie = login.headers.getSetCookie().find((line) => line.startsWith('aq_session='))!;
    expect(plainCookie).toMatch(/HttpOnly/);
    expect(plainCookie).toMatch(/SameSite=Lax/);
    expect(plainCookie).not.toMatch(/Secure/);

    const https = await start({ secureCookies: true });
    const secure = new Browser(newAddress(), https);
    const page = await secure.get('/login');
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const attributes = (line: string | undefined) => new Set((line ?? '').split(';').slice(1).map((part) => part.trim().split('=')[0]!.toLowerCase()));
    const preSession = page.headers.getSetCookie().find((line) => line.startsWith('__Host-aq_presession='));
    expect(preSession).toMatch(/; Path=\/(;|$)/);
    expect(preSession).toMatch(/SameSite=Lax/);
    expect([...attributes(preSession)]).toEqual(expect.arrayContaining(['httponly', 'secure']));
    const signedIn = await secure.post('/login', { username: 'admin', password: adminPassword, next: '/' });
    expect(signedIn.status).toBe(303);
    const sessionCookie = signedIn.headers.getSetCookie().find((line) => line.startsWith('__Host-aq_session='));
    expect(sessionCookie).toMatch(/; Path=\/(;|$)/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect([...attributes(sessionCookie)]).toEqual(expect.arrayContaining(['httponly', 'secure']));
    expect(attributes(sessionCookie).has('domain')).toBe(false);
    expect((await secure.get('/api/v1/me')).status).toBe(200);
  });
});

describe('session-bound CSRF', () => {
  it('refuses a form posted with another session’s token, accepts the session’s own', async () => {
    await register('csrf-one');
    await register('csrf-two');
    const one = new Browser();
    const two = new Browser();
    await one.logIn('csrf-one', 'correct horse 1');
    await two.logIn('csrf-two', 'correct horse 1');
    await one.get('/account');
    await two.get('/account');
    expect(one.token).not.toBe(two.token);
    const stolen = await one.post('/account/password', { currentPassword: 'correct horse 1', newPassword: 'csrf horse 44' }, two.token);
    expect(stolen.status).toBe(403);
    const preSession = new Browser();
    await preSession.get('/login');
    expect((await one.post('/account/password', { currentPassword: 'correct horse 1', newPassword: 'csrf horse 44' }, preSession.token)).status).toBe(403);
    expect((await one.post('/account/password', { currentPassword: 'correct horse 1', newPassword: 'csrf horse 44' })).status).toBe(303);
  });

  it('binds the login form to its pre-session cookie, and changes the token at login', async () => {
    const visitor = new Browser();
    const other = new Browser();
    await visitor.get('/login');
    await other.get('/login');
    expect((await visitor.post('/login', { username: 'admin', password: adminPassword, next: '/' }, other.token)).status).toBe(403);
    const before = visitor.token;
    expect((await visitor.post('/login', { username: 'admin', password: adminPassword, next: '/' })).status).toBe(303);
    expect(visitor.token).not.toBe(before);
    // The pre-session token is worth nothing once logged in.
    expect((await visitor.post('/logout', {}, before)).status).toBe(403);
  });

  it('checks enterprise and admin forms too', async () => {
    await register('csrf-enterprise', 'enterprise');
    const enterprise = new Browser();
    await enterprise.logIn('csrf-enterprise', 'correct horse 1');
    expect((await enterprise.post('/assessments', { sector: 'coal-mine' }, 'x'.repeat(43))).status).toBe(403);
    const admin = new Browser();
    await admin.logIn('admin', adminPassword);
    expect((await admin.post('/admin/users/password', { username: 'csrf-enterprise', newPassword: 'hijacked-22' }, enterprise.token)).status).toBe(403);
  });
});

describe('one service behind pages and API', () => {
  it('refuses a mock exam to an enterprise account through the page as through the API', async () => {
    const token = await register('no-exams-co', 'enterprise');
    expect((await json('POST', '/api/v1/attempts', { blueprintId: 'principal-coal-mine' }, { token })).status).toBe(403);
    const browser = new Browser();
    await browser.logIn('no-exams-co', 'correct horse 1');
    await browser.get('/assessments');
    expect((await browser.post('/exams', { blueprintId: 'principal-coal-mine' })).status).toBe(403);
    const user = (await app.repository.findUserByName('no-exams-co'))!;
    expect(await app.repository.listAttempts(user.id)).toEqual([]);
  });

  it('refuses a bank id of the curated bank through the page as through the API, storing nothing', async () => {
    const header = 'id,type,topic,stem,A,B,C,D,E,F,answer,explanation,citation';
    const csv = `${header}\nbank:acc-definition-above-below,judgement,imported,一道与内置题库同号的判断题。,,,,,,,T,,某规定第一条\n`;
    const adminToken = (await json('POST', '/api/v1/sessions', { username: 'admin', password: adminPassword }, { from: newAddress() })).json().token as string;
    const viaApi = await send('/api/v1/admin/bank?format=csv', { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminToken}` }, body: csv });
    expect(viaApi.status).toBe(409);
    const browser = new Browser();
    await browser.logIn('admin', adminPassword);
    await browser.get('/admin');
    const viaPage = await browser.post('/admin/bank', { format: 'csv', topic: 'imported', text: csv });
    expect(viaPage.status).toBe(409);
    expect(await app.repository.importedQuestions()).toEqual([]);
    // An unknown blueprint: 404 from both, nothing stored.
    expect((await json('PUT', '/api/v1/admin/blueprints/no-such-blueprint', { durationMinutes: 10 }, { token: adminToken })).status).toBe(404);
    expect((await browser.post('/admin/blueprints/no-such-blueprint', { durationMinutes: '10' })).status).toBe(404);
    expect(await app.repository.blueprintOverrides()).toEqual([]);
  });
});
