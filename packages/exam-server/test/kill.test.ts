// Durability: the built server (dist/server.js) is killed with SIGKILL between answers, restarted on the
// same data directory, and must still hold every answer whose save had been acknowledged.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverScript = join(packageDirectory, 'dist', 'server.js');
const blueprintId = 'principal-coal-mine';

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

let directory: string;
let port: number;
let running: Running | undefined;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: chosen } = probe.address() as AddressInfo;
      probe.close(() => resolve(chosen));
    });
  });

/** Starts the server and resolves once it prints that it listens (or rejects with what it printed). */
const start = async (): Promise<Running> => {
  const child = spawn(process.execPath, [serverScript], {
    cwd: packageDirectory,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ANQUAN_DATA_DIR: directory, ANQUAN_AS_OF: '2026-09-01' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(how)}) before starting:\n${output}`));
    });
  });
  running = { child, output: () => output, exited };
  return running;
};

const kill = async (server: Running) => {
  expect(server.child.kill('SIGKILL')).toBe(true);
  expect(await server.exited).toBe('SIGKILL');
  running = undefined;
};

const api = async (method: string, path: string, token?: string, body?: unknown) => {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, text };
};

interface AttemptView {
  id: string;
  submittedAt: string | null;
  questions: { id: string; type: string; options: { key: string }[]; answer: string[] }[];
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'anquan-kill-'));
  port = await freePort();
});

afterAll(async () => {
  if (running) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('a server killed with SIGKILL between answers', () => {
  it('restarts with every saved answer intact', async () => {
    let server = await start();
    // The first administrator's password is in a file in the data directory, never in the log.
    const passwordFile = /(\S+initial-admin-password\.txt)/.exec(server.output())?.[1];
    expect(passwordFile, server.output()).toBe(join(directory, 'initial-admin-password.txt'));
    expect(statSync(passwordFile!).mode & 0o777).toBe(0o600);
    const password = /password: (\S+)/.exec(readFileSync(passwordFile!, 'utf8'))?.[1];
    expect(password).toBeDefined();
    expect(server.output()).not.toContain(password!);

    const admin = await api('POST', '/sessions', undefined, { username: 'admin', password });
    expect(admin.status).toBe(201);
    const shortened = await api('PUT', `/admin/blueprints/${blueprintId}`, String(admin.body.token), {
      sections: [{ type: 'judgement', count: 4, points: 1 }, { type: 'single', count: 2, points: 1 }],
      passMark: 4,
      durationMinutes: 60,
    });
    expect(shortened.status, shortened.text).toBe(200);
    const registered = await api('POST', '/users', undefined, { username: 'miner', displayName: '矿长', password: 'correct horse 1' });
    expect(registered.status).toBe(201);
    const token = String(registered.body.token);
    const started = await api('POST', '/attempts', token, { blueprintId });
    expect(started.status, started.text).toBe(201);
    const attempt = started.body as unknown as AttemptView;
    expect(attempt.questions).toHaveLength(6);

    const saved: Record<string, string[]> = {};
    const readBack = async () => {
      const current = await api('GET', `/attempts/${attempt.id}`, token);
      expect(current.status, current.text).toBe(200);
      const view = current.body as unknown as AttemptView;
      expect(view.submittedAt).toBeNull();
      return Object.fromEntries(view.questions.filter((question) => question.answer.length > 0).map((question) => [question.id, question.answer]));
    };

    // One answer, acknowledged, then SIGKILL and a restart: twice (each restart regenerates the questions).
    for (const question of attempt.questions.slice(0, 2)) {
      const answer = [question.options[question.options.length - 1]!.key];
      const response = await api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(question.id)}`, token, { answer });
      expect(response.status, response.text).toBe(200);
      saved[question.id] = answer;
      await kill(server);
      server = await start();
      expect(server.output()).not.toContain('首次启动');
      expect(await readBack()).toEqual(saved);
    }

    // A burst: changed answers and new ones saved at once, all acknowledged, then killed at once.
    const burst = attempt.questions.map((question) => ({ question, answer: [question.options[0]!.key] }));
    const responses = await Promise.all(burst.map(({ question, answer }) => api('PUT', `/attempts/${attempt.id}/answers/${encodeURIComponent(question.id)}`, token, { answer })));
    expect(responses.map((response) => response.status)).toEqual(burst.map(() => 200));
    for (const { question, answer } of burst) saved[question.id] = answer;
    await kill(server);
    // The file on disk is whole JSON (lowdb writes a temporary file and renames it).
    expect(() => JSON.parse(readFileSync(join(directory, 'anquan.json'), 'utf8'))).not.toThrow();
    server = await start();
    expect(await readBack()).toEqual(saved);
    expect(Object.keys(saved)).toHaveLength(6);

    // And the restarted server still grades the paper from what was saved.
    const submitted = await api('POST', `/attempts/${attempt.id}/submit`, token);
    expect(submitted.status).toBe(200);
    expect((submitted.body as unknown as AttemptView).questions.map((question) => question.answer)).toEqual(attempt.questions.map((question) => saved[question.id]));
  }, 240_000);
});
