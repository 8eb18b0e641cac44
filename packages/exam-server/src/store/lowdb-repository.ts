// The embedded default: lowdb documents split per record under the data directory, with a write-ahead journal
// in front of them, so a save appends one record's line whatever the number of users and attempts and shares
// its disk flush with every other change of the same moment.
//
//   anquan.lock                 the holder's pid (directory-lock.ts): one server process per directory
//   store.json                  {"format":"anquan-split","version":4}  (3: there may be a journal to replay;
//                               4: its lines may be deltas of an attempt; 2 and 3 open and become 4)
//   journal/<n>.jsonl           changes not yet in their documents (journal.ts: group commit, checkpoints)
//   snapshot.jsonl              every record, written by a clean close, read by the next start if it still matches
//   users/<id>.json  sessions/<tokenHash>.json  attempts/<id>.json  progress/<userId>.json  evidence/<id>.json
//   assessments/<id>.json  rectifications/<id>.json  blueprint-overrides/<blueprintId>.json
//   imported-questions/bank.json     the imported bank (bounded by the bank, written by administrators only)
//   answer-records/<userId>.jsonl    append-only, one record a line (a torn last line was never acknowledged)
//
// Memory changes only after the journal line is on disk (record-repository.ts, which also serialises the
// changes of one record). Documents are written atomically (durable-file.ts: unique temporary name, fsync,
// rename, fsync of the directory) by checkpoints. A start reads the snapshot when its digest and the stamps
// of every document match; otherwise every document, validated with zod (a corrupt or wrong-shaped file
// stops the start with its name and the path inside it), then replays the journal over them.
// The single anquan.json of the first release is converted on first start and kept as anquan.json.converted.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { lockDataDirectory } from './directory-lock.js';
import { DurableJSONFile, isTemporaryName, readDocument, removeFileDurably, syncDirectory, writeFileDurably, type FaultHook } from './durable-file.js';
import { StorageError, storageErrorFromSystem } from './errors.js';
import { Journal, journalLine, wholeChange, type JournalChange } from './journal.js';
import { applyDelta, createRecordRepository, deltaArguments, emptyState, SerializedRecords, type Collection, type Delta, type RecordRepositoryOptions, type RecordState, type RecordWriter } from './record-repository.js';
import {
  answerRecordSchema,
  assessmentSchema,
  attemptSchema,
  blueprintOverrideSchema,
  describeIssues,
  progressSchema,
  rectificationSchema,
  evidenceSchema,
  ledgerRecordSchema,
  sessionSchema,
  singleFileStoreSchema,
  storedQuestionSchema,
  userSchema,
} from './record-schemas.js';
import type { AnswerRecord, Repository } from './repository.js';

export interface LowdbRepositoryOptions extends RecordRepositoryOptions {
  /** Tests inject disk failures here. */
  faults?: FaultHook;
  /** Journal size after which its changes are written into their documents (default 8 MiB). */
  checkpointBytes?: number;
}

const storeMarkerSchema = z.object({ format: z.literal('anquan-split'), version: z.union([z.literal(2), z.literal(3), z.literal(4)]) });
const collections: Collection[] = ['users', 'sessions', 'attempts', 'progress', 'blueprint-overrides', 'imported-questions', 'assessments', 'rectifications', 'evidence', 'ledger-records'];
const answerRecordsDirectory = 'answer-records';
const journalDirectory = 'journal';

/** A record key as a file name: kept when it is plain, hex-encoded (with a ~) otherwise, so no key can leave its folder. */
export const fileNameOf = (key: string) => (/^[A-Za-z0-9_-]{1,120}$/.test(key) ? key : `~${Buffer.from(key, 'utf8').toString('hex')}`);

/** Runs `work` over `items`, at most `limit` at a time (reading ten thousand files at once exhausts descriptors). */
const eachLimited = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[(next += 1) - 1]!);
    }),
  );
};

const listDirectory = async (directory: string, label: string): Promise<string[]> => {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw storageErrorFromSystem(error, label, 'list');
  }
};

