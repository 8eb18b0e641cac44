// The embedded store's journal and snapshot: acknowledged changes survive a crash through the journal (a torn
// last line cut off, a bad line named), saves of different records share one disk flush, and a clean close
// leaves a snapshot that the next start uses only when its digest and every document's stamp still match.
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { attemptRecord } from './attempt-fixture.js';
import { StorageError } from './errors.js';
import { Journal, type JournalChange } from './journal.js';
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

/** Each journal line of `where` as [header, payload]. */
const journalLines = (where: string) =>
  readdirSync(join(where, 'journal'))
    .sort()
    .flatMap((name) => readFileSync(join(where, 'journal', name), 'utf8').split('\n').slice(0, -1))
    .map((line) => [JSON.parse(line.slice(0, line.indexOf('\t'))) as string[], line.slice(line.indexOf('\t') + 1)] as const);

it('journals an answer saved or a question marked as the change alone, and replays it over the whole-record lines before it', async () => {
  const where = directory();
  const store = await open(where);
  await store.createAttempt(attempt('a1'));
  await store.createAttempt(attempt('a2'));
  expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
  expect(await store.setMarked('a1', 'q2', true)).toBe(true);
  expect(await store.saveAnswer('a1', 'q1', ['B', 'C'])).toBe(true);
  expect(await store.setMarked('a1', 'q1', true)).toBe(true);
  expect(await store.setMarked('a1', 'q2', false)).toBe(true);
  expect(await store.saveAnswer('a2', 'q2', [])).toBe(true);
  // Three changes of one attempt queued together: the first starts a round, the other two share the next (two delta lines, in order).
  expect(await Promise.all([store.saveAnswer('a2', 'q1', ['D']), store.setMarked('a2', 'q1', true), store.saveAnswer('a2', 'q1', ['E'])])).toEqual([true, true, true]);
  // A round that closes the attempt writes the whole record: a save queued with the close (behind a save in flight) is in it.
  await Promise.all([store.saveAnswer('a2', 'q4', ['G']), store.saveAnswer('a2', 'q3', ['F']), store.closeAttempt('a2', '2026-09-01T01:00:00.000Z')]);
  expect(journalLines(where).map(([header, payload]) => (header.length === 3 ? `${header.join(' ')} ${payload}` : `${header.join(' ')} whole`))).toEqual([
    'attempts a1 whole',
    'attempts a2 whole',
    'attempts a1 answer ["q1",["A"]]',
    'attempts a1 marked ["q2",true]',
    'attempts a1 answer ["q1",["B","C"]]',
    'attempts a1 marked ["q1",true]',
    'attempts a1 marked ["q2",false]',
    'attempts a2 answer ["q2",[]]',
    'attempts a2 answer ["q1",["D"]]',
    'attempts a2 marked ["q1",true]',
    'attempts a2 answer ["q1",["E"]]',
    'attempts a2 answer ["q4",["G"]]',
    'attempts a2 whole',
  ]);
  const before = [(await store.findAttempt('a1'))!, (await store.findAttempt('a2'))!];
  expect(before[0]).toMatchObject({ answers: { q1: ['B', 'C'] }, marked: ['q1'] });
  expect(before[1]).toMatchObject({ answers: { q2: [], q1: ['E'], q4: ['G'], q3: ['F'] }, marked: ['q1'], submittedAt: '2026-09-01T01:00:00.000Z' });

  const restarted = await open(crashCopy(where));
  expect(lastOpening()).toMatchObject({ source: 'documents', journalLines: 2 });
  // The same record, member order included (its text is what the checkpoint and the snapshot write).
  expect(JSON.stringify(await restarted.findAttempt('a1'))).toBe(JSON.stringify(before[0]));
  expect(JSON.stringify(await restarted.findAttempt('a2'))).toBe(JSON.stringify(before[1]));
});

