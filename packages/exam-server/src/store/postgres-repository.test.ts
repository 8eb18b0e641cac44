// What the contract suite cannot force from one process: the order in which PostgreSQL lets a save and a close
// through when both wait for the attempt's row, and where the answers of an open attempt live (attempt_answers,
// folded into the attempt at its close).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptRecord } from './attempt-fixture.js';
import { openPostgresRepository } from './postgres-repository.js';
import { startTestCluster } from './postgres-test-cluster.js';
import type { Repository } from './repository.js';

const cluster = await startTestCluster({ durable: false });
afterAll(async () => {
  if ('cluster' in cluster) await cluster.cluster.stop();
});

if ('skipped' in cluster) it.skip(`PostgreSQL repository — skipped: ${cluster.skipped}`, () => undefined);

const at = '2026-09-01T01:00:00.000Z';
const open = (id: string) => attemptRecord({ id, questionIds: ['q1', 'q2', 'q3'], answers: { q1: ['A'] }, deadline: '2026-09-01T02:00:00.000Z' });

describe.runIf('cluster' in cluster)('PostgreSQL repository', () => {
  let store: Repository;
  let client: pg.Client;
  const start = async () => {
    if (!('cluster' in cluster)) throw new Error('no cluster');
    const url = await cluster.cluster.createDatabase();
    store = await openPostgresRepository(url);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  };
  beforeAll(start);
  afterAll(async () => {
    await client?.end();
    await store?.close();
  });

  /** Resolves once `count` statements of this database wait for a lock. */
  const waiting = async (count: number) => {
    for (let tries = 0; tries < 500; tries += 1) {
      // Inside a transaction the activity view is read once and kept: read it afresh each time.
      await client.query('SELECT pg_stat_clear_snapshot()');
      const row = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0]!;
      if (row.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const activity = await client.query("SELECT state, wait_event_type, wait_event, query FROM pg_stat_activity WHERE datname = current_database()");
    throw new Error(`never ${count} statements waiting for a lock: ${JSON.stringify(activity.rows)}`);
  };

  const saves = {
    saveOwnAnswer: (id: string) => store.saveOwnAnswer({ attemptId: id, userId: 'u1', questionId: 'q2', answer: ['B'], at }),
    saveAnswer: (id: string) => store.saveAnswer(id, 'q2', ['B']),
  };

  for (const [name, save] of Object.entries(saves)) {
    it(`${name} and a close both waiting for the attempt: the first in line wins, and the close holds the save exactly when it was acknowledged`, async () => {
      for (const saveFirst of [true, false]) {
        const id = `${name}-${saveFirst ? 'save-first' : 'close-first'}`;
        await store.createAttempt(open(id));
        // Another transaction holds the attempt's row; the save and the close queue behind it in a known order.
        await client.query('BEGIN');
        await client.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [id]);
        const first = saveFirst ? save(id) : store.closeAttempt(id, at);
        await waiting(1);
        const second = saveFirst ? store.closeAttempt(id, at) : save(id);
        await waiting(2);
        await client.query('COMMIT');
        const [saved, closed] = (saveFirst ? [await first, await second] : [await second, await first]) as [boolean, Awaited<ReturnType<Repository['closeAttempt']>>];
        expect(saved, id).toBe(saveFirst);
        expect(closed?.answers, id).toEqual(saveFirst ? { q1: ['A'], q2: ['B'] } : { q1: ['A'] });
        expect(await store.findAttempt(id), id).toEqual(closed);
      }
    });
  }

  it("keeps an open attempt's saves in rows beside it, and folds them into the attempt when it closes", async () => {
    await store.createAttempt(open('fold'));
    expect(await saves.saveOwnAnswer('fold')).toBe(true);
    expect(await store.saveAnswer('fold', 'q1', ['C'])).toBe(true);
    const rows = () => client.query<{ question_id: string }>('SELECT question_id FROM attempt_answers WHERE attempt_id = $1 ORDER BY question_id', ['fold']);
    expect((await rows()).rows.map((row) => row.question_id)).toEqual(['q1', 'q2']);
    // A read merges them over the answers the record was created with.
    expect((await store.findAttempt('fold'))?.answers).toEqual({ q1: ['C'], q2: ['B'] });
    expect((await store.listAttempts('u1')).find((attempt) => attempt.id === 'fold')?.answers).toEqual({ q1: ['C'], q2: ['B'] });
    const closed = await store.closeAttempt('fold', at);
    expect(closed?.answers).toEqual({ q1: ['C'], q2: ['B'] });
    expect((await rows()).rows).toEqual([]);
    const column = await client.query<{ answers: unknown }>('SELECT answers FROM attempts WHERE id = $1', ['fold']);
    expect(column.rows[0]?.answers).toEqual({ q1: ['C'], q2: ['B'] });
  });

  it('drops the saved answers of an attempt written again', async () => {
    await store.createAttempt(open('again'));
    expect(await saves.saveOwnAnswer('again')).toBe(true);
    await store.createAttempt({ ...open('again'), answers: {} });
    expect((await store.findAttempt('again'))?.answers).toEqual({});
    expect((await client.query('SELECT 1 FROM attempt_answers WHERE attempt_id = $1', ['again'])).rowCount).toBe(0);
  });
});