/** How each collection's records are named, checked and held in memory (documents, journal, snapshot). */
interface Kind {
  collection: Collection;
  schema: z.ZodType<unknown>;
  key: (value: never) => string;
  set: (state: RecordState, key: string, value: never) => void;
  remove: (state: RecordState, key: string) => void;
  /** Each record's key and JSON text. */
  texts: (state: RecordState) => Iterable<[string, string]>;
  /** Stores a record from its JSON text and owner, when the collection keeps records as text (no parse). */
  setText?: (state: RecordState, key: string, text: string, owner: string | undefined) => void;
  /** Each record's owner (userId), for kinds kept as text. */
  owners?: (state: RecordState) => Map<string, string>;
}
const mapKind = <V>(collection: Collection, schema: z.ZodType<V>, key: (value: V) => string, records: (state: RecordState) => Map<string, V>): Kind => ({
  collection,
  schema: schema as z.ZodType<unknown>,
  key: key as (value: never) => string,
  set: (state, id, value) => void records(state).set(id, value),
  remove: (state, id) => void records(state).delete(id),
  texts: function* (state) {
    for (const [id, value] of records(state)) yield [id, JSON.stringify(value)];
  },
});
const textKind = <V>(collection: Collection, schema: z.ZodType<V>, key: (value: V) => string, records: (state: RecordState) => SerializedRecords<V>): Kind => ({
  collection,
  schema: schema as z.ZodType<unknown>,
  key: key as (value: never) => string,
  set: (state, id, value) => void records(state).set(id, value),
  remove: (state, id) => void records(state).delete(id),
  texts: (state) => records(state).textEntries(),
  setText: (state, id, text, owner) => records(state).setText(id, text, owner),
  owners: (state) => records(state).owners,
});
const kinds: Kind[] = [
  mapKind('users', userSchema, (user) => user.id, (state) => state.users),
  mapKind('sessions', sessionSchema, (session) => session.tokenHash, (state) => state.sessions),
  textKind('attempts', attemptSchema, (attempt) => attempt.id, (state) => state.attempts),
  mapKind('progress', progressSchema, (progress) => progress.userId, (state) => state.progress),
  mapKind('blueprint-overrides', blueprintOverrideSchema, (override) => override.blueprintId, (state) => state.blueprintOverrides),
  {
    collection: 'imported-questions',
    schema: z.array(storedQuestionSchema),
    key: () => 'bank',
    set: (state, _key, bank) => void (state.importedQuestions = bank),
    remove: (state) => void (state.importedQuestions = []),
    texts: (state) => (state.importedQuestions.length > 0 ? [['bank', JSON.stringify(state.importedQuestions)]] : []),
  },
  mapKind('assessments', assessmentSchema, (record) => record.id, (state) => state.assessments),
  mapKind('rectifications', rectificationSchema, (item) => item.id, (state) => state.rectifications),
  textKind('evidence', evidenceSchema, (file) => file.id, (state) => state.evidence),
  mapKind('ledger-records', ledgerRecordSchema, (record) => record.id, (state) => state.ledgerRecords),
];
const kindOf = new Map(kinds.map((kind) => [kind.collection as string, kind]));

/** Reads every record document of the store, validated, and removes temporary files of interrupted writes. */
const loadDocuments = async (root: string): Promise<RecordState> => {
  const state = emptyState();
  for (const { collection, schema, key, set } of kinds) {
    const names = await listDirectory(join(root, collection), collection);
    await eachLimited(names, 32, async (name) => {
      const file = join(root, collection, name);
      if (isTemporaryName(name)) return void (await unlink(file).catch(() => undefined));
      if (!name.endsWith('.json')) return;
      const label = `${collection}/${name}`;
      const value = await readDocument(file, label, schema);
      if (value === null) return;
      if (`${fileNameOf(key(value as never))}.json` !== name) throw new StorageError('corrupt', `${label}: the record inside is ${JSON.stringify(key(value as never))}, not the one its file name says`);
      set(state, key(value as never), value as never);
    });
  }
  const logs = await listDirectory(join(root, answerRecordsDirectory), answerRecordsDirectory);
  await eachLimited(logs, 32, async (name) => {
    const file = join(root, answerRecordsDirectory, name);
    if (isTemporaryName(name)) return void (await unlink(file).catch(() => undefined));
    if (!name.endsWith('.jsonl')) return;
    const records = await readAnswerLog(file, `${answerRecordsDirectory}/${name}`);
    if (records.length > 0) state.answerRecords.set(records[0]!.userId, records);
  });
  return state;
};

/** The document a record lives in. */
const documentOf = (root: string, collection: string, key: string) => join(root, collection, `${fileNameOf(key)}.json`);

