// The embedded store when the disk fails it: disk full and read-only (injected, and on a real tmpfs where this
// machine lets us mount one), corrupt and wrong-shaped files, torn logs, stale and contested locks, the first
// release's single file. Each failure is a StorageError (503) that names the file; memory and disk keep the
// last acknowledged state.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptRecord } from './attempt-fixture.js';
import { DataDirectoryLockedError, StorageError } from './errors.js';
import { openLowdbRepository } from './lowdb-repository.js';
import { openPostgresRepository } from './postgres-repository.js';
import type { Repository } from './repository.js';
import { temporaryStores } from './temporary-stores.js';

const { directory, open, adopt, close, reopen, closeAll } = temporaryStores('anquan-failure-');
afterEach(closeAll);

const attempt = attemptRecord();

/** A fault switch: while `code` is set, every write step throws that system error. */
const faultSwitch = () => {
  const state: { code?: string } = {};
  return {
    state,
    faults: (_step: string, file: string) => {
      if (state.code) throw Object.assign(new Error(`${state.code}: injected, ${file}`), { code: state.code });
    },
  };
};

const caught = (work: Promise<unknown>) => work.then(
  () => undefined,
  (error: unknown) => error,
);

describe.each([
  ['disk full', 'ENOSPC', 'disk-full', '磁盘空间已满'],
  ['read-only directory', 'EROFS', 'read-only', '数据目录不可写'],
  ['permission denied', 'EACCES', 'read-only', '数据目录不可写'],
] as const)('injected %s', (_name, code, failure, message) => {
  it('fails the change with a 503 StorageError naming the file; memory and disk keep the acknowledged state', async () => {
    const where = directory();
    const { state, faults } = faultSwitch();
    let reported: StorageError | undefined;
    const store = await open(where, { faults, onStorageError: (error) => (reported = error) });
    await store.createAttempt(attempt);
    expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);

    const journal = () => readdirSync(join(where, 'journal')).map((name) => readFileSync(join(where, 'journal', name), 'utf8')).join('');
    const journalled = journal();

    state.code = code;
    const error = await caught(store.saveAnswer('a1', 'q1', ['B']));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).status).toBe(503);
    expect((error as StorageError).failure).toBe(failure);
    expect((error as StorageError).message).toContain(message);
    expect((error as StorageError).detail).toContain(join(where, 'attempts', 'a1.json'));
    expect(reported).toBe(error);
    // Every kind of change fails the same way, and none reaches memory.
    expect(await caught(store.recordAnswers([{ userId: 'u1', questionId: 'q1', chapter: 'c', correct: true, at: '2026-09-01T00:00:00.000Z' }]))).toBeInstanceOf(StorageError);
    expect(await caught(store.createUser({ id: 'u9', username: 'late', displayName: 'x', role: 'trainee', passwordHash: 'h', createdAt: 'now' }))).toBeInstanceOf(StorageError);
    expect(await caught(store.closeAttempt('a1', '2026-09-01T01:00:00.000Z'))).toBeInstanceOf(StorageError);
    // Saves and marks are journalled as deltas: a failed one changes neither memory nor the journal.
    expect(await caught(store.setMarked('a1', 'q1', true))).toBeInstanceOf(StorageError);
    const both = await Promise.allSettled([store.saveAnswer('a1', 'q2', ['D']), store.saveAnswer('a1', 'q1', ['E'])]);
    expect(both.map((settled) => settled.status === 'rejected' && settled.reason instanceof StorageError)).toEqual([true, true]);
    expect(journal()).toBe(journalled);
    expect((await store.peekAttempt!('a1'))!.marked).toEqual([]);
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
    expect((await store.findAttempt('a1'))!.submittedAt).toBeNull();
    expect(await store.findUserByName('late')).toBeUndefined();
    expect(await store.answerRecords()).toEqual([]);
    // No temporary file is left behind.
    expect(readdirSync(join(where, 'attempts')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    state.code = undefined;
    expect(await store.saveAnswer('a1', 'q2', ['C'])).toBe(true);
    const restarted = await reopen(store, where);
    expect((await restarted.findAttempt('a1'))!.answers).toEqual({ q1: ['A'], q2: ['C'] });
    expect(await restarted.findUserByName('late')).toBeUndefined();
  });
});

