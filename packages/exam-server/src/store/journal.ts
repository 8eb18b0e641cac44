// The embedded store's write-ahead journal: every change of every record is appended to one file and made
// durable with one fdatasync per round (group commit across records), so a busy server pays one disk flush
// for all the saves that arrived while the previous flush ran, instead of a file rewrite, rename and two
// flushes per save. A change is acknowledged only once its line is on disk. When the file passes a size, the
// journal moves on to a new file and writes the records the old one changed into their documents
// (checkpoint, in the background); the old file is deleted only after those documents are durable. At start
// lowdb-repository.ts replays whatever journal files are left over the documents.
//
//   journal/<sequence>.jsonl    one line per change: ["collection","key"]<TAB><the record as JSON, empty: removed>
//                               or, for a change smaller than its record (an answer saved, a question marked):
//                               ["collection","key","<delta>"]<TAB><its arguments as JSON>, applied at replay to
//                               the record as the lines and documents before it left it
//
// A delta line is not written for its size alone: the whole attempt (~12 KB) was serialised, joined and encoded
// for every one-answer save, most of a save's CPU. The checkpoint still writes whole records: a delta change
// carries `settle`, which the journal calls when it moves away from the file holding the change, once every
// change written to that file is in memory and before any written after it is: it fixes the record as it is then
// (the memory edits later deltas in place, on a copy from that moment on), and the checkpoint serialises that.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { removeFileDurably, syncDirectory, type FaultHook } from './durable-file.js';
import { StorageError, storageErrorFromSystem } from './errors.js';

/** One change: the record's JSON text (undefined removes it) and the document it ends up in. */
export interface JournalChange {
  collection: string;
  key: string;
  text: string | undefined;
  /** When set, the line(s) carry these deltas instead of `text` (which is then unused): [name, arguments as JSON]. */
  deltas?: readonly (readonly [string, string])[];
  /** With deltas: fixes the record as it is in memory now and returns its JSON text, serialised when asked. */
  settle?: () => () => string | undefined;
  /** The record's JSON text for the checkpoint, once known (settle, or replay). */
  full?: () => string | undefined;
  /** The record's document (for messages: the change that failed names it). */
  document: string;
}

/** A journal line; JSON never holds a raw tab, so the first tab ends the record's name. */
export const journalLine = (change: Pick<JournalChange, 'collection' | 'key' | 'text' | 'deltas'>) =>
  change.deltas
    ? change.deltas.map(([name, args]) => `${JSON.stringify([change.collection, change.key, name])}\t${args}\n`).join('')
    : `${JSON.stringify([change.collection, change.key])}\t${change.text ?? ''}\n`;

/** The change with its record's whole text (a delta change's serialised now, once settled): what a checkpoint writes. */
export const wholeChange = (change: JournalChange): JournalChange => {
  if (!change.full && !change.deltas) return change;
  // A delta change is settled when its file is moved away from; settling it here would be a bug, never a removal.
  if (!change.full) throw new Error(`${change.document}: a change written as deltas was checkpointed before it was settled`);
  return { collection: change.collection, key: change.key, text: change.full(), document: change.document };
};

/** Journal files sort by name in the order they were written. */
export const journalFileName = (sequence: number) => `${String(sequence).padStart(12, '0')}.jsonl`;

export interface JournalOptions {
  faults?: FaultHook | undefined;
  /** Size after which the journal moves to a new file and checkpoints the old one. */
  checkpointBytes: number;
  /** Makes a change the durable content of its document (checkpoint). */
  writeDocument: (change: JournalChange) => Promise<void>;
  /** A checkpoint that failed: its journal file stays (and is replayed at the next start), the operator is told. */
  onError: (error: StorageError) => void;
}

interface Waiting {
  change: JournalChange;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends, and with O_DSYNC each write returns once its bytes are on disk as fdatasync would leave them: one
 * system call and one trip to the thread pool per round instead of a write and an fdatasync. Where the platform
 * has no O_DSYNC the round calls datasync itself.
 */
const dataSync = constants.O_DSYNC as number | undefined;
const appendFlags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (dataSync ?? 0);

/** Fixes the record of every delta change in `changes` as memory holds it now (see JournalChange.settle). */
const settle = (changes: Map<string, JournalChange>) => {
  for (const change of changes.values()) if (change.settle) change.full = change.settle();
};

/** Runs `work` over `items`, at most `limit` at a time. */
const eachLimited = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[(next += 1) - 1]!);
    }),
  );
};

export class Journal {
  private waiting: Waiting[] = [];
  private flushing: Promise<void> | undefined;
  /** Bytes of acknowledged lines in the current file: anything after them was never acknowledged and is cut. */
  private size = 0;
  /** A failed round left bytes after `size` that it could not cut: the next round cuts them first. */
  private mustCut = false;
  /** The latest change per record written to the current file. */
  private changes = new Map<string, JournalChange>();
  /** Files moved away from whose changes are not yet all in their documents, oldest first. */
  private readonly unchecked: { file: string; changes: Map<string, JournalChange> }[] = [];
  private checkpointing: Promise<void> | undefined;
  private closed = false;
  /**
   * The current file, open while rounds keep coming: opening and closing it per round were two more trips to the
   * thread pool each. It is closed as soon as no round waits (and after a failed round), so an idle server holds no
   * file open for writing and an operator can still remount the data directory read-only.
   */
  private handle: FileHandle | undefined;
  private handleClosed: Promise<void> | undefined;

  private constructor(
    private readonly directory: string,
    private sequence: number,
    private readonly options: JournalOptions,
  ) {}