/** Makes a change the durable content of its document (conversion, checkpoints). */
const documentWriter = (root: string, faults: FaultHook | undefined) => (change: Pick<JournalChange, 'collection' | 'key' | 'text'>) =>
  change.text === undefined ? removeFileDurably(documentOf(root, change.collection, change.key), faults) : writeFileDurably(documentOf(root, change.collection, change.key), `${change.text}\n`, faults);

/** Lines of a text file, a torn last line (being written when the process died, never acknowledged) cut off the file. */
const completeLines = async (file: string, label: string): Promise<string[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw storageErrorFromSystem(error, label, 'read');
  }
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) {
    try {
      await truncate(file, Buffer.byteLength(text.slice(0, complete)));
    } catch (error) {
      throw storageErrorFromSystem(error, label, 'truncate torn line of');
    }
  }
  return text.slice(0, complete).split('\n').slice(0, -1);
};

const answerDeltaSchema = z.tuple([z.string().min(1), attemptSchema.shape.marked]);
const markedDeltaSchema = z.tuple([z.string().min(1), z.boolean()]);
/** A delta line's name and arguments, validated (record-repository.ts wrote them with deltaArguments). */
const deltaOf = (name: unknown, args: unknown, where: string): Delta => {
  if (name === 'answer') {
    const result = answerDeltaSchema.safeParse(args);
    if (!result.success) throw new StorageError('corrupt', `${where}: ${describeIssues(result.error)}`);
    return { op: 'answer', questionId: result.data[0], answer: result.data[1] };
  }
  if (name === 'marked') {
    const result = markedDeltaSchema.safeParse(args);
    if (!result.success) throw new StorageError('corrupt', `${where}: ${describeIssues(result.error)}`);
    return { op: 'marked', questionId: result.data[0], marked: result.data[1] };
  }
  throw new StorageError('corrupt', `${where}: ${JSON.stringify(name)} is not a change this store knows (answer, marked)`);
};

/**
 * Applies the journal files a previous process left (it stopped without closing, or its last checkpoint failed)
 * to `state`, each line validated, and returns the latest change per record and the files read.
 */
const replayJournal = async (root: string, state: RecordState) => {
  const directory = join(root, journalDirectory);
  const files = (await listDirectory(directory, journalDirectory)).filter((name) => /^\d{12}\.jsonl$/.test(name)).sort();
  const changes = new Map<string, JournalChange>();
  for (const name of files) {
    const label = `${journalDirectory}/${name}`;
    (await completeLines(join(directory, name), label)).forEach((line, index) => {
      const where = `${label} line ${index + 1}`;
      const tab = line.indexOf('\t');
      let collection: unknown;
      let key: unknown;
      let deltaName: unknown;
      let value: unknown;
      try {
        [collection, key, deltaName] = JSON.parse(line.slice(0, tab)) as unknown[];
        value = tab < 0 || tab === line.length - 1 ? undefined : JSON.parse(line.slice(tab + 1));
      } catch {
        throw new StorageError('corrupt', `${where}: not valid JSON`);
      }
      const kind = kindOf.get(String(collection));
      if (tab < 0 || !kind || typeof key !== 'string') throw new StorageError('corrupt', `${where}: expected ["collection","key"], a tab and the record`);
      if (deltaName !== undefined) {
        if (kind.collection !== 'attempts') throw new StorageError('corrupt', `${where}: ${kind.collection} have no deltas, only whole records`);
        const delta = deltaOf(deltaName, value, where);
        const current = state.attempts.shared(key);
        if (current === undefined) throw new StorageError('corrupt', `${where}: a change of attempt ${JSON.stringify(key)}, which no document or earlier line holds`);
        state.attempts.setParsed(key, applyDelta(current, delta));
        // Checkpointed from the state the whole journal leaves (serialised once, after replay).
        changes.set(`attempts\u0000${key}`, { collection: 'attempts', key, text: undefined, full: () => state.attempts.text(key)!, document: documentOf(root, 'attempts', key) });
        return;
      }
      if (value === undefined) {
        kind.remove(state, key);
        changes.set(`${kind.collection}\u0000${key}`, { collection: kind.collection, key, text: undefined, document: documentOf(root, kind.collection, key) });
        return;
      }
      const result = kind.schema.safeParse(value);
      if (!result.success) throw new StorageError('corrupt', `${where}: ${describeIssues(result.error)}`);
      if (kind.key(result.data as never) !== key) throw new StorageError('corrupt', `${where}: the record inside is ${JSON.stringify(kind.key(result.data as never))}, not ${JSON.stringify(key)}`);
      kind.set(state, key, result.data as never);
      changes.set(`${kind.collection}\u0000${key}`, { collection: kind.collection, key, text: JSON.stringify(result.data), document: documentOf(root, kind.collection, key) });
    });
  }
  const last = files.length > 0 ? Number(files[files.length - 1]!.slice(0, 12)) : 0;
  return { changes, files: files.map((name) => join(directory, name)), last };
};

