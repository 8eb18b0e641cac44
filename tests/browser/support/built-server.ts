// The built exam server (packages/exam-server/dist, as deployed) started in the test's process on a free
// port, over an embedded store in a throwaway directory, with the JSON API at hand for setting things up.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from '../../support/repository.js';

const dist = join(repositoryRoot, 'packages', 'exam-server', 'dist');

/** The little of the store the browser tests call directly (dist has no type declarations). */
export interface BuiltRepository {
  createUser(user: { id: string; username: string; displayName: string; role: string; passwordHash: string; createdAt: string }): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}
export type Api = (path: string, init: { method: string; token?: string; body?: unknown }) => Promise<ApiAnswer>;

export interface BuiltServer<R = BuiltRepository> {
  base: string;
  repository: R;
  api: Api;
  /** Loads a module of the built server by its path under dist. */
  load: (path: string) => Promise<Record<string, unknown>>;
  close: () => Promise<void>;
}

export interface BuiltServerOptions {
  /** The prefix of the throwaway data directory. */
  directoryPrefix: string;
  asOf: string;
  /** When given, an administrator `admin` with this password exists before the server starts. */
  adminPassword?: string;
  /** Injected into createApp: the seed of each paper drawn (tests only), and the server's clock. */
  newPaperSeed?: () => string;
  now?: () => Date;
}

export const loadBuilt = (path: string): Promise<Record<string, unknown>> => {
  if (!existsSync(join(dist, 'app.js'))) throw new Error('packages/exam-server/dist is missing: run pnpm build');
  return import(pathToFileURL(join(dist, path)).href) as Promise<Record<string, unknown>>;
};

export const startBuiltServer = async <R extends BuiltRepository = BuiltRepository>(options: BuiltServerOptions): Promise<BuiltServer<R>> => {
  const { createApp } = (await loadBuilt('app.js')) as { createApp: (dependencies: unknown) => { listen(port: number, host: string): Server } };
  const { openLowdbRepository } = (await loadBuilt('store/lowdb-repository.js')) as { openLowdbRepository: (directory: string) => Promise<R> };
  const directory = mkdtempSync(join(tmpdir(), options.directoryPrefix));
  const repository = await openLowdbRepository(directory);
  if (options.adminPassword !== undefined) {
    const { hashPassword } = (await loadBuilt('accounts/passwords.js')) as { hashPassword: (password: string) => Promise<string> };
    await repository.createUser({ id: 'admin-1', username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword(options.adminPassword), createdAt: `${options.asOf}T00:00:00.000Z` });
  }
  const server = createApp({
    repository,
    config: { secureCookies: false, mistakesToClear: 3, asOf: options.asOf },
    ...(options.newPaperSeed ? { newPaperSeed: options.newPaperSeed } : {}),
    ...(options.now ? { now: options.now } : {}),
  }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api: Api = async (path, init) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: init.method,
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(directory, { recursive: true, force: true });
  };
  return { base, repository, api, load: loadBuilt, close };
};
