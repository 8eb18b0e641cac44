// The repository contract: every store (in memory, split lowdb documents, PostgreSQL) passes the same tests —
// every operation, concurrency (submit against saves, one name registered in parallel), and restart.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsernameTakenError } from './errors.js';
import { lastOpening, openLowdbRepository } from './lowdb-repository.js';
import { createMemoryRepository } from './memory-repository.js';
import { openPostgresRepository } from './postgres-repository.js';
import { startTestCluster } from './postgres-test-cluster.js';
import type { AnswerRecord, AssessmentRecord, Attempt, EvidenceFile, RectificationItem, Repository, StoreSnapshot, StoredQuestion, User } from './repository.js';

interface Harness {
  name: string;
  /** Whether what it holds survives close and open (the restart tests). */
  durable: boolean;
  /** A fresh, empty store. */
  fresh(): Promise<Repository>;
  /** Closes the store and opens the same data again. */
  restart(current: Repository): Promise<Repository>;
  cleanup(): Promise<void>;
}

const memory = (): Harness => ({
  name: 'in memory',
  durable: false,
  fresh: async () => createMemoryRepository(),
  restart: async () => {
    throw new Error('not durable');
  },
  cleanup: async () => undefined,
});

const lowdb = (): Harness => {
  let directory = '';
  return {
    name: 'lowdb split documents',
    durable: true,
    fresh: async () => {
      directory = mkdtempSync(join(tmpdir(), 'anquan-contract-'));
      return openLowdbRepository(directory);
    },
    restart: async (current) => {
      await current.close();
      const reopened = await openLowdbRepository(directory);
      // A clean close leaves a snapshot, and the next start reads it instead of every document.
      expect(lastOpening()?.source).toBe('snapshot');
      return reopened;
    },
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

/**
 * The embedded store restarted after a crash: the directory is copied as it stands (synchronously, so no write
 * of this process runs meanwhile) without closing the store, and the copy is opened — no snapshot, the journal
 * replayed over the documents. A small checkpoint size makes background checkpoints run during the tests.
 */
const lowdbAfterCrash = (): Harness => {
  const directories: string[] = [];
  const open = (directory: string) => openLowdbRepository(directory, { checkpointBytes: 2048 });
  return {
    name: 'lowdb after a crash (journal replayed, checkpoints every 2 KiB)',
    durable: true,
    fresh: async () => {
      directories.push(mkdtempSync(join(tmpdir(), 'anquan-contract-crash-')));
      return open(directories.at(-1)!);
    },
    restart: async (current) => {
      const copy = mkdtempSync(join(tmpdir(), 'anquan-contract-crash-'));
      directories.push(copy);
      cpSync(directories.at(-2)!, copy, { recursive: true });
      rmSync(join(copy, 'anquan.lock'));
      expect(existsSync(join(copy, 'snapshot.jsonl'))).toBe(false);
      await current.close();
      const reopened = await open(copy);
      expect(lastOpening()).toMatchObject({ source: 'documents' });
      return reopened;
    },
    cleanup: async () => {
      for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
    },
  };
};

const cluster = await startTestCluster({ durable: false });
afterAll(async () => {
  if ('cluster' in cluster) await cluster.cluster.stop();
});
const postgres = (): Harness | undefined => {
  if (!('cluster' in cluster)) return undefined;
  let url = '';
  return {
    name: 'PostgreSQL',
    durable: true,
    fresh: async () => {
      url = await cluster.cluster.createDatabase();
      return openPostgresRepository(url, { poolSize: 20 });
    },
    restart: async (current) => {
      await current.close();
      return openPostgresRepository(url, { poolSize: 20 });
    },
    cleanup: async () => undefined,
  };
};

if ('skipped' in cluster) it.skip(`PostgreSQL repository contract — skipped: ${cluster.skipped}`, () => undefined);

const user = (id: string, username = id): User => ({ id, username, displayName: `用户${id}`, role: 'trainee', passwordHash: `hash-${id}`, createdAt: '2026-09-01T01:00:00.000Z' });
const attempt = (id: string, userId: string, questions = 5): Attempt => ({
  id,
  userId,
  blueprintId: 'principal-coal-mine',
  mode: 'mock',
  seed: `seed-${id}`,
  questionIds: Array.from({ length: questions }, (_, index) => `q${index}`),
  optionOrder: Object.fromEntries(Array.from({ length: questions }, (_, index) => [`q${index}`, ['B', 'A', 'C']])),
  answers: {},
  marked: [],
  startedAt: '2026-09-01T02:00:00.000Z',
  deadline: '2026-09-01T04:00:00.000Z',
  submittedAt: null,
  score: null,
  maxScore: 100,
  passMark: 80,
  passed: null,
  earned: {},
});
const question = (id: string, stem = `题干 ${id}`): StoredQuestion => ({
  id,
  type: 'single',
  topic: 'gas',
  stem,
  options: [
    { key: 'A', text: '是' },
    { key: 'B', text: '否' },
  ],
  answer: ['A'],
  explanation: '说明',
  citation: '第四条',
  importedBy: 'admin',
  importedAt: '2026-09-01T00:00:00.000Z',
});
const assessment = (id: string, userId: string, updatedAt = '2026-09-01T03:00:00.000Z'): AssessmentRecord => ({
  id,
  userId,
  sector: 'coal-mine',
  asOf: '2026-09-01',
  facts: { depthMetres: 650, nested: { list: [1, 2] } },
  createdAt: '2026-09-01T03:00:00.000Z',
  updatedAt,
  summary: { hazard: 1, clear: 2, unknown: 3 },
});
const rectification = (id: string, userId: string, status: RectificationItem['status'] = 'open'): RectificationItem => ({
  id,
  userId,
  assessmentId: 'as1',
  ruleId: 'rule-1',
  title: '隐患',
  citation: '第四条',
  status,
  responsible: '张三',
  note: '',
  foundAt: '2026-09-01T03:00:00.000Z',
  rectifyingAt: null,
  closedAt: null,
  clearedOnReassessment: false,
});
const record = (userId: string, questionId: string, correct: boolean, at: string): AnswerRecord => ({ userId, questionId, chapter: 'ch1', correct, at });
const evidence = (id: string, itemId: string, uploadedAt: string): EvidenceFile => ({
  id, userId: 'u1', itemId, stage: 'found', name: `${id}.jpg`, type: 'image/jpeg', size: 4, dataBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'), uploadedBy: 'u1', uploadedAt,
});

/** A snapshot in a canonical order, to compare stores whose list order is not part of the contract. */
const canonical = (snapshot: StoreSnapshot) => {
  const by = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    users: by(snapshot.users, (item) => item.id),
    sessions: by(snapshot.sessions, (item) => item.tokenHash),
    attempts: by(snapshot.attempts, (item) => item.id),
    answerRecords: by(snapshot.answerRecords, (item) => `${item.userId}|${item.at}|${item.questionId}`),
    progress: by(snapshot.progress, (item) => item.userId),
    blueprintOverrides: by(snapshot.blueprintOverrides, (item) => item.blueprintId),
    importedQuestions: by(snapshot.importedQuestions, (item) => item.id),
    assessments: by(snapshot.assessments, (item) => item.id),
    rectifications: by(snapshot.rectifications, (item) => item.id),
    evidence: by(snapshot.evidence, (item) => item.id),
  };
};

const harnesses = [memory(), lowdb(), lowdbAfterCrash(), postgres()].filter((harness): harness is Harness => harness !== undefined);

describe.each(harnesses)('repository contract: $name', (harness) => {
  let store: Repository;
  beforeEach(async () => {
    store = await harness.fresh();
  });
  afterEach(async () => {
    await store.close();
    await harness.cleanup();
  });

  it('creates users and finds them by name and id; a taken name is refused with a 409', async () => {
    expect(await store.countUsers()).toBe(0);
    await store.createUser(user('u1', 'miner'));
    await store.createUser(user('u2', 'boss'));
    expect(await store.findUserByName('miner')).toEqual(user('u1', 'miner'));
    expect(await store.findUser('u2')).toEqual(user('u2', 'boss'));
    expect(await store.findUserByName('nobody')).toBeUndefined();
    expect(await store.findUser('nobody')).toBeUndefined();
    expect(await store.countUsers()).toBe(2);
    const taken = await store.createUser(user('u3', 'miner')).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(UsernameTakenError);
    expect((taken as UsernameTakenError).status).toBe(409);
    expect(await store.countUsers()).toBe(2);
  });

  it('registers one name in parallel exactly once', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => store.createUser(user(`racer${index}`, 'same-name'))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected')) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(UsernameTakenError);
    expect(await store.countUsers()).toBe(1);
    const winner = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
    expect((await store.findUserByName('same-name'))?.id).toBe(`racer${winner}`);
  });

  it('hands out copies: changing what it returned changes nothing stored', async () => {
    await store.createUser(user('u1'));
    const found = (await store.findUser('u1'))!;
    found.displayName = 'changed';
    expect((await store.findUser('u1'))!.displayName).toBe('用户u1');
    await store.createAttempt(attempt('a1', 'u1'));
    const loaded = (await store.findAttempt('a1'))!;
    loaded.answers.q0 = ['A'];
    expect((await store.findAttempt('a1'))!.answers).toEqual({});
  });

  it('keeps sessions until deleted or purged after expiry', async () => {
    const session = { tokenHash: 'h1', userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' };
    await store.createSession(session);
    await store.createSession({ ...session, tokenHash: 'h2', expiresAt: '2026-09-02T00:00:00.000Z' });
    expect(await store.findSession('h1')).toEqual(session);
    await store.deleteSession('h1');
    await store.deleteSession('never-there');
    expect(await store.findSession('h1')).toBeUndefined();
    await store.createSession(session);
    expect(await store.purgeExpired('2026-09-02T00:00:00.000Z')).toMatchObject({ sessions: 1 });
    expect(await store.findSession('h2')).toBeUndefined();
    expect(await store.findSession('h1')).toEqual(session);
  });

  it('finds the user of a session still valid at the given instant, in one operation', async () => {
    await store.createUser(user('u1'));
    await store.createSession({ tokenHash: 'h1', userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' });
    await store.createSession({ tokenHash: 'orphan', userId: 'gone', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' });
    expect(await store.findSessionUser('h1', '2026-09-07T23:59:59.999Z')).toEqual(user('u1'));
    // Expiry is exclusive, as in findSession then a comparison: at expiresAt the session is over.
    expect(await store.findSessionUser('h1', '2026-09-08T00:00:00.000Z')).toBeUndefined();
    expect(await store.findSessionUser('h1', '2026-09-08T00:00:00.001Z')).toBeUndefined();
    expect(await store.findSessionUser('orphan', '2026-09-02T00:00:00.000Z')).toBeUndefined();
    expect(await store.findSessionUser('never-there', '2026-09-02T00:00:00.000Z')).toBeUndefined();
    // Lookups at once (on PostgreSQL, one statement for those after the first) answer each as alone.
    const lookups: [string, string][] = [['h1', '2026-09-02T00:00:00.000Z'], ['never-there', '2026-09-02T00:00:00.000Z'], ['h1', '2026-09-08T00:00:00.000Z'], ['orphan', '2026-09-02T00:00:00.000Z'], ['h1', '2026-09-03T00:00:00.000Z']];
    expect(await Promise.all(lookups.map(([hash, at]) => store.findSessionUser(hash, at)))).toEqual([user('u1'), undefined, undefined, undefined, user('u1')]);
    await store.assignUser('u1', { region: '北京市' });
    expect(await store.findSessionUser('h1', '2026-09-02T00:00:00.000Z')).toEqual({ ...user('u1'), region: '北京市' });
    await store.deleteSession('h1');
    expect(await store.findSessionUser('h1', '2026-09-02T00:00:00.000Z')).toBeUndefined();
  });

  it("saves a trainee's own answer in one operation only to its open paper, up to the deadline", async () => {
    await store.createAttempt(attempt('a1', 'u1'));
    await store.createAttempt({ ...attempt('p1', 'u1'), mode: 'practice', deadline: null });
    const save = (changes: Partial<Parameters<Repository['saveOwnAnswer']>[0]>) => store.saveOwnAnswer({ attemptId: 'a1', userId: 'u1', questionId: 'q0', answer: ['A'], at: '2026-09-01T03:00:00.000Z', ...changes });
    expect(await save({})).toBe(true);
    expect(await save({ questionId: 'q1', answer: ['A', 'C'] })).toBe(true);
    // The deadline is inclusive (the service closes a paper only after it), one millisecond later refused.
    expect(await save({ questionId: 'q2', answer: ['B'], at: '2026-09-01T04:00:00.000Z' })).toBe(true);
    expect(await save({ questionId: 'q3', at: '2026-09-01T04:00:00.001Z' })).toBe(false);
    expect(await save({ userId: 'u2', questionId: 'q3' })).toBe(false);
    expect(await save({ questionId: 'not-in-paper' })).toBe(false);
    expect(await save({ attemptId: 'missing' })).toBe(false);
    expect(await save({ attemptId: 'p1', at: '2030-01-01T00:00:00.000Z' })).toBe(true);
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q0: ['A'], q1: ['A', 'C'], q2: ['B'] });
    expect((await store.findAttempt('p1'))!.answers).toEqual({ q0: ['A'] });
    await store.closeAttempt('a1', '2026-09-01T03:30:00.000Z');
    expect(await save({ questionId: 'q4' })).toBe(false);
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q0: ['A'], q1: ['A', 'C'], q2: ['B'] });
  });

  it('stores an attempt, its answers and marks while open', async () => {
    await store.createAttempt(attempt('a1', 'u1'));
    await store.createAttempt(attempt('a2', 'u1'));
    await store.createAttempt(attempt('b1', 'u2'));
    expect(await store.saveAnswer('a1', 'q0', ['A'])).toBe(true);
    expect(await store.saveAnswer('a1', 'q1', ['A', 'C'])).toBe(true);
    expect(await store.saveAnswer('a1', 'q0', ['B'])).toBe(true);
    expect(await store.setMarked('a1', 'q2', true)).toBe(true);
    expect(await store.setMarked('a1', 'q2', true)).toBe(true);
    expect(await store.setMarked('a1', 'q3', true)).toBe(true);
    expect(await store.setMarked('a1', 'q3', false)).toBe(true);
    const stored = (await store.findAttempt('a1'))!;
    expect(stored).toEqual({ ...attempt('a1', 'u1'), answers: { q0: ['B'], q1: ['A', 'C'] }, marked: ['q2'] });
    expect((await store.listAttempts('u1')).map((item) => item.id).sort()).toEqual(['a1', 'a2']);
    expect(await store.listAttempts('nobody')).toEqual([]);
    expect(await store.findAttempt('missing')).toBeUndefined();
    expect(await store.saveAnswer('missing', 'q0', ['A'])).toBe(false);
    expect(await store.setMarked('missing', 'q0', true)).toBe(false);
    expect(await store.closeAttempt('missing', '2026-09-01T03:00:00.000Z')).toBeUndefined();
  });

  it('closes an attempt once, returning it with its answers; nothing is stored after', async () => {
    await store.createAttempt(attempt('a1', 'u1'));
    await store.saveAnswer('a1', 'q0', ['A']);
    const closed = await store.closeAttempt('a1', '2026-09-01T03:00:00.000Z');
    expect(closed).toEqual({ ...attempt('a1', 'u1'), answers: { q0: ['A'] }, submittedAt: '2026-09-01T03:00:00.000Z' });
    expect(await store.closeAttempt('a1', '2026-09-01T03:00:01.000Z')).toBeUndefined();
    expect(await store.saveAnswer('a1', 'q1', ['B'])).toBe(false);
    expect(await store.setMarked('a1', 'q1', true)).toBe(false);
    await store.finishAttempt('a1', { submittedAt: '2026-09-01T03:00:00.000Z', score: 20, passed: false, earned: { q0: 20, q1: 0 } });
    expect(await store.findAttempt('a1')).toEqual({ ...closed, score: 20, passed: false, earned: { q0: 20, q1: 0 } });
    await expect(store.finishAttempt('missing', { submittedAt: null, score: 0, passed: false, earned: {} })).rejects.toThrow();
  });

  it('submit against concurrent saves: what the close returns holds exactly the saves acknowledged before it', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = `race${round}`;
      await store.createAttempt(attempt(id, 'u1', 40));
      const saves = Array.from({ length: 40 }, (_, index) => store.saveAnswer(id, `q${index}`, [index % 2 ? 'A' : 'B']));
      const marks = Array.from({ length: 10 }, (_, index) => store.setMarked(id, `q${index}`, true));
      const closes = [store.closeAttempt(id, '2026-09-01T03:00:00.000Z'), store.closeAttempt(id, '2026-09-01T03:00:00.500Z')];
      const later = Array.from({ length: 10 }, (_, index) => store.saveAnswer(id, `late${index}`, ['C']));
      const [saved, marked, closedBy, savedLater] = await Promise.all([Promise.all(saves), Promise.all(marks), Promise.all(closes), Promise.all(later)]);
      const winners = closedBy.filter((closed) => closed !== undefined);
      expect(winners, `round ${round}`).toHaveLength(1);
      const closed = winners[0]!;
      const acknowledged = Object.fromEntries(saved.flatMap((ok, index) => (ok ? [[`q${index}`, [index % 2 ? 'A' : 'B']]] : [])));
      const acknowledgedLater = savedLater.flatMap((ok, index) => (ok ? [`late${index}`] : []));
      // Saves queued after the close can only have reached the attempt if they ran before it; then they are in it.
      for (const key of acknowledgedLater) acknowledged[key] = ['C'];
      expect(closed.answers, `round ${round}`).toEqual(acknowledged);
      expect([...closed.marked].sort(), `round ${round}`).toEqual(marked.flatMap((ok, index) => (ok ? [`q${index}`] : [])).sort());
      expect(await store.findAttempt(id)).toEqual(closed);
    }
  });

  it("saves an own answer under a session only while that session is the user's and valid", async () => {
    await store.createAttempt(attempt('a1', 'u1', 12));
    await store.createAttempt(attempt('b1', 'u2', 12));
    await store.createSession({ tokenHash: 'h1', userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-01T03:00:00.000Z' });
    await store.createSession({ tokenHash: 'h2', userId: 'u2', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' });
    const save = (questionId: string, sessionHash: string, at = '2026-09-01T02:00:00.000Z', attemptId = 'a1', userId = 'u1') =>
      store.saveOwnAnswer({ attemptId, userId, questionId, answer: ['A'], at, sessionHash });
    // One at a time, then all at once (on PostgreSQL the second set shares one statement).
    const cases = (offset: number) => [
      save(`q${offset}`, 'h1'),
      save(`q${offset + 1}`, 'unknown'),
      save(`q${offset + 2}`, 'h2'), // another user's session
      save(`q${offset + 3}`, 'h1', '2026-09-01T03:00:00.000Z'), // expires at that instant: over
      save(`q${offset + 4}`, 'h2', '2026-09-01T02:00:00.000Z', 'b1', 'u2'),
    ];
    const alone: boolean[] = [];
    for (const pending of cases(0)) alone.push(await pending);
    expect(alone).toEqual([true, false, false, false, true]);
    expect(await Promise.all(cases(5))).toEqual([true, false, false, false, true]);
    await store.deleteSession('h1');
    expect(await save('q10', 'h1')).toBe(false);
    expect(Object.keys((await store.findAttempt('a1'))!.answers).sort()).toEqual(['q0', 'q5']);
    expect(Object.keys((await store.findAttempt('b1'))!.answers).sort()).toEqual(['q4', 'q9']);
  });

  it('submit against concurrent own-answer saves to many attempts: each close holds exactly the saves acknowledged before it', async () => {
    for (let round = 0; round < 3; round += 1) {
      const ids = Array.from({ length: 8 }, (_, index) => `own${round}-${index}`);
      for (const id of ids) await store.createAttempt(attempt(id, 'u1', 12));
      // Saves to every attempt interleaved (on PostgreSQL they share statements), the closes in the middle of them.
      const save = (id: string, index: number) => store.saveOwnAnswer({ attemptId: id, userId: 'u1', questionId: `q${index}`, answer: [index % 2 ? 'A' : 'B'], at: '2026-09-01T03:00:00.000Z' });
      // Saves to every open attempt at once are all stored (on PostgreSQL, most of them by one statement).
      expect(await Promise.all(ids.map((id) => save(id, 11))), `round ${round}`).toEqual(ids.map(() => true));
      const saves = Array.from({ length: 6 }, (_, index) => ids.map((id) => save(id, index)));
      const closes = ids.map((id) => store.closeAttempt(id, '2026-09-01T03:00:00.000Z'));
      const later = Array.from({ length: 6 }, (_, index) => ids.map((id) => save(id, 6 + index)));
      const [saved, closed, savedLater] = await Promise.all([Promise.all(saves.map((row) => Promise.all(row))), Promise.all(closes), Promise.all(later.map((row) => Promise.all(row)))]);
      for (const [which, id] of ids.entries()) {
        const acknowledged = Object.fromEntries([...saved, ...savedLater].flatMap((row, index) => (row[which] ? [[`q${index}`, [index % 2 ? 'A' : 'B']]] : [])));
        acknowledged.q11 = ['A'];
        expect(closed[which], `${id}`).toBeDefined();
        expect(closed[which]!.answers, `${id}`).toEqual(acknowledged);
        expect(await store.findAttempt(id), `${id}`).toEqual(closed[which]);
      }
    }
  });

  it('appends answer records and lists them per user in order', async () => {
    await store.recordAnswers([record('u1', 'q1', true, '2026-09-01T00:00:01.000Z'), record('u2', 'q1', false, '2026-09-01T00:00:02.000Z')]);
    await store.recordAnswers([record('u1', 'q2', false, '2026-09-01T00:00:03.000Z')]);
    await store.recordAnswers([]);
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.recordAnswers([record('u3', `p${index}`, true, '2026-09-01T00:00:04.000Z')])));
    expect(await store.answerRecords({ userId: 'u1' })).toEqual([record('u1', 'q1', true, '2026-09-01T00:00:01.000Z'), record('u1', 'q2', false, '2026-09-01T00:00:03.000Z')]);
    expect(await store.answerRecords({ userId: 'u3' })).toHaveLength(10);
    expect(await store.answerRecords()).toHaveLength(13);
  });

  it('keeps progress per user; concurrent updates are applied one after another', async () => {
    expect(await store.progress('u1')).toEqual({ userId: 'u1', positions: {}, mistakes: {}, favourites: [], seen: [] });
    const returned = await store.updateProgress('u1', (progress) => {
      progress.favourites.push('q9');
      progress.positions.k = 0;
    });
    expect(returned.favourites).toEqual(['q9']);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.updateProgress('u1', (progress) => {
          progress.positions.k = (progress.positions.k ?? 0) + 1;
        }),
      ),
    );
    expect(await store.progress('u1')).toEqual({ userId: 'u1', positions: { k: 20 }, mistakes: {}, favourites: ['q9'], seen: [] });
    expect((await store.progress('u2')).favourites).toEqual([]);
  });

  it('lists users by role, region and enterprise, and assigns or clears a region and an enterprise', async () => {
    await store.createUser({ ...user('u1', 'ent-a'), role: 'enterprise' });
    await store.createUser({ ...user('u2', 'reg-a'), role: 'regulator' });
    await store.createUser({ ...user('u3', 'acc-a'), role: 'acceptor' });
    expect(await store.assignUser('nobody', { region: 'x' })).toBeUndefined();
    expect(await store.assignUser('u1', { region: '滨海区' })).toMatchObject({ id: 'u1', region: '滨海区' });
    await store.assignUser('u2', { region: '滨海区' });
    await store.assignUser('u3', { enterpriseId: 'u1' });
    expect((await store.listUsers({ region: '滨海区' })).map((found) => found.id).sort()).toEqual(['u1', 'u2']);
    expect((await store.listUsers({ role: 'enterprise', region: '滨海区' })).map((found) => found.id)).toEqual(['u1']);
    expect((await store.listUsers({ enterpriseId: 'u1' })).map((found) => found.id)).toEqual(['u3']);
    expect((await store.listUsers()).length).toBe(3);
    const cleared = await store.assignUser('u1', { region: null });
    expect(cleared).not.toHaveProperty('region');
    expect(await store.findUser('u1')).not.toHaveProperty('region');
    expect(await store.findUser('u3')).toMatchObject({ enterpriseId: 'u1' });
    expect(await store.listUsers({ region: '滨海区', role: 'enterprise' })).toEqual([]);
  });

  it('stores evidence files by id and lists an item’s files without their bytes, oldest first', async () => {
    const file = evidence;
    await store.saveEvidence(file('e2', 'r1', '2026-09-01T00:00:02.000Z'));
    await store.saveEvidence(file('e1', 'r1', '2026-09-01T00:00:01.000Z'));
    await store.saveEvidence(file('e3', 'r2', '2026-09-01T00:00:03.000Z'));
    expect(await store.findEvidence('e1')).toEqual(file('e1', 'r1', '2026-09-01T00:00:01.000Z'));
    expect(await store.findEvidence('nope')).toBeUndefined();
    const listed = await store.listEvidence('r1');
    expect(listed.map((info) => info.id)).toEqual(['e1', 'e2']);
    expect(listed[0]).not.toHaveProperty('dataBase64');
    expect(await store.listEvidence('r9')).toEqual([]);
  });

  it('stores ledger records by id, lists them by kind, enterprise and region in saved order, and deletes them', async () => {
    const record = (id: string, kind: 'risk' | 'statistics' | 'screening', enterpriseId: string | null, region: string | null, savedAt: string, data: Record<string, unknown> = { n: id }) => ({ id, kind, enterpriseId, region, savedAt, data });
    await store.saveLedgerRecord(record('risk:b', 'risk', 'u1', null, '2026-09-01T00:00:02.000Z'));
    await store.saveLedgerRecord(record('risk:a', 'risk', 'u1', null, '2026-09-01T00:00:02.000Z'));
    await store.saveLedgerRecord(record('risk:c', 'risk', 'u2', null, '2026-09-01T00:00:01.000Z'));
    await store.saveLedgerRecord(record('screening:x', 'screening', null, '东区', '2026-09-01T00:00:00.000Z', { name: '甲', nested: { hazard: 2 } }));
    await store.saveLedgerRecord(record('screening:y', 'screening', 'u1', '西区', '2026-09-01T00:00:00.000Z'));
    expect((await store.listLedgerRecords({ kind: 'risk', enterpriseId: 'u1' })).map((entry) => entry.id)).toEqual(['risk:a', 'risk:b']);
    expect((await store.listLedgerRecords({ kind: 'risk' })).map((entry) => entry.id)).toEqual(['risk:c', 'risk:a', 'risk:b']);
    expect(await store.listLedgerRecords({ kind: 'screening', region: '东区' })).toEqual([record('screening:x', 'screening', null, '东区', '2026-09-01T00:00:00.000Z', { name: '甲', nested: { hazard: 2 } })]);
    expect(await store.listLedgerRecords({ kind: 'statistics', enterpriseId: 'u1' })).toEqual([]);
    // Replaced by id, moving between regions with it.
    await store.saveLedgerRecord(record('screening:x', 'screening', null, '西区', '2026-09-01T00:00:03.000Z', { name: '甲', nested: { hazard: 0 } }));
    expect(await store.listLedgerRecords({ kind: 'screening', region: '东区' })).toEqual([]);
    expect((await store.listLedgerRecords({ kind: 'screening', region: '西区' })).map((entry) => [entry.id, entry.data])).toEqual([['screening:y', { n: 'screening:y' }], ['screening:x', { name: '甲', nested: { hazard: 0 } }]]);
    expect(await store.deleteLedgerRecord('risk:a')).toBe(true);
    expect(await store.deleteLedgerRecord('risk:a')).toBe(false);
    expect((await store.listLedgerRecords({ kind: 'risk', enterpriseId: 'u1' })).map((entry) => entry.id)).toEqual(['risk:b']);
    if (harness.durable) {
      store = await harness.restart(store);
      expect((await store.listLedgerRecords({ kind: 'risk' })).map((entry) => entry.id)).toEqual(['risk:c', 'risk:b']);
      expect((await store.listLedgerRecords({ kind: 'screening', region: '西区' })).map((entry) => entry.data)).toEqual([{ n: 'screening:y' }, { name: '甲', nested: { hazard: 0 } }]);
    }
  });

  it('finds a ledger record by id, and removes the records of one kind and region saved before an instant', async () => {
    const job = (id: string, region: string, savedAt: string, kind: 'screening' | 'screening-job' = 'screening-job') => ({ id, kind, enterpriseId: null, region, savedAt, data: { id } });
    await store.saveLedgerRecord(job('screening-job:1', '东区', '2026-09-01T00:00:00.000Z'));
    await store.saveLedgerRecord(job('screening-job:2', '东区', '2026-09-02T00:00:00.000Z'));
    await store.saveLedgerRecord(job('screening-job:3', '西区', '2026-09-01T00:00:00.000Z'));
    await store.saveLedgerRecord(job('screening:东区', '东区', '2026-09-01T00:00:00.000Z', 'screening'));
    expect(await store.findLedgerRecord('screening-job:2')).toEqual(job('screening-job:2', '东区', '2026-09-02T00:00:00.000Z'));
    expect(await store.findLedgerRecord('screening-job:9')).toBeUndefined();
    // Strictly before: the record saved at that instant stays, as do another region's and another kind's.
    expect(await store.deleteLedgerRecords({ kind: 'screening-job', region: '东区', savedBefore: '2026-09-02T00:00:00.000Z' })).toBe(1);
    expect(await store.findLedgerRecord('screening-job:1')).toBeUndefined();
    for (const id of ['screening-job:2', 'screening-job:3', 'screening:东区']) expect(await store.findLedgerRecord(id), id).toBeDefined();
    expect(await store.deleteLedgerRecords({ kind: 'screening-job', savedBefore: '2026-09-03T00:00:00.000Z' })).toBe(2);
    expect(await store.listLedgerRecords({ kind: 'screening-job' })).toEqual([]);
  });

  it('changes one ledger record a step at a time: concurrent changes all land, and a change may leave it as it stands', async () => {
    const region = (entries: string[]) => ({ id: 'screening:东区', kind: 'screening' as const, enterpriseId: null, region: '东区', savedAt: '2026-09-01T00:00:00.000Z', data: { entries } });
    const add = (entry: string) => store.changeLedgerRecord('screening:东区', (current) => region([...((current?.data.entries as string[] | undefined) ?? []), entry]));
    // All at once (on PostgreSQL over several connections): each step sees the one before it, so none is lost.
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => add(`e${index}`)));
    expect(results.every((result) => result.changed)).toBe(true);
    const [stored] = await store.listLedgerRecords({ kind: 'screening', region: '东区' });
    expect([...(stored!.data.entries as string[])].sort()).toEqual(Array.from({ length: 20 }, (_, index) => `e${index}`).sort());
    expect(results.map((result) => (result.record!.data.entries as string[]).length).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    // Left as it stands: nothing stored, the record given back as stored.
    expect(await store.changeLedgerRecord('screening:东区', () => undefined)).toEqual({ record: stored, changed: false });
    expect(await store.changeLedgerRecord('statistics:none', () => undefined)).toEqual({ record: undefined, changed: false });
    expect(await store.listLedgerRecords({ kind: 'statistics' })).toEqual([]);
    await expect(store.changeLedgerRecord('screening:西区', () => region(['x']))).rejects.toThrow();
    expect(await store.listLedgerRecords({ kind: 'screening', region: '东区' })).toEqual([stored]);
  });

  it('replaces blueprint overrides, imported questions, assessments and rectification items by id', async () => {
    await store.saveBlueprintOverride({ blueprintId: 'b1', passMark: 70, updatedBy: 'admin', updatedAt: '2026-09-01T00:00:00.000Z' });
    await store.saveBlueprintOverride({ blueprintId: 'b1', durationMinutes: 90, sections: [{ type: 'single', count: 3, points: 2 }], updatedBy: 'admin', updatedAt: '2026-09-01T00:00:01.000Z' });
    expect(await store.blueprintOverrides()).toEqual([{ blueprintId: 'b1', durationMinutes: 90, sections: [{ type: 'single', count: 3, points: 2 }], updatedBy: 'admin', updatedAt: '2026-09-01T00:00:01.000Z' }]);

    await store.saveImportedQuestions([question('x1'), question('x2')]);
    await store.saveImportedQuestions([question('x2', '新题干'), question('x3')]);
    expect((await store.importedQuestions()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([question('x1'), question('x2', '新题干'), question('x3')]);
    expect(await store.importedQuestion('x2')).toEqual(question('x2', '新题干'));
    expect(await store.importedQuestion('x4')).toBeUndefined();

    await store.saveAssessment(assessment('as1', 'u1'));
    await store.saveAssessment(assessment('as1', 'u1', '2026-09-02T00:00:00.000Z'));
    await store.saveAssessment(assessment('as2', 'u2'));
    expect(await store.findAssessment('as1')).toEqual(assessment('as1', 'u1', '2026-09-02T00:00:00.000Z'));
    expect(await store.listAssessments('u1')).toEqual([assessment('as1', 'u1', '2026-09-02T00:00:00.000Z')]);
    expect(await store.findAssessment('missing')).toBeUndefined();

    await store.saveRectification(rectification('r1', 'u1'));
    await store.saveRectification(rectification('r2', 'u1'));
    await store.saveRectification(rectification('r1', 'u1', 'closed'));
    expect((await store.rectifications('u1')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([rectification('r1', 'u1', 'closed'), rectification('r2', 'u1')]);
    expect(await store.rectifications('u2')).toEqual([]);
  });

  it('counts rate-limit hits in a sliding window, across concurrent callers, and forgets them', async () => {
    const window = 60_000;
    expect(await store.countHit('login|a', window, '2026-09-01T00:00:00.000Z')).toBe(1);
    expect(await store.countHit('login|a', window, '2026-09-01T00:00:30.000Z')).toBe(2);
    expect(await store.countHit('login|b', window, '2026-09-01T00:00:30.000Z')).toBe(1);
    // The first hit leaves the window 60 s after it (the window excludes its start).
    expect(await store.countHit('login|a', window, '2026-09-01T00:01:00.000Z')).toBe(2);
    expect(await store.hits('login|a', window, '2026-09-01T00:01:00.000Z')).toEqual(['2026-09-01T00:00:30.000Z', '2026-09-01T00:01:00.000Z']);
    const parallel = await Promise.all(Array.from({ length: 10 }, () => store.countHit('login|c', window, '2026-09-01T00:00:00.000Z')));
    expect(parallel.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await store.clearHits('login|c');
    expect(await store.hits('login|c', window, '2026-09-01T00:00:00.000Z')).toEqual([]);
    // Left: a at 30 s and 60 s, b at 30 s (a's hit at 0 s went when it left the window); each expires a window after it.
    const purged = await store.purgeExpired('2026-09-01T00:01:30.000Z');
    expect(purged.hits).toBe(2);
    expect(await store.hits('login|a', window, '2026-09-01T00:01:30.000Z')).toEqual(['2026-09-01T00:01:00.000Z']);
    expect(await store.hits('login|b', window, '2026-09-01T00:01:00.000Z')).toEqual([]);
  });

  it('counts and copies out every record', async () => {
    await store.createUser(user('u1'));
    await store.createSession({ tokenHash: 'h1', userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' });
    await store.createAttempt(attempt('a1', 'u1'));
    await store.recordAnswers([record('u1', 'q1', true, '2026-09-01T00:00:01.000Z')]);
    await store.updateProgress('u1', (progress) => void progress.seen.push('q1'));
    await store.saveImportedQuestions([question('x1')]);
    await store.saveAssessment(assessment('as1', 'u1'));
    await store.saveRectification(rectification('r1', 'u1'));
    await store.saveEvidence(evidence('e1', 'r1', '2026-09-01T00:00:01.000Z'));
    const riskEntry = { id: 'risk:1', kind: 'risk' as const, enterpriseId: 'u1', region: null, savedAt: '2026-09-01T00:00:02.000Z', data: { source: '液氨储罐' } };
    await store.saveLedgerRecord(riskEntry);
    expect(await store.counts()).toEqual({ users: 1, sessions: 1, attempts: 1, answerRecords: 1, progress: 1, blueprintOverrides: 0, importedQuestions: 1, assessments: 1, rectifications: 1, evidence: 1, ledgerRecords: 1 });
    const snapshot = await store.snapshot();
    expect(snapshot.attempts).toEqual([attempt('a1', 'u1')]);
    expect(snapshot.evidence).toEqual([evidence('e1', 'r1', '2026-09-01T00:00:01.000Z')]);
    expect(snapshot.ledgerRecords).toEqual([riskEntry]);
    expect(snapshot.progress).toEqual([{ userId: 'u1', positions: {}, mistakes: {}, favourites: [], seen: ['q1'] }]);
  });

  // The in-memory store holds nothing across a restart by design, so it has no such test.
  if (harness.durable) it('holds every record across a restart', async () => {
    await store.createUser(user('u1', 'miner'));
    await store.createUser(user('u/2', 'odd-id')); // an id that is no plain file name
    await store.createSession({ tokenHash: 'h1', userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' });
    await store.createAttempt(attempt('a1', 'u1'));
    await store.createAttempt(attempt('a2', 'u1'));
    await Promise.all([store.saveAnswer('a1', 'q0', ['A']), store.saveAnswer('a1', 'q1', ['B']), store.setMarked('a1', 'q1', true)]);
    await store.closeAttempt('a2', '2026-09-01T03:00:00.000Z');
    await store.finishAttempt('a2', { submittedAt: '2026-09-01T03:00:00.000Z', score: 0, passed: false, earned: { q0: 0 } });
    await store.recordAnswers([record('u1', 'q1', true, '2026-09-01T00:00:01.000Z'), record('u1', 'q2', false, '2026-09-01T00:00:02.000Z')]);
    await store.updateProgress('u1', (progress) => void (progress.mistakes.q2 = 0));
    await store.saveBlueprintOverride({ blueprintId: 'b1', passMark: 70, updatedBy: 'admin', updatedAt: '2026-09-01T00:00:00.000Z' });
    await store.saveImportedQuestions([question('x1'), question('x2')]);
    await store.saveAssessment(assessment('as1', 'u1'));
    await store.saveRectification(rectification('r1', 'u1'));
    await store.assignUser('u1', { region: '滨海区' });
    await store.saveRectification({
      ...rectification('r2', 'u1', 'awaiting'),
      ledger: {
        sector: 'coal-mine',
        grade: 'major',
        plan: { goal: '目标', measures: '措施', fundsYuan: 12000.5, materials: '', organisation: '机电科', persons: '王工', deadline: '2026-09-30', requirements: '', safetyMeasures: '警戒', emergencyPlan: '预案' },
        supervision: { authority: '市应急管理局', date: '2026-09-02' },
        rectifiedBy: { userId: 'u1', name: '王工', at: '2026-09-03T00:00:00.000Z' },
        acceptance: null,
        recurrences: [{ at: '2026-09-01T00:00:00.000Z', previousClosedAt: null }],
        history: [{ at: '2026-09-03T00:00:00.000Z', userId: 'u1', name: '王工', action: 'rectified', from: 'rectifying', to: 'awaiting', note: '完成' }],
      },
    });
    await store.saveEvidence(evidence('e1', 'r2', '2026-09-03T00:00:00.000Z'));
    const before = canonical(await store.snapshot());
    expect(before.evidence).toHaveLength(1);
    store = await harness.restart(store);
    expect(canonical(await store.snapshot())).toEqual(before);
    expect(await store.findUserByName('odd-id')).toEqual(user('u/2', 'odd-id'));
    await expect(store.createUser(user('u3', 'miner'))).rejects.toBeInstanceOf(UsernameTakenError);
    expect(await store.saveAnswer('a2', 'q0', ['A'])).toBe(false);
    expect(await store.saveAnswer('a1', 'q2', ['C'])).toBe(true);
  });
});