/**
 * A snapshot of every record (snapshot.jsonl), written when the store closes cleanly so the next start reads
 * one file instead of one per record. Its first line holds the sha256 of the rest and the size and
 * modification time of every document and answer log as they were: a snapshot that does not match its
 * digest, or a document edited, added or removed since (an operator restoring one), and the documents are
 * read instead. It is deleted (durably) at start before any change, so it never outlives the state it
 * describes; a start after a crash reads the documents and the journal instead.
 */
const snapshotFile = 'snapshot.jsonl';
const snapshotHeaderSchema = z.object({ format: z.literal('anquan-snapshot'), version: z.literal(1), sha256: z.string(), records: z.number(), files: z.record(z.string(), z.tuple([z.number(), z.number()])) });

/** Size and modification time of every document and answer log: a stat each, far cheaper than reading them. */
const fileStamps = async (root: string): Promise<Record<string, [number, number]>> => {
  const stamps: Record<string, [number, number]> = {};
  for (const directory of [...collections, answerRecordsDirectory]) {
    const names = (await listDirectory(join(root, directory), directory)).filter((name) => !isTemporaryName(name));
    await eachLimited(names, 32, async (name) => {
      let found;
      try {
        found = await stat(join(root, directory, name));
      } catch (error) {
        throw storageErrorFromSystem(error, `${directory}/${name}`, 'stat');
      }
      stamps[`${directory}/${name}`] = [found.size, found.mtimeMs];
    });
  }
  return stamps;
};

const writeSnapshot = async (root: string, state: RecordState, faults: FaultHook | undefined) => {
  const lines: string[] = [];
  for (const kind of kinds) {
    const owners = kind.owners?.(state);
    // Records kept as text carry their owner beside the name, so the next start indexes them without parsing.
    for (const [key, text] of kind.texts(state)) lines.push(owners ? `${JSON.stringify([kind.collection, key, owners.get(key) ?? null])}\t${text}\n` : journalLine({ collection: kind.collection, key, text }));
  }
  for (const [userId, records] of state.answerRecords) lines.push(journalLine({ collection: answerRecordsDirectory, key: userId, text: JSON.stringify(records) }));
  const body = lines.join('');
  const files = await fileStamps(root);
  const header = { format: 'anquan-snapshot', version: 1, sha256: createHash('sha256').update(JSON.stringify(files)).update(body).digest('hex'), records: lines.length, files };
  await writeFileDurably(join(root, snapshotFile), `${JSON.stringify(header)}\n${body}`, faults);
};

/** The state a clean close left, or why there is none to use (then the documents are read). */
const readSnapshot = async (root: string): Promise<{ state: RecordState } | { unused: string }> => {
  let text: string;
  try {
    text = await readFile(join(root, snapshotFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { unused: 'none written (the last run did not close cleanly, or this is the first)' };
    throw storageErrorFromSystem(error, snapshotFile, 'read');
  }
  const newline = text.indexOf('\n');
  let header: z.output<typeof snapshotHeaderSchema>;
  try {
    header = snapshotHeaderSchema.parse(JSON.parse(text.slice(0, newline)));
  } catch {
    return { unused: `${snapshotFile}: its first line is not a snapshot header` };
  }
  const body = text.slice(newline + 1);
  if (createHash('sha256').update(JSON.stringify(header.files)).update(body).digest('hex') !== header.sha256) return { unused: `${snapshotFile}: its content does not match its sha256` };
  const now = await fileStamps(root);
  const changed = [...new Set([...Object.keys(now), ...Object.keys(header.files)])].filter((name) => now[name]?.[0] !== header.files[name]?.[0] || now[name]?.[1] !== header.files[name]?.[1]);
  if (changed.length > 0) return { unused: `${changed.length} file(s) changed since it was written (${changed.slice(0, 3).join(', ')})` };
  const state = emptyState();
  let records = 0;
  for (let start = 0; start < body.length; records += 1) {
    const end = body.indexOf('\n', start);
    const tab = body.indexOf('\t', start);
    const [collection, key, owner] = JSON.parse(body.slice(start, tab)) as [string, string, string | null | undefined];
    const value = body.slice(tab + 1, end);
    start = end + 1;
    if (collection === answerRecordsDirectory) state.answerRecords.set(key, JSON.parse(value) as AnswerRecord[]);
    else {
      const kind = kindOf.get(collection)!;
      if (kind.setText) kind.setText(state, key, value, owner ?? undefined);
      else kind.set(state, key, JSON.parse(value) as never);
    }
  }
  if (records !== header.records) return { unused: `${snapshotFile}: ${records} records, its header says ${header.records}` };
  return { state };
};

/** One user's answer log, one record a line. */
const readAnswerLog = async (file: string, label: string): Promise<AnswerRecord[]> =>
  (await completeLines(file, label)).map((line, index) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new StorageError('corrupt', `${label} line ${index + 1}: not valid JSON`);
    }
    const result = answerRecordSchema.safeParse(parsed);
    if (!result.success) throw new StorageError('corrupt', `${label} line ${index + 1}: ${describeIssues(result.error)}`);
    return result.data;
  });

