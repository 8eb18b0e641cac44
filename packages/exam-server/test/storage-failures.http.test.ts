// Storage failures as a user and an operator meet them: a save on a full disk answers 503 with a message and
// the acknowledged answer stays; a server started on a corrupt file or a database it cannot reach says which
// file or database, in one message without a stack trace, and exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openLowdbRepository } from '../src/store/lowdb-repository.js';
import type { Repository } from '../src/store/repository.js';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const directories: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});
const directory = () => {
  const created = mkdtempSync(join(tmpdir(), 'anquan-http-failure-'));
  directories.push(created);
  return created;
};

describe('a save when the disk is full', () => {
  it('answers 503 with a message, keeps the acknowledged answer, and saves again once there is room', async () => {
    const fault: { code?: string } = {};
    const repository: Repository = await openLowdbRepository(directory(), {
      faults: () => {
        if (fault.code) throw Object.assign(new Error('injected'), { code: fault.code });
      },
    });
    const server: Server = createApp({ repository, config: { secureCookies: false, mistakesToClear: 3, asOf: '2026-09-01' } }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    cleanups.push(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await repository.close();
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const registered = await call('POST', '/users', undefined, { username: 'miner', displayName: '矿工', password: 'correct horse 1' });
    expect(registered.status).toBe(201);
    const token = String(registered.body.token);
    // A short paper from the curated bank only (no rules to generate questions from).
    await repository.saveBlueprintOverride({ blueprintId: 'special-1-1', sections: [{ type: 'judgement', count: 4, points: 1 }, { type: 'single', count: 2, points: 1 }], passMark: 4, updatedBy: 'test', updatedAt: '2026-09-01T00:00:00.000Z' });
    const started = await call('POST', '/attempts', token, { blueprintId: 'special-1-1', seed: 'disk-full' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const attempt = started.body as { id: string; questions: { id: string; options: { key: string }[] }[] };
    const [first] = attempt.questions;
    const keys = first!.options.map((option) => option.key);
    const path = `/attempts/${attempt.id}/answers/${encodeURIComponent(first!.id)}`;
    expect((await call('PUT', path, token, { answer: [keys[0]] })).status).toBe(200);

    fault.code = 'ENOSPC';
    const refused = await call('PUT', path, token, { answer: [keys[1]] });
    expect(refused.status).toBe(503);
    expect(String(refused.body.error)).toContain('磁盘空间已满');
    expect(String(refused.body.error)).toContain('not saved');
    expect(JSON.stringify(refused.body)).not.toContain(tmpdir()); // file names are for the log, not the user
    const shown = await call('GET', `/attempts/${attempt.id}`, token);
    expect((shown.body.questions as { id: string; answer: string[] }[]).find((question) => question.id === first!.id)!.answer).toEqual([keys[0]]);

    fault.code = undefined;
    expect((await call('PUT', path, token, { answer: [keys[1]] })).status).toBe(200);
  }, 120_000);
});

/** Runs the built server until it exits; resolves its exit code and what it printed. */
const startAndExit = (environment: Record<string, string>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(packageDirectory, 'dist', 'server.js')], { cwd: packageDirectory, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ANQUAN_WARM_UP: '0', DATABASE_URL: '', ...environment } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

describe('a server that cannot open its store', () => {
  it('names the corrupt file and the path inside it, and exits without a stack trace', async () => {
    const where = directory();
    await (await openLowdbRepository(where)).close();
    writeFileSync(join(where, 'users', 'u1.json'), JSON.stringify({ id: 'u1', username: 'x', displayName: 'x', role: 'wizard', passwordHash: 'h', createdAt: 't' }));
    const { code, output } = await startAndExit({ ANQUAN_DATA_DIR: where });
    expect(code).toBe(1);
    expect(output).toContain('无法打开数据存储');
    expect(output).toContain('users/u1.json: role: ');
    expect(output).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('names the database it cannot reach, never the password', async () => {
    const { code, output } = await startAndExit({ DATABASE_URL: 'postgresql://anquan:s3cret-password@127.0.0.1:1/anquan', ANQUAN_DATA_DIR: directory() });
    expect(code).toBe(1);
    expect(output).toContain('postgresql://127.0.0.1:1/anquan');
    expect(output).not.toContain('s3cret');
    expect(output).not.toMatch(/\n\s+at /);
  }, 90_000);
});
