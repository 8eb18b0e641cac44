// The repository over records held in memory, each change written through a RecordWriter before memory
// changes: with a writer that writes nothing it is the in-memory store, with the journal and per-record
// documents of lowdb-repository.ts it is the embedded lowdb store. Changes to one record run one after another
// (a save queued behind a submit sees it closed); changes queued while a record's write is in flight are
// applied together and written once (group commit), so a busy attempt costs one write per round, not one per
// answer. An answer saved or a mark set (a delta) is applied to the attempt in memory in place once it is on disk,
// not to a copy: copying a 90-answer object cost ~11 KB and ~5 µs per save (V8 clones an object with that many
// out-of-object properties by adding them one by one), most of what a save allocated.
import { withComposedOperations } from './composed-operations.js';
import { StorageError, UsernameTakenError } from './errors.js';
import type { EvidenceFile, LedgerRecord } from './repository.js';
import type { AnswerRecord, AssessmentRecord, Attempt, BlueprintOverride, Progress, RectificationItem, Repository, Session, StoreCounts, StoreSnapshot, StoredQuestion, User } from './repository.js';

/** The documents a store writes, one per record (imported questions: one document for the bank). */
export type Collection = 'users' | 'sessions' | 'attempts' | 'progress' | 'blueprint-overrides' | 'imported-questions' | 'assessments' | 'rectifications' | 'evidence' | 'ledger-records';

export interface RecordWriter {
  /** Makes `value` the durable content of record `key` (undefined removes it); resolves once it is on disk. */
  put(collection: Collection, key: string, value: unknown): Promise<void>;
  /** Like put with the record already as JSON text (undefined removes it), for records kept as text: serialised once. */
  putText?(collection: Collection, key: string, text: string | undefined): Promise<void>;
  /**
   * Records only what changed (`deltas`, in order) instead of the whole record. The record in memory keeps changing
   * after it, so whoever needs the whole record as of a later moment (the checkpoint of the journal file holding
   * these deltas) calls `settle` at that moment, once every change written before it is in memory and none written
   * after it: it returns the record's JSON text as it is then, serialised when asked. Writers without putDeltas
   * get putText or put.
   */
  putDeltas?(collection: Collection, key: string, deltas: readonly Delta[], settle: () => () => string | undefined): Promise<void>;
  /** Appends answer records to the log of one user; resolves once they are on disk, or leaves the log as it was. */
  appendAnswerRecords(userId: string, records: AnswerRecord[]): Promise<void>;
  /** Releases what the writer holds (the directory lock). */
  close(): Promise<void>;
  /** Resolves once background work (checkpoints) is done. */
  idle?(): Promise<void>;
}

/**
 * A change of one attempt that is smaller than the attempt: an answer saved, a question marked or unmarked. The
 * journal holds these instead of the ~12 KB attempt, and replay applies them with the same functions (applyDelta)
 * as the save did, so the record replayed is the record that was acknowledged, member order included.
 */
export type Delta = { op: 'answer'; questionId: string; answer: string[] } | { op: 'marked'; questionId: string; marked: boolean };

/** The marked questions after a "marked" delta (a new list; the one given is never edited). */
const markedAfter = (marked: readonly string[], delta: Extract<Delta, { op: 'marked' }>): string[] =>
  delta.marked ? [...new Set([...marked, delta.questionId])] : marked.filter((id) => id !== delta.questionId);

/** The attempt after `delta`: a new value sharing what it does not change (never edits `current`). */
export const applyDelta = (current: Attempt, delta: Delta): Attempt =>
  delta.op === 'answer'
    ? // A computed key defines an own member even for "__proto__", as JSON.parse does.
      { ...current, answers: { ...current.answers, [delta.questionId]: [...delta.answer] } }
    : { ...current, marked: markedAfter(current.marked, delta) };

/**
 * Applies `delta` to `target` itself, with the same result as applyDelta (member order included: an answer to a
 * question answered before keeps its place, a new one goes last). Only for a value the store alone holds
 * (SerializedRecords.editable) and a delta already on disk. Answer lists and the marked list are replaced, never
 * edited, so a copy that shares them (ownCopy) stays as it was.
 */