/** Record changes go through the journal; answer records to their user's log; close checkpoints and writes the snapshot. */
const createStoreWriter = (root: string, state: RecordState, journal: Journal, options: LowdbRepositoryOptions, release: () => Promise<void>): RecordWriter => ({
  put: (collection, key, value) => journal.append({ collection, key, text: value === undefined ? undefined : JSON.stringify(value), document: documentOf(root, collection, key) }),
  putText: (collection, key, text) => journal.append({ collection, key, text, document: documentOf(root, collection, key) }),
  putDeltas: (collection, key, deltas, settle) =>
    journal.append({ collection, key, text: undefined, deltas: deltas.map((delta) => [delta.op, deltaArguments(delta)] as const), settle, document: documentOf(root, collection, key) }),
  appendAnswerRecords: async (userId, records) => {
    const file = join(root, answerRecordsDirectory, `${fileNameOf(userId)}.jsonl`);
    const content = Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
    let handle;
    try {
      handle = await open(file, 'a', 0o600);
    } catch (error) {
      throw storageErrorFromSystem(error, file, 'open');
    }
    let size = 0;
    try {
      size = (await handle.stat()).size;
      options.faults?.('append', file);
      await handle.appendFile(content);
      await handle.sync();
    } catch (error) {
      // A partial line must not stay in front of the next append: cut the log back to what it held.
      await handle.truncate(size).catch(() => undefined);
      throw storageErrorFromSystem(error, file, 'append to');
    } finally {
      await handle.close().catch(() => undefined);
    }
    if (size === 0) await syncDirectory(join(root, answerRecordsDirectory));
  },
  idle: () => journal.idle(),
  close: async () => {
    try {
      await journal.close();
      // Let the changes acknowledged in the last round reach memory before it is written out.
      await new Promise((resolve) => setImmediate(resolve));
      await writeSnapshot(root, state, options.faults).catch((error: unknown) => {
        // Not fatal: the next start reads the documents instead.
        options.onStorageError?.(storageErrorFromSystem(error, join(root, snapshotFile), 'write snapshot'));
      });
    } finally {
      await release();
    }
  },
});

const prepareDirectories = async (root: string) => {
  for (const directory of [root, ...collections.map((collection) => join(root, collection)), join(root, answerRecordsDirectory), join(root, journalDirectory)]) {
    try {
      await mkdir(directory, { recursive: true });
    } catch (error) {
      throw storageErrorFromSystem(error, directory, 'create directory');
    }
  }
};