/** Mounting needs root and a kernel that lets this container mount; without them the real-disk tests say so. */
const mountable = (() => {
  if (process.getuid?.() !== 0) return 'not root';
  const probe = mkdtempSync(join(tmpdir(), 'anquan-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return true;
  } catch (error) {
    return `mount refused: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

describe('a real small tmpfs', () => {
  if (mountable !== true) {
    it.skip(`disk full and read-only on a real tmpfs — skipped: ${mountable}`, () => undefined);
    return;
  }
  let mounted: string | undefined;
  afterEach(() => {
    if (mounted) execFileSync('umount', ['-l', mounted]);
    mounted = undefined;
  });
  const mount = (size: string) => {
    const where = directory();
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', where]);
    mounted = where;
    return where;
  };

  it('disk full: the save is refused with 503, the acknowledged answer stays, and saving works again once there is room', async () => {
    const where = mount('256k');
    const store = await open(where);
    await store.createAttempt(attempt);
    expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
    const filler = join(where, 'filler');
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(4096, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const error = await caught(store.saveAnswer('a1', 'q1', ['B'.repeat(8192)]));
    expect((error as StorageError).failure).toBe('disk-full');
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
    rmSync(filler);
    expect(await store.saveAnswer('a1', 'q2', ['C'])).toBe(true);
    const restarted = await reopen(store, where);
    expect((await restarted.findAttempt('a1'))!.answers).toEqual({ q1: ['A'], q2: ['C'] });
  });

  it('read-only: the save is refused with 503 (even for root), and the store reopens as it was', async () => {
    const where = mount('1m');
    const store = await open(where);
    await store.createAttempt(attempt);
    expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
    execFileSync('mount', ['-o', 'remount,ro', where]);
    const error = await caught(store.saveAnswer('a1', 'q1', ['B']));
    expect((error as StorageError).failure).toBe('read-only');
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
    // Starting on a read-only directory fails with the directory named (the lock cannot be written).
    execFileSync('mount', ['-o', 'remount,rw', where]);
    await close(store);
    execFileSync('mount', ['-o', 'remount,ro', where]);
    const refused = await caught(openLowdbRepository(where));
    expect((refused as StorageError).failure).toBe('read-only');
    expect((refused as StorageError).detail).toContain(where);
    execFileSync('mount', ['-o', 'remount,rw', where]);
    expect((await (await open(where)).findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
  });
});

describe('files that are not what they should be', () => {
  it('a corrupt document stops the start, naming the file', async () => {
    const where = directory();
    const store = await open(where);
    await store.createAttempt(attempt);
    await close(store);
    writeFileSync(join(where, 'attempts', 'a1.json'), '{"id": "a1", "answers": {');
    const error = await caught(openLowdbRepository(where));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).failure).toBe('corrupt');
    expect((error as StorageError).detail).toMatch(/^attempts\/a1\.json: not valid JSON/);
    // The failed start let go of the lock: once the file is mended, the store opens.
    writeFileSync(join(where, 'attempts', 'a1.json'), JSON.stringify(attempt));
    expect(await (await open(where)).findAttempt('a1')).toEqual(attempt);
  });

  it('a document of the wrong shape stops the start, naming the file and the path inside it', async () => {
    const where = directory();
    await close(await open(where));
    writeFileSync(join(where, 'attempts', 'a1.json'), JSON.stringify({ ...attempt, answers: { q1: 'A' } }));
    const error = await caught(openLowdbRepository(where));
    expect((error as StorageError).detail).toMatch(/^attempts\/a1\.json: answers\.q1: /);
    writeFileSync(join(where, 'attempts', 'a1.json'), JSON.stringify({ ...attempt, id: 'other' }));
    expect(((await caught(openLowdbRepository(where))) as StorageError).detail).toContain('attempts/a1.json: the record inside is "other"');
  });

  it('a bad line in an answer log names the file and the line; a torn last line is cut off', async () => {
    const where = directory();
    const store = await open(where);
    const record = { userId: 'u1', questionId: 'q1', chapter: 'c', correct: true, at: '2026-09-01T00:00:00.000Z' };
    await store.recordAnswers([record, { ...record, questionId: 'q2' }]);
    await close(store);
    const log = join(where, 'answer-records', 'u1.jsonl');
    appendFileSync(log, '{"userId":"u1","quest');
    const mended = await open(where);
    expect(await mended.answerRecords()).toEqual([record, { ...record, questionId: 'q2' }]);
    await mended.recordAnswers([{ ...record, questionId: 'q3' }]);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(3);
    await close(mended);
    writeFileSync(log, `${JSON.stringify(record)}\n{"userId":"u1","correct":"yes"}\n`);
    expect(((await caught(openLowdbRepository(where))) as StorageError).detail).toMatch(/^answer-records\/u1\.jsonl line 2: /);
  });

  it('converts the single anquan.json of the first release, and names the path inside it when it is wrong', async () => {
    const where = directory();
    const user = { id: 'u1', username: 'miner', displayName: '矿长', role: 'trainee', passwordHash: 'h', createdAt: '2026-09-01T00:00:00.000Z' };
    const record = { userId: 'u1', questionId: 'q1', chapter: 'c', correct: true, at: '2026-09-01T00:00:00.000Z' };
    writeFileSync(join(where, 'anquan.json'), JSON.stringify({ version: 1, users: [{ ...user, role: 'wizard' }] }));
    expect(((await caught(openLowdbRepository(where))) as StorageError).detail).toMatch(/^anquan\.json: users\[0\]\.role: /);
    writeFileSync(join(where, 'anquan.json'), JSON.stringify({ version: 1, users: [user], attempts: [{ ...attempt, answers: { q1: ['A'] } }], answerRecords: [record, record] }, null, 2));
    const store = await open(where);
    expect(await store.findUserByName('miner')).toEqual(user);
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
    expect(await store.answerRecords()).toEqual([record, record]);
    expect(existsSync(join(where, 'anquan.json'))).toBe(false);
    expect(existsSync(join(where, 'anquan.json.converted'))).toBe(true);
    expect(await (await reopen(store, where)).counts()).toMatchObject({ users: 1, attempts: 1, answerRecords: 2 });
  });
});

describe('the data-directory lock', () => {
  it('refuses a second opening while the first holds it, and frees it on close', async () => {
    const where = directory();
    const first = await open(where);
    const error = await caught(openLowdbRepository(where));
    expect(error).toBeInstanceOf(DataDirectoryLockedError);
    expect((error as Error).message).toContain(`数据目录 ${where} 已被另一个进程占用（pid ${process.pid}`);
    expect((error as Error).message).toContain(`The data directory ${where} is in use by another process (pid ${process.pid}`);
    await close(first);
    await open(where);
  });

  it('takes over the lock of a dead process, once, when two openings find it together', async () => {
    const where = directory();
    mkdirSync(where, { recursive: true });
    // A pid that cannot be running: beyond the kernel's maximum.
    writeFileSync(join(where, 'anquan.lock'), JSON.stringify({ pid: 2 ** 22 + 1, startTime: '1', host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const outcomes = await Promise.allSettled([openLowdbRepository(where), openLowdbRepository(where), openLowdbRepository(where)]);
    const opened = outcomes.filter((outcome): outcome is PromiseFulfilledResult<Repository> => outcome.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    adopt(opened[0]!.value);
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected')) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(DataDirectoryLockedError);
    expect(JSON.parse(readFileSync(join(where, 'anquan.lock'), 'utf8')).pid).toBe(process.pid);
  });
});

describe('PostgreSQL that cannot be reached', () => {
  it('fails the start with a StorageError naming the database, never the password', async () => {
    const error = await caught(openPostgresRepository('postgresql://anquan:s3cret-password@127.0.0.1:1/anquan'));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).failure).toBe('unavailable');
    expect((error as StorageError).detail).toContain('postgresql://127.0.0.1:1/anquan');
    expect(String((error as StorageError).detail)).not.toContain('s3cret');
  });
});