export const applyDeltaInPlace = (target: Attempt, delta: Delta): void => {
  if (delta.op === 'marked') {
    target.marked = markedAfter(target.marked, delta);
    return;
  }
  const answer = [...delta.answer];
  // An assignment to "__proto__" would set the prototype; defining it makes the own member JSON.parse makes.
  if (delta.questionId === '__proto__') Object.defineProperty(target.answers, delta.questionId, { value: answer, enumerable: true, writable: true, configurable: true });
  else target.answers[delta.questionId] = answer;
};

/** A copy of an attempt that applyDeltaInPlace may edit: what it edits (the object and its answers) is new, the rest shared. */
export const ownCopy = (attempt: Attempt): Attempt => ({ ...attempt, answers: { ...attempt.answers } });

/** What a journal line carries of a delta after its name: ["<questionId>", <answer or marked>]. */
export const deltaArguments = (delta: Delta): string => JSON.stringify([delta.questionId, delta.op === 'answer' ? delta.answer : delta.marked]);

/** What the repository needs of a collection in memory (a Map, or SerializedRecords). */
export interface Records<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): unknown;
  delete(key: string): unknown;
  values(): Iterable<V>;
  readonly size: number;
}

/** A deep copy of a value that is what JSON.parse returns (plain objects, arrays, strings, numbers, booleans, null). */
export const copyParsed = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) copy[index] = copyParsed(value[index]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyParsed((value as Record<string, unknown>)[key]);
    // JSON.parse makes "__proto__" an own property; an assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
};

/**
 * Records held as their JSON text: one string per record instead of hundreds of small objects, so the
 * garbage collector's pauses do not grow with the number of stored attempts (each get returns a fresh copy).
 *
 * DESIGN: a bounded set of "shared" parsed values beside the texts. An answer save used to parse the whole
 * attempt twice (the service's ownership and deadline check, then the change itself) and serialise it once:
 * about 0.25 ms of a 1 ms save for a 90-question paper. The attempts being changed now are kept parsed (at most
 * `sharedLimit`, least recently used dropped, so the GC's work stays bounded by the exams in progress, not by
 * the attempts stored): a get copies the shared value (copyParsed, about a third of a parse), and a change whose
 * steps build a new value instead of editing theirs (`shared` below) reads it without any copy. A shared value
 * always equals JSON.parse of its text and is never changed in place: whoever gets one through get() holds a copy.
 *
 * A record changed by a delta (setParsed, editable) has no current text: its shared value is the authority and is
 * serialised when someone needs the text (text(), textEntries(), values()) or when it leaves the shared set, never
 * dropped unserialised. Until then `texts` holds the record's older text only as a placeholder (its key counts in size).
 *
 * Deltas (answers saved, marks) edit the shared value in place once they are on disk (editable), when the store
 * alone holds it ("owned": parsed from the text here, or copied here). A value someone else may still hold as it
 * is — one a whole-record change built from parts of the previous value, or one a checkpoint has settled on
 * (settle) — is copied once before the first edit. So a peeked value may gain the answers saved after it was
 * peeked; it never shows one that is not on disk.
 */
