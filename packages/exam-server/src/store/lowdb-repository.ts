// The embedded default: lowdb documents split per record under the data directory, so a save writes one small
// document whatever the number of users and attempts.
//
//   anquan.lock                 the holder's pid (directory-lock.ts): one server process per directory
//   store.json                  {"format":"anquan-split","version":2}
//   users/<id>.json  sessions/<tokenHash>.json  attempts/<id>.json  progress/<userId>.json
//   assessments/<id>.json  rectifications/<id>.json  blueprint-overrides/<blueprintId>.json
//   imported-questions/bank.json     the imported bank (bounded by the bank, written by administrators only)
//   answer-records/<userId>.jsonl    append-only, one record a line (a torn last line was never acknowledged)
//
// Every document is written atomically (durable-file.ts: unique temporary name, fsync, rename, fsync of the
// directory) and memory changes only after the write succeeded (record-repository.ts, which also serialises
// the changes of one record and writes a round of queued changes once). At start every file is read and
// validated with zod: a corrupt or wrong-shaped file stops the start with its name and the path inside it.
// The single anquan.json of the first release is converted on first start and kept as anquan.json.converted.
import { mkdir, open, readdir, readFile, rename, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { lockDataDirectory } from './directory-lock.js';
import { DurableJSONFile, isTemporaryName, readDocument, removeFileDurably, syncDirectory, writeFileDurably, type FaultHook } from './durable-file.js';
import { StorageError, storageErrorFromSystem } from './errors.js';
import { createRecordRepository, emptyState, type Collection, type RecordRepositoryOptions, type RecordState, type RecordWriter } from './record-repository.js';
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
}

const storeMarkerSchema = z.object({ format: z.literal('anquan-split'), version: z.literal(2) });
const collections: Collection[] = ['users', 'sessions', 'attempts', 'progress', 'blueprint-overrides', 'imported-questions', 'assessments', 'rectifications', 'evidence', 'ledger-records'];
const answerRecordsDirectory = 'answer-records';

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