/** Converts the first release's anquan.json into documents; safe to repeat if interrupted (store.json is written last). */
const convertSingleFile = async (root: string, faults: FaultHook | undefined) => {
  const write = documentWriter(root, faults);
  const legacy = join(root, 'anquan.json');
  const old = await readDocument(legacy, 'anquan.json', singleFileStoreSchema);
  if (old === null) return;
  const puts: [Collection, string, unknown][] = [
    ...old.users.map((user): [Collection, string, unknown] => ['users', user.id, user]),
    ...old.sessions.map((session): [Collection, string, unknown] => ['sessions', session.tokenHash, session]),
    ...old.attempts.map((attempt): [Collection, string, unknown] => ['attempts', attempt.id, attempt]),
    ...old.progress.map((progress): [Collection, string, unknown] => ['progress', progress.userId, progress]),
    ...old.blueprintOverrides.map((override): [Collection, string, unknown] => ['blueprint-overrides', override.blueprintId, override]),
    ...(old.importedQuestions.length > 0 ? [['imported-questions', 'bank', old.importedQuestions] as [Collection, string, unknown]] : []),
    ...old.assessments.map((record): [Collection, string, unknown] => ['assessments', record.id, record]),
    ...old.rectifications.map((item): [Collection, string, unknown] => ['rectifications', item.id, item]),
  ];
  await eachLimited(puts, 16, ([collection, key, value]) => write({ collection, key, text: JSON.stringify(value) }));
  const logs = new Map<string, AnswerRecord[]>();
  for (const record of old.answerRecords) (logs.get(record.userId) ?? logs.set(record.userId, []).get(record.userId)!).push(record);
  // Whole files, not appends, so that a repeated conversion does not repeat records.
  await eachLimited([...logs], 16, ([userId, records]) =>
    writeFileDurably(join(root, answerRecordsDirectory, `${fileNameOf(userId)}.jsonl`), records.map((record) => `${JSON.stringify(record)}\n`).join(''), faults),
  );
};

/** Where the last start's state came from and how long it took (the bench prints it). */
export interface OpenedFrom {
  source: 'snapshot' | 'documents';
  /** Why the snapshot was not used, when it was not. */
  reason?: string;
  journalLines: number;
  milliseconds: number;
}

/**
 * Opens (creating if need be) the store in `dataDirectory`: takes the directory lock, converts the first
 * release's file, then loads the snapshot a clean close left (checked by its sha256) or, failing that, every
 * document (each validated) and the journal over them, which it checkpoints before accepting changes.
 */
export const openLowdbRepository = async (dataDirectory: string, options: LowdbRepositoryOptions = {}): Promise<Repository> => {
  const started = performance.now();
  try {
    await mkdir(dataDirectory, { recursive: true });
  } catch (error) {
    throw storageErrorFromSystem(error, dataDirectory, 'create directory');
  }
  const lock = await lockDataDirectory(dataDirectory);
  try {
    await prepareDirectories(dataDirectory);
    const marker = new DurableJSONFile(join(dataDirectory, 'store.json'), 'store.json', storeMarkerSchema, options.faults);
    const found = await marker.read();
    if (found === null) {
      await convertSingleFile(dataDirectory, options.faults);
      await marker.write({ format: 'anquan-split', version: 4 });
      const legacy = join(dataDirectory, 'anquan.json');
      if (await stat(legacy).catch(() => undefined)) await rename(legacy, `${legacy}.converted`).catch((error: unknown) => Promise.reject(storageErrorFromSystem(error, legacy, 'rename')));
    } else if (found.version !== 4) {
      // Version 3 adds the journal, 4 its delta lines: a server that cannot replay them must not open this directory.
      await marker.write({ format: 'anquan-split', version: 4 });
    }
    const leftInJournal = (await listDirectory(join(dataDirectory, journalDirectory), journalDirectory)).some((name) => name.endsWith('.jsonl'));
    const snapshot: { state: RecordState } | { unused: string } = leftInJournal ? { unused: 'the journal holds changes made after it' } : await readSnapshot(dataDirectory);
    // From here on the snapshot would be stale: it goes before the first change.
    await removeFileDurably(join(dataDirectory, snapshotFile), options.faults);
    const state = 'state' in snapshot ? snapshot.state : await loadDocuments(dataDirectory);
    const replayed = await replayJournal(dataDirectory, state);
    const write = documentWriter(dataDirectory, options.faults);
    await eachLimited([...replayed.changes.values()], 8, (change) => write(wholeChange(change)));
    for (const file of replayed.files) await removeFileDurably(file, options.faults);
    const journal = await Journal.start(join(dataDirectory, journalDirectory), replayed.last, {
      faults: options.faults,
      checkpointBytes: options.checkpointBytes ?? 8 * 1024 * 1024,
      writeDocument: write,
      onError: (error) => options.onStorageError?.(error),
    });
    lastOpened = { source: 'state' in snapshot ? 'snapshot' : 'documents', ...('unused' in snapshot ? { reason: snapshot.unused } : {}), journalLines: replayed.changes.size, milliseconds: performance.now() - started };
    return createRecordRepository(state, createStoreWriter(dataDirectory, state, journal, options, lock.release), options);
  } catch (error) {
    await lock.release();
    throw error;
  }
};

let lastOpened: OpenedFrom | undefined;
/** How the most recent openLowdbRepository in this process loaded its state. */
export const lastOpening = () => lastOpened;