it('drops a torn last delta line, and refuses to start on a delta of an attempt nothing before it holds, naming file and line', async () => {
  const where = directory();
  const store = await open(where);
  await store.createAttempt(attempt('a1'));
  await store.saveAnswer('a1', 'q1', ['A']);
  const torn = crashCopy(where);
  const tornJournal = join(torn, 'journal', '000000000001.jsonl');
  const complete = readFileSync(tornJournal, 'utf8');
  appendFileSync(tornJournal, '["attempts","a1","answer"]\t["q2",["B"');
  expect((await (await open(torn)).findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
  expect(JSON.parse(readFileSync(join(torn, 'attempts', 'a1.json'), 'utf8')).answers).toEqual({ q1: ['A'] });

  const unknown = crashCopy(where);
  appendFileSync(join(unknown, 'journal', '000000000001.jsonl'), '["attempts","zz","answer"]\t["q2",["B"]]\n');
  const error = await openLowdbRepository(unknown).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).detail).toMatch(/^journal\/000000000001\.jsonl line 3: .*"zz"/);
  // Refused before anything was changed: the journal is still there to be looked at.
  expect(readFileSync(join(unknown, 'journal', '000000000001.jsonl'), 'utf8')).toBe(`${complete}["attempts","zz","answer"]\t["q2",["B"]]\n`);

  for (const [line, expected] of [
    ['["attempts","a1","answer"]\t["q2","B"]', /line 3: .*1/],
    ['["attempts","a1","erase"]\t["q2"]', /line 3: "erase" is not a change/],
    ['["sessions","h1","answer"]\t["q2",["B"]]', /line 3: sessions have no deltas/],
  ] as const) {
    const bad = crashCopy(where);
    appendFileSync(join(bad, 'journal', '000000000001.jsonl'), `${line}\n`);
    const refused = await openLowdbRepository(bad).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect((refused as StorageError).detail).toMatch(expected);
  }
});

it('checkpoints and snapshots the whole current record of an attempt changed by deltas', async () => {
  const where = directory();
  const store = await open(where, { checkpointBytes: 256 });
  await store.createAttempt(attempt('a1'));
  // Idle after each change, so that where the journal moves on depends on sizes only, never on how fast a checkpoint ran.
  for (let index = 1; index <= 12; index += 1) {
    await store.saveAnswer('a1', `q${index}`, [String.fromCharCode(64 + index)]);
    await store.idle!();
  }
  await store.setMarked('a1', 'q3', true);
  await store.idle!();
  const current = (await store.findAttempt('a1'))!;
  // The journal moved on several times; every file moved away from was written into the document, whole.
  const document = JSON.parse(readFileSync(join(where, 'attempts', 'a1.json'), 'utf8')) as typeof current;
  expect(Object.keys(document.answers).length).toBeGreaterThan(1);
  expect(document).toEqual({ ...current, answers: Object.fromEntries(Object.entries(current.answers).slice(0, Object.keys(document.answers).length)), marked: document.marked });
  await close(store);
  expect(readdirSync(join(where, 'journal'))).toEqual([]);
  expect(readFileSync(join(where, 'attempts', 'a1.json'), 'utf8')).toBe(`${JSON.stringify(current)}\n`);
  expect(readFileSync(join(where, 'snapshot.jsonl'), 'utf8')).toContain(JSON.stringify(current));
  const fast = await open(where);
  expect(lastOpening()).toMatchObject({ source: 'snapshot' });
  expect(await fast.findAttempt('a1')).toEqual(current);
});

