// An answer save adds no field to its request beyond those request-shape.ts declares up front (and those node adds to
// any request): a field added later would give every request a map of its own again.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { hashToken, newToken } from './accounts/tokens.js';
import { createApp } from './app.js';
import { requestFields, responseFields } from './request-shape.js';
import { createMemoryRepository } from './store/memory-repository.js';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

const listen = async (server: Server) => {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The fields of a request and its response once answered, as node alone leaves them. */
const plainFields = async () => {
  let fields: { request: string[]; response: string[] } | undefined;
  const base = await listen(
    createServer((request, response) => {
      response.once('finish', () => (fields = { request: Object.keys(request), response: Object.keys(response) }));
      request.resume();
      request.once('end', () => response.end('{}'));
    }),
  );
  await fetch(`${base}/x`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"answer":["A"]}' });
  return fields!;
};

it('declares every field an answer save adds to its request and response', async () => {
  const repository = createMemoryRepository();
  const token = newToken();
  await repository.createUser({ id: 'u1', username: 'trainee', displayName: '学员', role: 'trainee', passwordHash: 'unused', createdAt: '2026-09-01T00:00:00.000Z' });
  await repository.createSession({ tokenHash: hashToken(token), userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2030-01-01T00:00:00.000Z' });
  const app = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-01' } });
  const seen: { request: string[]; response: string[] }[] = [];
  const handled = app as unknown as { handle: (request: IncomingMessage, response: import('node:http').ServerResponse, next?: unknown) => void };
  const handle = handled.handle.bind(app);
  handled.handle = (request, response, next) => {
    response.once('finish', () => seen.push({ request: Object.keys(request), response: Object.keys(response) }));
    handle(request, response, next);
  };
  const base = await listen(createServer(app));
  const call = (method: string, path: string, body: unknown) =>
    fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const started = (await (await call('POST', '/attempts', { blueprintId: 'special-1-1' })).json()) as { id: string; questions: { id: string; options: { key: string }[] }[] };
  const question = started.questions[0]!;
  // Twice: the first save reads the session from the store, the second from what the process remembers.
  for (const key of [question.options[0]!.key, question.options[1]!.key]) expect((await call('PUT', `/attempts/${started.id}/answers/${encodeURIComponent(question.id)}`, { answer: [key] })).status).toBe(200);

  const plain = await plainFields();
  // `res` holds an object (express sets it first): such a field keeps the map shared, unlike a fresh function.
  const allowedOnRequest = new Set<string>([...plain.request, ...requestFields, 'res']);
  const allowedOnResponse = new Set<string>([...plain.response, ...responseFields, 'req']);
  for (const fields of seen.slice(-2)) {
    expect(fields.request.filter((name) => !allowedOnRequest.has(name))).toEqual([]);
    expect(fields.response.filter((name) => !allowedOnResponse.has(name))).toEqual([]);
  }
  expect(seen.length).toBe(3);
});