export class SerializedRecords<V> {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, V>();
  /** Records whose text in `texts` is out of date: their shared value in `parsed` is the record. */
  private readonly stale = new Set<string>();
  /** Records whose shared value only this store holds: deltas may edit it in place (editable). */
  private readonly owned = new Set<string>();
  /** Each record's userId, when it has one: the per-user index is built from it without parsing every record. */
  readonly owners = new Map<string, string>();
  constructor(private readonly sharedLimit = 512) {}
  get(key: string): V | undefined {
    const value = this.parsed.get(key);
    if (value !== undefined) return copyParsed(value);
    const text = this.texts.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as V);
  }
  /** The record as a value shared with the store: for reading, or for building a new value from; never to be edited. */
  shared(key: string): V | undefined {
    let value = this.parsed.get(key);
    if (value === undefined) {
      const text = this.texts.get(key);
      if (text === undefined) return undefined;
      value = JSON.parse(text) as V;
      this.owned.add(key);
    }
    this.keep(key, value);
    return value;
  }
  /**
   * The record's shared value for a change already on disk to edit in place; undefined when there is no record. A
   * value others may hold as it is (not owned) is first replaced by `copy` of it. Its text is out of date from here.
   */
  editable(key: string, copy: (value: V) => V): V | undefined {
    let value = this.shared(key);
    if (value === undefined) return undefined;
    if (!this.owned.has(key)) {
      value = copy(value);
      this.owned.add(key);
      this.keep(key, value);
    }
    this.stale.add(key);
    return value;
  }
  /**
   * Stops editing the record's shared value in place (the next delta copies it) and returns its JSON text as it is
   * now, serialised only when the function is called (by a checkpoint, later).
   */
  settle(key: string): () => string | undefined {
    this.owned.delete(key);
    if (!this.stale.has(key)) {
      const text = this.texts.get(key);
      return () => text;
    }
    const value = this.parsed.get(key);
    return () => JSON.stringify(value);
  }
  set(key: string, value: V) {
    this.setText(key, JSON.stringify(value), (value as { userId?: unknown }).userId);
  }
  /** Stores a record's JSON text as it is (already serialised, or from a snapshot checked by its digest). */
  setText(key: string, text: string, owner: unknown) {
    this.texts.set(key, text);
    this.stale.delete(key);
    this.owned.delete(key);
    this.parsed.delete(key);
    if (typeof owner === 'string') this.owners.set(key, owner);
    else this.owners.delete(key);
  }
  /** Stores a record's text and keeps `value` (equal to JSON.parse(text), never edited after) as its shared value. */
  setShared(key: string, text: string, value: V) {
    this.setText(key, text, (value as { userId?: unknown }).userId);
    this.keep(key, value);
  }
  /** Makes `value` (equal to what JSON.parse of its text would give, never edited after) the record, its text serialised later. */
  setParsed(key: string, value: V) {
    if (!this.texts.has(key)) this.texts.set(key, '');
    const owner = (value as { userId?: unknown }).userId;
    if (typeof owner === 'string') this.owners.set(key, owner);
    else this.owners.delete(key);
    this.stale.add(key);
    // Built by someone else, it may share parts with values they hold.
    this.owned.delete(key);
    this.keep(key, value);
  }
  private keep(key: string, value: V) {
    // Re-inserted so that the Map's order is the order of last use.
    this.parsed.delete(key);
    this.parsed.set(key, value);
    if (this.parsed.size > this.sharedLimit) {
      const oldest = this.parsed.keys().next().value!;
      // A record whose only current form is its shared value is serialised before that value goes.
      if (this.stale.has(oldest)) this.text(oldest);
      this.parsed.delete(oldest);
      this.owned.delete(oldest);
    }
  }
  /** The record's current JSON text (serialising its shared value if a delta changed it). */
  text(key: string): string | undefined {
    if (this.stale.has(key)) {
      this.texts.set(key, JSON.stringify(this.parsed.get(key)));
      this.stale.delete(key);
    }
    return this.texts.get(key);
  }
  /** Each record's key and current JSON text. */
  *textEntries(): Iterable<[string, string]> {
    for (const [key, text] of this.texts) yield [key, this.stale.has(key) ? this.text(key)! : text];
  }
  delete(key: string) {
    this.owners.delete(key);
    this.parsed.delete(key);
    this.stale.delete(key);
    this.owned.delete(key);
    return this.texts.delete(key);
  }
  *values(): Iterable<V> {
    for (const [key, text] of this.texts) {
      const value = this.parsed.get(key);
      yield value !== undefined ? copyParsed(value) : (JSON.parse(text) as V);
    }
  }
  get size() {
    return this.texts.size;
  }
}

export interface RecordState {
  users: Map<string, User>;
  sessions: Map<string, Session>;
  attempts: SerializedRecords<Attempt>;
  answerRecords: Map<string, AnswerRecord[]>;
  progress: Map<string, Progress>;
  blueprintOverrides: Map<string, BlueprintOverride>;
  importedQuestions: StoredQuestion[];
  assessments: Map<string, AssessmentRecord>;
  rectifications: Map<string, RectificationItem>;
  /** Evidence files held as JSON text (their bytes in base64), like attempts, so they cost the GC little. */
  evidence: SerializedRecords<EvidenceFile>;
  ledgerRecords: Map<string, LedgerRecord>;
}

export const emptyState = (): RecordState => ({
  users: new Map(),
  sessions: new Map(),
  attempts: new SerializedRecords<Attempt>(),
  answerRecords: new Map(),
  progress: new Map(),
  blueprintOverrides: new Map(),
  importedQuestions: [],
  assessments: new Map(),
  rectifications: new Map(),
  evidence: new SerializedRecords<EvidenceFile>(),
  ledgerRecords: new Map(),
});

