// A server on a fresh embedded store for an HTTP test: accounts written straight into the store with a
// session each, and the API and pages called with that session's token.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/accounts/passwords.js';
import { hashToken, newId, newToken } from '../src/accounts/tokens.js';
import { createApp } from '../src/app.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository, Role } from '../src/store/repository.js';

/** Every account a started app makes has this password, for the tests that log in through the form. */
export const accountPassword = 'correct-horse-9';

export interface StartedApp {
  base: string;
  repository: Repository;
  /** Creates an account with a session; `assignment` puts it in an enterprise or a region. */
  account(username: string, role: Role, assignment?: { enterpriseId?: string; region?: string }): Promise<{ id: string; token: string }>;
  /** Calls `/api/v1` with a bearer token; the body is parsed JSON, or null when there is none. */
  api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** A page's HTML as the token's account sees it. */
  page(path: string, token: string): Promise<string>;
  close(): Promise<void>;
}

export const startApp = async (prefix: string, now: () => Date): Promise<StartedApp> => {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const repository = await openLowdbRepository(directory);
  const server: Server = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3 }, now }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    repository,
    account: async (username, role, assignment = {}) => {
      const id = newId();
      const at = now().toISOString();
      await repository.createUser({ id, username, displayName: `${username} 用户`, role, passwordHash: await hashPassword(accountPassword), createdAt: at, ...assignment });
      const token = newToken();
      await repository.createSession({ tokenHash: hashToken(token), userId: id, createdAt: at, expiresAt: '2030-01-01T00:00:00.000Z' });
      return { id, token };
    },
    api: async (method, path, token, body) => {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    page: async (path, token) => (await fetch(base + path, { headers: { authorization: `Bearer ${token}` } })).text(),
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