/** Reads every record document of the store, validated, and removes temporary files of interrupted writes. */
const loadState = async (root: string): Promise<RecordState> => {
  const state = emptyState();
  const documents: { collection: Collection; schema: z.ZodType<unknown>; key: (value: never) => string; add: (value: never) => void }[] = [
    { collection: 'users', schema: userSchema, key: (user: { id: string }) => user.id, add: (user: z.output<typeof userSchema>) => void state.users.set(user.id, user) },
    { collection: 'sessions', schema: sessionSchema, key: (session: { tokenHash: string }) => session.tokenHash, add: (session: z.output<typeof sessionSchema>) => void state.sessions.set(session.tokenHash, session) },
    { collection: 'attempts', schema: attemptSchema, key: (attempt: { id: string }) => attempt.id, add: (attempt: z.output<typeof attemptSchema>) => void state.attempts.set(attempt.id, attempt) },
    { collection: 'progress', schema: progressSchema, key: (progress: { userId: string }) => progress.userId, add: (progress: z.output<typeof progressSchema>) => void state.progress.set(progress.userId, progress) },
    {
      collection: 'blueprint-overrides',
      schema: blueprintOverrideSchema,
      key: (override: { blueprintId: string }) => override.blueprintId,
      add: (override: z.output<typeof blueprintOverrideSchema>) => void state.blueprintOverrides.set(override.blueprintId, override),
    },
    { collection: 'imported-questions', schema: z.array(storedQuestionSchema), key: () => 'bank', add: (bank: z.output<typeof storedQuestionSchema>[]) => void (state.importedQuestions = bank) },
    { collection: 'assessments', schema: assessmentSchema, key: (record: { id: string }) => record.id, add: (record: z.output<typeof assessmentSchema>) => void state.assessments.set(record.id, record) },
    { collection: 'rectifications', schema: rectificationSchema, key: (item: { id: string }) => item.id, add: (item: z.output<typeof rectificationSchema>) => void state.rectifications.set(item.id, item) },
    { collection: 'evidence', schema: evidenceSchema, key: (file: { id: string }) => file.id, add: (file: z.output<typeof evidenceSchema>) => void state.evidence.set(file.id, file) },
    { collection: 'ledger-records', schema: ledgerRecordSchema, key: (record: { id: string }) => record.id, add: (record: z.output<typeof ledgerRecordSchema>) => void state.ledgerRecords.set(record.id, record) },
  ];
  for (const { collection, schema, key, add } of documents) {
    const names = await listDirectory(join(root, collection), collection);
    await eachLimited(names, 32, async (name) => {
      const file = join(root, collection, name);
      if (isTemporaryName(name)) return void (await unlink(file).catch(() => undefined));
      if (!name.endsWith('.json')) return;
      const label = `${collection}/${name}`;
      const value = await readDocument(file, label, schema);
      if (value === null) return;
      if (`${fileNameOf(key(value as never))}.json` !== name) throw new StorageError('corrupt', `${label}: the record inside is ${JSON.stringify(key(value as never))}, not the one its file name says`);
      add(value as never);
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

/** One user's answer log; a last line without its newline was being written when the process died: cut it off. */
const readAnswerLog = async (file: string, label: string): Promise<AnswerRecord[]> => {
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
  const lines = text.slice(0, complete).split('\n').slice(0, -1);
  return lines.map((line, index) => {
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
};

const createDocumentWriter = (root: string, faults: FaultHook | undefined, release: () => Promise<void>): RecordWriter => {
  const adapters = new Map<string, DurableJSONFile<unknown>>();
  const adapter = (collection: Collection, key: string) => {
    const file = join(root, collection, `${fileNameOf(key)}.json`);
    let found = adapters.get(file);
    if (!found) {
      found = new DurableJSONFile<unknown>(file, `${collection}/${fileNameOf(key)}.json`, z.unknown(), faults);
      if (collection !== 'attempts' && collection !== 'sessions') adapters.set(file, found); // the many short-lived records are not cached
    }
    return found;
  };
  return {
    put: (collection, key, value) => (value === undefined ? removeFileDurably(join(root, collection, `${fileNameOf(key)}.json`), faults) : adapter(collection, key).write(value)),
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
        faults?.('append', file);
        await handle.write(content);
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
    close: release,
  };
};

const prepareDirectories = async (root: string) => {
  for (const directory of [root, ...collections.map((collection) => join(root, collection)), join(root, answerRecordsDirectory)]) {
    try {
      await mkdir(directory, { recursive: true });
    } catch (error) {
      throw storageErrorFromSystem(error, directory, 'create directory');
    }
  }
};

/** Converts the first release's anquan.json into documents; safe to repeat if interrupted (store.json is written last). */
const convertSingleFile = async (root: string, writer: RecordWriter, faults: FaultHook | undefined) => {
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
  await eachLimited(puts, 16, ([collection, key, value]) => writer.put(collection, key, value));
  const logs = new Map<string, AnswerRecord[]>();
  for (const record of old.answerRecords) (logs.get(record.userId) ?? logs.set(record.userId, []).get(record.userId)!).push(record);
  // Whole files, not appends, so that a repeated conversion does not repeat records.
  await eachLimited([...logs], 16, ([userId, records]) =>
    writeFileDurably(join(root, answerRecordsDirectory, `${fileNameOf(userId)}.jsonl`), records.map((record) => `${JSON.stringify(record)}\n`).join(''), faults),
  );
};

/** Opens (creating if need be) the store in `dataDirectory`: takes the directory lock, converts, loads and validates. */
export const openLowdbRepository = async (dataDirectory: string, options: LowdbRepositoryOptions = {}): Promise<Repository> => {
  try {
    await mkdir(dataDirectory, { recursive: true });
  } catch (error) {
    throw storageErrorFromSystem(error, dataDirectory, 'create directory');
  }
  const lock = await lockDataDirectory(dataDirectory);
  try {
    await prepareDirectories(dataDirectory);
    const writer = createDocumentWriter(dataDirectory, options.faults, lock.release);
    const marker = new DurableJSONFile(join(dataDirectory, 'store.json'), 'store.json', storeMarkerSchema, options.faults);
    if ((await marker.read()) === null) {
      await convertSingleFile(dataDirectory, writer, options.faults);
      await marker.write({ format: 'anquan-split', version: 2 });
      const legacy = join(dataDirectory, 'anquan.json');
      if (await stat(legacy).catch(() => undefined)) await rename(legacy, `${legacy}.converted`).catch((error: unknown) => Promise.reject(storageErrorFromSystem(error, legacy, 'rename')));
    }
    return createRecordRepository(await loadState(dataDirectory), writer, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
};