const clone = <T>(value: T): T => structuredClone(value);
/** A copy of a record whose members are all strings (users, sessions). */
const copyFlat = <T extends object>(value: T | undefined): T | undefined => (value === undefined ? undefined : { ...value });
/** Code-unit order, as PostgreSQL's COLLATE "C" sorts, so every store lists in the same order. */
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A user with region / enterprise set (a string) or removed (null); absent keys unchanged. */
const assigned = (user: User, assignment: { region?: string | null; enterpriseId?: string | null }): User => {
  const next: User = clone(user);
  for (const key of ['region', 'enterpriseId'] as const) {
    const value = assignment[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
};
const newProgress = (userId: string): Progress => ({ userId, positions: {}, mistakes: {}, favourites: [], seen: [] });

/** What one queued change decides: the record's next value (undefined: remove; absent: unchanged) and its result. */
/**
 * What one queued change decides: the record's next value (undefined: remove; absent: unchanged) and its result, or
 * (for an attempt) the delta that changes it.
 */
type Outcome<V, R> = { next?: V | undefined; result: R; delta?: undefined } | { delta: Delta; result: R; next?: undefined };
interface Pending<V> {
  step: (current: V | undefined) => Outcome<V, unknown>;
  /** The step reads nothing a delta changes (only whether the record exists and is open): it may see the record without this round's deltas. */
  readsNoDeltas: boolean;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}
interface Slot<V> {
  read: () => V | undefined;
  /** Writes the round's value. */
  write: (value: V | undefined) => Promise<void>;
  install: (value: V | undefined) => void;
  /** When every change of a round is a delta: writes those alone (in order), then installDeltas applies them in memory. */
  writeDeltas?: (deltas: readonly Delta[]) => Promise<void>;
  installDeltas?: (deltas: readonly Delta[]) => void;
}

/** Per-record serialisation with group commit; different records never wait for each other. */
class RecordQueue {
  private readonly queues = new Map<string, { pending: Pending<unknown>[]; slot: Slot<unknown> }>();

  change<V, R>(key: string, slot: Slot<V>, step: (current: V | undefined) => Outcome<V, R>, readsNoDeltas = false): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry = { step, readsNoDeltas, resolve, reject } as unknown as Pending<unknown>;
      const queue = this.queues.get(key);
      if (queue) return void queue.pending.push(entry);
      this.queues.set(key, { pending: [entry], slot: slot as Slot<unknown> });
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0);
      // The record as stored (never edited here), or a value an earlier step of this round built.
      let value = queue.slot.read();
      let changed = false;
      // The round's deltas, while every change in it is one (a whole-record change ends them: undefined).
      let deltas: Delta[] | undefined = [];
      // Deltas of this round that `value` does not show yet: a step that reads more than a delta leaves sees them on a copy.
      let unapplied: Delta[] = [];
      const applyUnapplied = () => {
        value = unapplied.reduce((current, delta) => applyDelta(current as Attempt, delta), value as Attempt) as unknown;
        unapplied = [];
      };
      const outcomes = batch.map((pending) => {
        try {
          if (unapplied.length > 0 && !pending.readsNoDeltas) applyUnapplied();
          const outcome = pending.step(value);
          if (outcome.delta) {
            unapplied.push(outcome.delta);
            deltas?.push(outcome.delta);
            changed = true;
          } else if ('next' in outcome) {
            value = outcome.next;
            changed = true;
            deltas = undefined;
          }
          return { ok: true as const, result: outcome.result };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
      try {
        if (changed && deltas && queue.slot.writeDeltas && queue.slot.installDeltas) {
          await queue.slot.writeDeltas(deltas);
          queue.slot.installDeltas(deltas);
        } else if (changed) {
          if (unapplied.length > 0) applyUnapplied();
          await queue.slot.write(value);
          queue.slot.install(value);
        }
        batch.forEach((pending, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) pending.resolve(outcome.result);
          else pending.reject(outcome.error);
        });
      } catch (error) {
        // Nothing of this round reached memory: every change in it failed, and says why.
        for (const pending of batch) pending.reject(error);
      }
    }
    this.queues.delete(key);
  }
}

export interface RecordRepositoryOptions {
  /** Called with each storage failure before the request that met it gets its 503 (the operator's log). */
  onStorageError?: (error: StorageError) => void;
}

export const createRecordRepository = (state: RecordState, writer: RecordWriter, options: RecordRepositoryOptions = {}): Repository => {
  const queue = new RecordQueue();
  const usersByName = new Map([...state.users.values()].map((user) => [user.username, user.id]));
  const byUser = <T extends { id: string; userId: string }>(records: Records<T>) => {
    const index = new Map<string, Set<string>>();
    const owners: Iterable<[string, string]> = records instanceof SerializedRecords ? records.owners : [...records.values()].map((record) => [record.id, record.userId]);
    for (const [id, userId] of owners) (index.get(userId) ?? index.set(userId, new Set()).get(userId)!).add(id);
    return index;
  };
  const attemptsByUser = byUser(state.attempts);
  const assessmentsByUser = byUser(state.assessments);
  const rectificationsByUser = byUser(state.rectifications);
  const addTo = (index: Map<string, Set<string>>, userId: string, id: string) => (index.get(userId) ?? index.set(userId, new Set()).get(userId)!).add(id);
  const ownedBy = <T>(index: Map<string, Set<string>>, records: Records<T>, userId: string) => [...(index.get(userId) ?? [])].map((id) => clone(records.get(id)!));
  /** Rate-limit hits live in memory only: one process holds an embedded store (the directory lock). */
  const hits = new Map<string, { at: number; expires: number }[]>();

  const reported = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      if (error instanceof StorageError) options.onStorageError?.(error);
      throw error;
    });

  /**
   * How a change reads, writes and installs one record. Records kept as text (attempts, evidence) are serialised
   * once per write: the same text goes to disk and to memory. With `shared`, the steps of every change to the
   * record build a new value rather than edit the one they are given, so they get the shared parsed value (no
   * copy) and the value they built is kept as the new shared one (see SerializedRecords).
   */
  const slot = <V>(collection: Collection, key: string, records: Records<V>, onInstall?: (value: V | undefined) => void, shared = false): Slot<V> => {
    if (records instanceof SerializedRecords) {
      let text: string | undefined;
      return {
        read: () => (shared ? records.shared(key) : records.get(key)),
        write: (value) => {
          text = value === undefined ? undefined : JSON.stringify(value);
          return writer.putText ? writer.putText(collection, key, text) : writer.put(collection, key, value);
        },
        install: (value) => {
          if (value === undefined || text === undefined) records.delete(key);
          else if (shared) records.setShared(key, text, value);
          else records.setText(key, text, (value as { userId?: unknown }).userId);
          onInstall?.(value);
        },
      };
    }
    return {
      read: () => records.get(key),
      write: (value) => writer.put(collection, key, value),
      install: (value) => {
        if (value === undefined) records.delete(key);
        else records.set(key, value);
        onInstall?.(value);
      },
    };
  };
  const change = <V, R>(collection: Collection, key: string, records: Records<V>, step: (current: V | undefined) => Outcome<V, R>, onInstall?: (value: V | undefined) => void) =>
    reported(queue.change(`${collection}/${key}`, slot(collection, key, records, onInstall), step));
  /**
   * How a change reads, writes and installs one attempt: as slot() does, and a round of deltas alone is journalled
   * as those deltas and applied to the shared value in place once on disk (SerializedRecords.editable).
   */
  const attemptSlot = (attemptId: string, onInstall?: (value: Attempt | undefined) => void): Slot<Attempt> => {
    const whole = slot('attempts', attemptId, state.attempts, onInstall, true);
    if (!writer.putDeltas) return whole;
    return {
      ...whole,
      writeDeltas: (deltas) => writer.putDeltas!('attempts', attemptId, deltas, () => state.attempts.settle(attemptId)),
      installDeltas: (deltas) => {
        // A delta step found the record, and nothing removes an attempt while its change is queued.
        const target = state.attempts.editable(attemptId, ownCopy)!;
        for (const delta of deltas) applyDeltaInPlace(target, delta);
        onInstall?.(target);
      },
    };
  };
  /**
   * A change to an attempt. Every step of every change to an attempt goes through here and returns a new value
   * (sharing the parts it does not change) equal to its own JSON text, or a delta, never editing `current`:
   * `current` is the shared value (SerializedRecords), or the value an earlier step of the same round built.
   */
  const changeAttempt = <R>(attemptId: string, step: (current: Attempt | undefined) => Outcome<Attempt, R>, onInstall?: (value: Attempt | undefined) => void, readsNoDeltas = false) =>
    reported(queue.change(`attempts/${attemptId}`, attemptSlot(attemptId, onInstall), step, readsNoDeltas));
  /** A change to an open attempt: false when it is closed or unknown (nothing written). */
  const changeOpenAttempt = (attemptId: string, edit: (current: Attempt) => Attempt) =>
    changeAttempt<boolean>(attemptId, (current) => {
      if (!current || current.submittedAt !== null) return { result: false };
      return { next: edit(current), result: true };
    });
  /**
   * A delta to an open attempt (journalled as the delta alone): false when it is closed or unknown (nothing written).
   * Its step reads only whether the attempt exists and is open, which no delta changes.
   */
  const changeOpenAttemptBy = (attemptId: string, delta: Delta) =>
    changeAttempt<boolean>(
      attemptId,
      (current) => {
        if (!current || current.submittedAt !== null) return { result: false };
        return { result: true, delta };
      },
      undefined,
      true,
    );
  /** As JSON.parse of its text gives it back (no undefined members), so that it can be kept as a shared value. */
  const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  const snapshot = (): StoreSnapshot =>
    clone({
      users: [...state.users.values()],
      sessions: [...state.sessions.values()],
      attempts: [...state.attempts.values()],
      answerRecords: [...state.answerRecords.values()].flat(),
      progress: [...state.progress.values()],
      blueprintOverrides: [...state.blueprintOverrides.values()],
      importedQuestions: state.importedQuestions,
      assessments: [...state.assessments.values()],
      rectifications: [...state.rectifications.values()],
      evidence: [...state.evidence.values()],
      ledgerRecords: [...state.ledgerRecords.values()],
    });

  const deleteLedgerRecord = (id: string) => change<LedgerRecord, boolean>('ledger-records', id, state.ledgerRecords, (current) => (current ? { next: undefined, result: true } : { result: false }));
  const inLedgerFilter = (record: LedgerRecord, filter: { kind: LedgerRecord['kind']; enterpriseId?: string; region?: string }) =>
    record.kind === filter.kind && (filter.enterpriseId === undefined || record.enterpriseId === filter.enterpriseId) && (filter.region === undefined || record.region === filter.region);

  return withComposedOperations({
    findUserByName: async (username) => {
      const id = usersByName.get(username);
      return id === undefined ? undefined : clone(state.users.get(id));
    },
    // Users and sessions are flat records of strings: a spread is a full copy, and much cheaper than structuredClone
    // on the path every signed-in request takes (identify).
    findUser: async (id) => copyFlat(state.users.get(id)),
    countUsers: async () => state.users.size,
    // Serialised on the name, not the id: two registrations of one name meet in one queue.
    createUser: (user) =>
      reported(
        queue.change<User, void>(
          `user-name/${user.username}`,
          {
            read: () => undefined,
            write: (value) => writer.put('users', user.id, value),
            install: (value) => {
              state.users.set(user.id, value!);
              usersByName.set(user.username, user.id);
            },
          },
          (pendingInThisRound) => {
            if (usersByName.has(user.username) || pendingInThisRound) throw new UsernameTakenError(user.username);
            return { next: clone(user), result: undefined };
          },
        ),
      ),

    setPasswordHash: (userId, passwordHash) =>
      change('users', userId, state.users, (current) => {
        if (!current) throw new Error(`no user ${userId}`);
        return { next: { ...clone(current), passwordHash }, result: undefined };
      }),

    createSession: (session) => change('sessions', session.tokenHash, state.sessions, () => ({ next: clone(session), result: undefined })),
    deleteUserSessions: async (userId, exceptTokenHash) => {
      const ended = [...state.sessions.values()].filter((session) => session.userId === userId && session.tokenHash !== exceptTokenHash);
      for (const session of ended) await change('sessions', session.tokenHash, state.sessions, (current) => (current ? { next: undefined, result: undefined } : { result: undefined }));
    },
    findSession: async (tokenHash) => copyFlat(state.sessions.get(tokenHash)),
    deleteSession: (tokenHash) => change('sessions', tokenHash, state.sessions, (current) => (current ? { next: undefined, result: undefined } : { result: undefined })),

    createAttempt: (attempt) =>
      changeAttempt(attempt.id, () => ({ next: asStored(attempt), result: undefined }), (value) => value && addTo(attemptsByUser, value.userId, value.id)),
    findAttempt: async (id) => state.attempts.get(id),
    peekAttempt: async (id) => state.attempts.shared(id),
    listAttempts: async (userId) => ownedBy(attemptsByUser, state.attempts, userId),
    saveAnswer: (attemptId, questionId, answer) => changeOpenAttemptBy(attemptId, { op: 'answer', questionId, answer: [...answer] }),
    setMarked: (attemptId, questionId, marked) => changeOpenAttemptBy(attemptId, { op: 'marked', questionId, marked }),
    closeAttempt: async (attemptId, at) => {
      let closed: Attempt | undefined;
      const won = await changeOpenAttempt(attemptId, (current) => (closed = { ...current, submittedAt: at }));
      return won ? clone(closed) : undefined;
    },
    finishAttempt: async (attemptId, result) => {
      const found = await changeAttempt<boolean>(attemptId, (current) => (current ? { next: { ...current, ...asStored(result) }, result: true } : { result: false }));
      if (!found) throw new Error(`no such attempt: ${attemptId}`);
    },

    recordAnswers: async (records) => {
      const perUser = new Map<string, AnswerRecord[]>();
      for (const record of records) (perUser.get(record.userId) ?? perUser.set(record.userId, []).get(record.userId)!).push(clone(record));
      await Promise.all(
        [...perUser].map(([userId, added]) =>
          reported(
            queue.change<AnswerRecord[], void>(
              `answer-records/${userId}`,
              {
                read: () => undefined,
                write: (value) => writer.appendAnswerRecords(userId, value!),
                install: (value) => void (state.answerRecords.get(userId) ?? state.answerRecords.set(userId, []).get(userId)!).push(...value!),
              },
              // Queued appends of one round are written as one append.
              (earlier) => ({ next: [...(earlier ?? []), ...added], result: undefined }),
            ),
          ),
        ),
      );
    },
    answerRecords: async (filter = {}) => clone(filter.userId === undefined ? [...state.answerRecords.values()].flat() : (state.answerRecords.get(filter.userId) ?? [])),

    progress: async (userId) => clone(state.progress.get(userId) ?? newProgress(userId)),
    updateProgress: (userId, update) =>
      change('progress', userId, state.progress, (current) => {
        const draft = clone(current ?? newProgress(userId));
        update(draft);
        return { next: draft, result: clone(draft) };
      }),

    blueprintOverrides: async () => clone([...state.blueprintOverrides.values()]),
    saveBlueprintOverride: (override) => change('blueprint-overrides', override.blueprintId, state.blueprintOverrides, () => ({ next: clone(override), result: undefined })),

    importedQuestions: async () => clone(state.importedQuestions),
    importedQuestion: async (id) => {
      const found = state.importedQuestions.find((question) => question.id === id);
      return found && clone(found);
    },
    saveImportedQuestions: (questions) =>
      reported(
        queue.change<StoredQuestion[], void>(
          'imported-questions/bank',
          {
            read: () => state.importedQuestions,
            write: (value) => writer.put('imported-questions', 'bank', value),
            install: (value) => void (state.importedQuestions = value!),
          },
          (current) => {
            const latest = new Map(questions.map((question) => [question.id, clone(question)]));
            return { next: [...(current ?? []).filter((question) => !latest.has(question.id)), ...latest.values()], result: undefined };
          },
        ),
      ),

    saveAssessment: (record) => change('assessments', record.id, state.assessments, () => ({ next: clone(record), result: undefined }), (value) => value && addTo(assessmentsByUser, value.userId, value.id)),
    findAssessment: async (id) => clone(state.assessments.get(id)),
    listAssessments: async (userId) => ownedBy(assessmentsByUser, state.assessments, userId),

    rectifications: async (userId) => ownedBy(rectificationsByUser, state.rectifications, userId),
    saveRectification: (item) => change('rectifications', item.id, state.rectifications, () => ({ next: clone(item), result: undefined }), (value) => value && addTo(rectificationsByUser, value.userId, value.id)),

    countHit: async (key, windowMs, at) => {
      const now = Date.parse(at);
      const kept = (hits.get(key) ?? []).filter((hit) => hit.at > now - windowMs);
      kept.push({ at: now, expires: now + windowMs });
      hits.set(key, kept);
      return kept.length;
    },
    hits: async (key, windowMs, at) => {
      const now = Date.parse(at);
      return (hits.get(key) ?? []).filter((hit) => hit.at > now - windowMs && hit.at <= now).map((hit) => new Date(hit.at).toISOString());
    },
    clearHits: async (key) => void hits.delete(key),
    purgeExpired: async (at) => {
      const now = Date.parse(at);
      let purgedHits = 0;
      for (const [key, list] of hits) {
        const kept = list.filter((hit) => hit.expires > now);
        purgedHits += list.length - kept.length;
        if (kept.length === 0) hits.delete(key);
        else hits.set(key, kept);
      }
      const expired = [...state.sessions.values()].filter((session) => Date.parse(session.expiresAt) <= now);
      let purgedSessions = 0;
      for (const session of expired) {
        const gone = await change('sessions', session.tokenHash, state.sessions, (current) => (current && Date.parse(current.expiresAt) <= now ? { next: undefined, result: true } : { result: false }));
        if (gone) purgedSessions += 1;
      }
      return { sessions: purgedSessions, hits: purgedHits };
    },

    counts: async (): Promise<StoreCounts> => ({
      users: state.users.size,
      sessions: state.sessions.size,
      attempts: state.attempts.size,
      answerRecords: [...state.answerRecords.values()].reduce((sum, list) => sum + list.length, 0),
      progress: state.progress.size,
      blueprintOverrides: state.blueprintOverrides.size,
      importedQuestions: state.importedQuestions.length,
      assessments: state.assessments.size,
      rectifications: state.rectifications.size,
      evidence: state.evidence.size,
      ledgerRecords: state.ledgerRecords.size,
    }),
    snapshot: async () => snapshot(),
    close: () => writer.close(),
    idle: async () => writer.idle?.(),

    listUsers: async (filter = {}) =>
      clone([...state.users.values()].filter((user) => (filter.role === undefined || user.role === filter.role) && (filter.region === undefined || user.region === filter.region) && (filter.enterpriseId === undefined || user.enterpriseId === filter.enterpriseId))),
    assignUser: (userId, assignment) =>
      change<User, User | undefined>('users', userId, state.users, (current) => {
        if (!current) return { result: undefined };
        const next = assigned(current, assignment);
        return { next, result: clone(next) };
      }),

    saveEvidence: (file) => change('evidence', file.id, state.evidence, () => ({ next: clone(file), result: undefined })),
    findEvidence: async (id) => state.evidence.get(id),
    listEvidence: async (itemId) =>
      [...state.evidence.values()]
        .filter((file) => file.itemId === itemId)
        .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id))
        .map(({ dataBase64: _bytes, ...info }) => info),

    saveLedgerRecord: (record) => change('ledger-records', record.id, state.ledgerRecords, () => ({ next: clone(record), result: undefined })),
    changeLedgerRecord: (id, step) =>
      change<LedgerRecord, { record: LedgerRecord | undefined; changed: boolean }>('ledger-records', id, state.ledgerRecords, (current) => {
        const next = step(current && clone(current));
        if (next === undefined) return { result: { record: current && clone(current), changed: false } };
        if (next.id !== id) throw new Error(`changeLedgerRecord(${id}) returned the record ${next.id}`);
        return { next: clone(next), result: { record: clone(next), changed: true } };
      }),
    findLedgerRecord: async (id) => {
      const found = state.ledgerRecords.get(id);
      return found && clone(found);
    },
    deleteLedgerRecord,
    deleteLedgerRecords: async (filter) => {
      const old = [...state.ledgerRecords.values()].filter((record) => inLedgerFilter(record, filter) && ordinal(record.savedAt, filter.savedBefore) < 0);
      let deleted = 0;
      for (const record of old) if (await deleteLedgerRecord(record.id)) deleted += 1;
      return deleted;
    },
    listLedgerRecords: async (filter) =>
      [...state.ledgerRecords.values()]
        .filter((record) => inLedgerFilter(record, filter))
        .sort((a, b) => ordinal(a.savedAt, b.savedAt) || ordinal(a.id, b.id))
        .map(clone),
  });
};