it('gives back the acknowledged attempts after a crash at any point, member order included, while checkpoints run behind the saves', async () => {
  const where = directory();
  // Small files: the journal moves on every round or two, and checkpoints (several documents each, written a few at
  // a time) run while the next saves change the same attempts.
  const store = await open(where, { checkpointBytes: 600 });
  const ids = Array.from({ length: 12 }, (_, index) => `a${index}`);
  for (const id of ids) await store.createAttempt(attempt(id));
  // Marks that leave and come back reorder the list: replaying a later file over a document that already held
  // its changes would put them in another order.
  const changes: [string, boolean | string][] = [
    ['q2', 'A'], ['q1', true], ['q2', true], ['q1', 'B'], ['q1', false], ['q3', 'C'], ['q1', true], ['q2', false],
    ['q2', 'D'], ['q2', true], ['q3', true], ['q1', false], ['q4', 'E'], ['q1', true], ['q3', false], ['q2', 'F'],
  ];
  const crashes: { copy: string; acknowledged: string[]; step: number }[] = [];
  for (const [step, [questionId, change]] of changes.entries()) {
    const done = await Promise.all(ids.map((id) => (typeof change === 'string' ? store.saveAnswer(id, questionId, [change]) : store.setMarked(id, questionId, change))));
    expect(done.every(Boolean)).toBe(true);
    // A power cut once the disk is quiet (a copy taken while a write runs in the thread pool is no moment's state):
    // documents from checkpoints that ran behind these saves, and the journal files after them.
    await store.idle!();
    crashes.push({ copy: crashCopy(where), acknowledged: await Promise.all(ids.map(async (id) => JSON.stringify(await store.findAttempt(id)))), step: step + 1 });
  }
  for (const { copy, acknowledged, step } of crashes) {
    const restarted = await open(copy);
    expect(await Promise.all(ids.map(async (id) => JSON.stringify(await restarted.findAttempt(id)))), `crash after change ${step}`).toEqual(acknowledged);
    await close(restarted);
  }
  await store.idle!();
  const last = JSON.stringify(await store.findAttempt('a0'));
  await close(store);
  expect(readFileSync(join(where, 'attempts', 'a0.json'), 'utf8')).toBe(`${last}\n`);
});

it('settles a delta change when it leaves its file: the checkpoint writes the record as that file left it, whatever later rounds did meanwhile', async () => {
  const memory = new Map<string, string>();
  let open_!: () => void;
  const gate = new Promise<void>((resolve) => (open_ = resolve));
  const documents = new Map<string, string | undefined>();
  // The journal moves on once the nine records' lines (29 bytes each) are in, and the checkpoint's writes wait at
  // the gate: eight written at a time, the ninth serialised only once one of them is done.
  const journal = await Journal.start(directory(), 0, {
    checkpointBytes: 250,
    writeDocument: async (change) => {
      await gate;
      documents.set(change.key, change.text);
    },
    onError: (error) => {
      throw error;
    },
  });
  const change = (key: string, argument: string): JournalChange => ({
    collection: 'attempts',
    key,
    text: undefined,
    deltas: [['answer', argument]],
    settle: () => {
      const value = memory.get(key);
      return () => value;
    },
    document: key,
  });
  const keys = Array.from({ length: 9 }, (_, index) => `a${index}`);
  // Installed once on disk, as the repository does.
  await Promise.all(keys.map(async (key) => (await journal.append(change(key, '1')), memory.set(key, `${key} after 1`))));
  // The first file's checkpoint has begun; a later round changes the record it writes last.
  await journal.append(change('a8', '2'));
  memory.set('a8', 'a8 after 2');
  open_();
  await journal.idle();
  expect(Object.fromEntries(documents)).toEqual(Object.fromEntries(keys.map((key) => [key, `${key} after 1`])));
  await journal.close();
  expect(documents.get('a8')).toBe('a8 after 2');
});

it('holds the journal file open only while rounds keep coming: an idle store has none of its files open for writing', async () => {
  const where = directory();
  const store = await open(where);
  await store.createAttempt(attempt('a1'));
  await Promise.all(['q1', 'q2', 'q3', 'q1'].map((questionId, index) => store.saveAnswer('a1', questionId, [String(index)])));
  await store.idle!();
  // What this process has open, as Linux lists it (an operator remounting the directory read-only needs none of it).
  const openFiles = readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(join('/proc/self/fd', fd))];
    } catch {
      return [];
    }
  });
  expect(openFiles.filter((file) => file.startsWith(join(where, 'journal')))).toEqual([]);
  expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['3'], q2: ['1'], q3: ['2'] });
});

it('opens a directory of the journal-only format (store.json version 3) and marks it as holding deltas', async () => {
  const where = directory();
  await close(await open(where));
  writeFileSync(join(where, 'store.json'), '{"format":"anquan-split","version":3}\n');
  rmSync(join(where, 'snapshot.jsonl'));
  writeFileSync(join(where, 'journal', '000000000001.jsonl'), `["attempts","a1"]\t${JSON.stringify({ ...attempt('a1'), answers: { q1: ['A'] } })}\n`);
  const store = await open(where);
  expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
  expect(JSON.parse(readFileSync(join(where, 'store.json'), 'utf8'))).toEqual({ format: 'anquan-split', version: 4 });
});
