// The embedded store's journal and snapshot: acknowledged changes survive a crash through the journal (a torn
// last line cut off, a bad line named), saves of different records share one disk flush, and a clean close
// leaves a snapshot that the next start uses only when its digest and every document's stamp still match.
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { attemptRecord } from './attempt-fixture.js';
import { StorageError } from './errors.js';
import { lastOpening, openLowdbRepository } from './lowdb-repository.js';
import { temporaryStores } from './temporary-stores.js';

const { directory, open, close, closeAll } = temporaryStores('anquan-journal-');
afterEach(closeAll);
/** The directory as a power cut would leave it now: copied synchronously (no write of this process runs meanwhile), without the lock. */
const crashCopy = (where: string) => {
  const copy = directory();
  cpSync(where, copy, { recursive: true });
  rmSync(join(copy, 'anquan.lock'));
  return copy;
};

const attempt = (id: string) => attemptRecord({ id });

it('holds acknowledged changes in the journal until a checkpoint, and replays them after a crash', async () => {
  const where = directory();
  const store = await open(where);
  await store.createAttempt(attempt('a1'));
  expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
  await store.createSession({ tokenHash: 'h1', userId: 'u1', createdAt: 't', expiresAt: '2026-09-08T00:00:00.000Z' });
  await store.deleteSession('h1');
  // Nothing was written to a document yet: the journal alone holds the changes.
  expect(existsSync(join(where, 'attempts', 'a1.json'))).toBe(false);
  const copy = crashCopy(where);
  const restarted = await open(copy);
  expect(lastOpening()).toMatchObject({ source: 'documents', journalLines: 2 });
  expect((await restarted.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
  expect(await restarted.findSession('h1')).toBeUndefined();
  // Replayed changes were checkpointed into their documents and the old journal file removed.
  expect(JSON.parse(readFileSync(join(copy, 'attempts', 'a1.json'), 'utf8')).answers).toEqual({ q1: ['A'] });
  expect(readdirSync(join(copy, 'journal'))).toEqual(['000000000002.jsonl']);
});

it('cuts a torn last line off the journal, and names the file and line of a bad one', async () => {
  const where = directory();
  const store = await open(where);
  await store.createAttempt(attempt('a1'));
  const copy = crashCopy(where);
  const journal = join(copy, 'journal', '000000000001.jsonl');
  appendFileSync(journal, '["attempts","a1"]\t{"id":"a1","us');
  expect((await (await open(copy)).findAttempt('a1'))!.answers).toEqual({});

  const second = crashCopy(where);
  const lines = readFileSync(join(second, 'journal', '000000000001.jsonl'), 'utf8');
  writeFileSync(join(second, 'journal', '000000000001.jsonl'), `${lines}["attempts","a2"]\t{"id":"a2","userId":7}\n${lines}`);
  const error = await openLowdbRepository(second).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).detail).toMatch(/^journal\/000000000001\.jsonl line 2: /);
});

it('writes the saves of different attempts that arrive together in one journal round', async () => {
  const where = directory();
  let rounds = 0;
  const store = await open(where, { faults: (step, file) => void (step === 'append' && file.includes(join(where, 'journal')) && (rounds += 1)) });
  for (let index = 0; index < 50; index += 1) await store.createAttempt(attempt(`a${index}`));
  rounds = 0;
  // All fifty are queued in one turn of the event loop: the first starts a round, the other 49 share the next.
  const saved = await Promise.all(Array.from({ length: 50 }, (_, index) => store.saveAnswer(`a${index}`, 'q1', ['B'])));
  expect(saved.every(Boolean)).toBe(true);
  expect(rounds).toBe(2);
  const restarted = await open(crashCopy(where));
  expect((await restarted.findAttempt('a49'))!.answers).toEqual({ q1: ['B'] });
});

it('writes changes into their documents in the background once the journal passes its size', async () => {
  const where = directory();
  const store = await open(where, { checkpointBytes: 1024 });
  for (let index = 0; index < 10; index += 1) await store.createAttempt(attempt(`a${index}`));
  await store.idle!();
  // The files moved away from are checkpointed and gone; the current one remains until the close.
  expect(existsSync(join(where, 'attempts', 'a0.json'))).toBe(true);
  expect(readdirSync(join(where, 'journal'))).toHaveLength(1);
  await close(store);
  expect(readdirSync(join(where, 'attempts')).sort()).toEqual(Array.from({ length: 10 }, (_, index) => `a${index}.json`).sort());
  expect(readdirSync(join(where, 'journal'))).toEqual([]);
});

it('starts from the snapshot of a clean close, and reads the documents when it does not match', async () => {
  const where = directory();
  const store = await open(where);
  await store.createAttempt(attempt('a1'));
  await store.saveAnswer('a1', 'q2', ['C']);
  await close(store);
  expect(existsSync(join(where, 'snapshot.jsonl'))).toBe(true);

  const fast = await open(where);
  expect(lastOpening()).toMatchObject({ source: 'snapshot' });
  // Deleted before the first change, so that a crash later cannot bring back a stale one.
  expect(existsSync(join(where, 'snapshot.jsonl'))).toBe(false);
  expect((await fast.findAttempt('a1'))!.answers).toEqual({ q2: ['C'] });
  await close(fast);

  const snapshot = readFileSync(join(where, 'snapshot.jsonl'), 'utf8');
  writeFileSync(join(where, 'snapshot.jsonl'), snapshot.replace('"q2":["C"]', '"q2":["D"]'));
  const checked = await open(where);
  expect(lastOpening()).toMatchObject({ source: 'documents', reason: expect.stringContaining('sha256') });
  expect((await checked.findAttempt('a1'))!.answers).toEqual({ q2: ['C'] });
  await close(checked);

  // A document restored by hand while the server was stopped wins over the snapshot.
  const restored = { ...attempt('a1'), answers: { q1: ['A'] } };
  writeFileSync(join(where, 'attempts', 'a1.json'), `${JSON.stringify(restored)}\n`);
  const edited = await open(where);
  expect(lastOpening()).toMatchObject({ source: 'documents', reason: expect.stringContaining('attempts/a1.json') });
  expect((await edited.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
});