  /** Starts a new journal file after `lastSequence` (the files before it were replayed and checkpointed). */
  static async start(directory: string, lastSequence: number, options: JournalOptions): Promise<Journal> {
    const journal = new Journal(directory, lastSequence + 1, options);
    await journal.createFile();
    return journal;
  }

  private get file() {
    return join(this.directory, journalFileName(this.sequence));
  }

  /** Creates the current file durably, so appends to it need no directory flush. */
  private async createFile() {
    try {
      const handle = await open(this.file, 'a', 0o600);
      await handle.close();
    } catch (error) {
      throw storageErrorFromSystem(error, this.file, 'create');
    }
    await syncDirectory(this.directory);
  }

  /** Appends one change; resolves once it is on disk, rejects (and nothing of it stays) when it cannot be written. */
  append(change: JournalChange): Promise<void> {
    if (this.closed) return Promise.reject(new StorageError('unavailable', `${change.document}: the store is closed`));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ change, resolve, reject });
      this.flushing ??= this.flushRounds();
    });
  }

  /** One write and one fdatasync per round for every change that waited for it. */
  private async flushRounds(): Promise<void> {
    while (this.waiting.length > 0) {
      const round = this.waiting.splice(0);
      try {
        await this.write(round.map((waiting) => journalLine(waiting.change)).join(''));
        for (const { change } of round) this.changes.set(`${change.collection}\u0000${change.key}`, change);
        for (const waiting of round) waiting.resolve();
      } catch (error) {
        for (const waiting of round) waiting.reject(storageErrorFromSystem((error as { cause?: unknown }).cause ?? error, `${this.file} (the change of ${waiting.change.document})`, 'append to'));
      }
      if (this.size >= this.options.checkpointBytes && !this.checkpointing) await this.moveOn(true);
    }
    // Nothing waits: let go of the file (not awaited, so an append arriving now starts a new loop at once).
    this.release();
    this.flushing = undefined;
  }

  private async write(text: string) {
    const file = this.file;
    const bytes = Buffer.from(text, 'utf8');
    // No stat per round: the file holds exactly `size` acknowledged bytes unless a failed round could not cut its
    // partial line, which `mustCut` remembers.
    const handle = (this.handle ??= await open(file, appendFlags, 0o600));
    try {
      if (this.mustCut) {
        await handle.truncate(this.size);
        this.mustCut = false;
      }
      this.options.faults?.('append', file);
      for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
      if (dataSync === undefined) await handle.datasync();
      this.size += bytes.length;
    } catch (error) {
      await handle.truncate(this.size).then(
        () => (this.mustCut = false),
        () => (this.mustCut = true),
      );
      // A handle that failed is not trusted with the next round.
      this.release();
      throw error;
    }
  }

  /** Closes the held file, if any (in the background: close() waits for it). */
  private release() {
    const handle = this.handle;
    if (!handle) return;
    this.handle = undefined;
    // Chained, so waiting for the last close also waits for any earlier one still under way.
    const closing = handle.close().catch(() => undefined);
    this.handleClosed = this.handleClosed ? Promise.all([this.handleClosed, closing]).then(() => undefined) : closing;
  }

  /** Moves to a new file; the old one's changes go to their documents (in the background unless `background` is false). */
  private async moveOn(background: boolean) {
    const previous = { file: this.file, changes: this.changes };
    this.release();
    this.sequence += 1;
    try {
      await this.createFile();
    } catch (error) {
      // Stay on the current file: nothing is lost, the checkpoint waits for the next chance.
      this.sequence -= 1;
      this.options.onError(error as StorageError);
      return;
    }
    // The file's last round reached memory while the new file was created (its installs are microtasks, the
    // creation is I/O), and no later round is written before this returns.
    settle(previous.changes);
    this.unchecked.push(previous);
    this.changes = new Map();
    this.size = 0;
    this.mustCut = false;
    if (background) {
      this.checkpointing = this.checkpoint()
        .catch((error: unknown) => this.options.onError(storageErrorFromSystem(error, previous.file, 'checkpoint')))
        .finally(() => (this.checkpointing = undefined));
    }
  }

  /** Writes the documents of every moved-away file, oldest first, and deletes each file once they are durable. */
  private async checkpoint() {
    while (this.unchecked.length > 0) {
      const oldest = this.unchecked[0]!;
      await eachLimited([...oldest.changes.values()], 8, (change) => this.options.writeDocument(wholeChange(change)));
      await removeFileDurably(oldest.file);
      this.unchecked.shift();
    }
  }

  /**
   * Resolves once no round is being written and no checkpoint runs (what was queued before is then settled), and
   * the file let go of when the rounds stopped is closed.
   */
  async idle() {
    do {
      await this.flushing;
      await this.checkpointing;
      // release() closes the file in the background: without this, idle resolved while it was still open (the
      // test of it failed once in CI, under load).
      await this.handleClosed;
    } while (this.flushing || this.checkpointing);
  }

  /** Writes everything still queued, checkpoints every file and deletes them; after it the documents hold all. */
  async close() {
    this.closed = true;
    while (this.flushing) await this.flushing;
    while (this.checkpointing) await this.checkpointing;
    // Let the changes acknowledged in the last round reach memory before they are settled.
    await new Promise((resolve) => setImmediate(resolve));
    settle(this.changes);
    this.unchecked.push({ file: this.file, changes: this.changes });
    this.changes = new Map();
    await this.handleClosed;
    await this.checkpoint();
  }
}
