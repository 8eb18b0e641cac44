// Durable writes of one document: a lowdb Adapter whose write is atomic (a temporary file under a unique name,
// fsync, rename over the document, fsync of the directory) and whose read validates the shape. Failures come
// back as StorageError naming the file; the document is then exactly as it was.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StorageError, storageErrorFromSystem } from './errors.js';
import { describeIssues } from './record-schemas.js';

/** Where a test injects a failure (ENOSPC, EROFS, …): called before each write step with the file concerned. */
export type FaultHook = (step: 'write' | 'rename' | 'append' | 'remove', file: string) => void;

/** Runs `task` so that each caller is covered by a run that began after its call; callers that arrive during a run share the next one. */
class Coalesced {
  private running: Promise<void> | undefined;
  private waiting: Promise<void> | undefined;
  constructor(private readonly task: () => Promise<void>) {}
  run(): Promise<void> {
    if (!this.running) return this.start();
    this.waiting ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.waiting = undefined;
        return this.start();
      });
    return this.waiting;
  }
  private start(): Promise<void> {
    const run: Promise<void> = this.task().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

const directorySyncs = new Map<string, Coalesced>();
/** fsync of a directory, so a rename or a new file in it survives a power cut; concurrent renames share one. */
export const syncDirectory = (directory: string): Promise<void> => {
  let sync = directorySyncs.get(directory);
  if (!sync) {
    sync = new Coalesced(async () => {
      const handle = await open(directory, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    directorySyncs.set(directory, sync);
  }
  return sync.run().catch((error: unknown) => {
    throw storageErrorFromSystem(error, directory, 'sync directory');
  });
};

let written = 0;
/** A temporary name no other writer (process or concurrent call) uses: the pid and a counter, plus randomness. */
const temporaryName = (file: string) => `${dirname(file)}/.${basename(file)}.${process.pid}.${(written += 1)}.${randomBytes(3).toString('hex')}.tmp`;

export const isTemporaryName = (name: string) => name.startsWith('.') && name.endsWith('.tmp');

/** Writes `content` to `file` atomically and durably. */
export const writeFileDurably = async (file: string, content: string, faults?: FaultHook): Promise<void> => {
  const temporary = temporaryName(file);
  let step = 'create';
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      step = 'write';
      faults?.('write', file);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    step = 'rename';
    faults?.('rename', file);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw storageErrorFromSystem(error, file, step);
  }
  await syncDirectory(dirname(file));
};

/** Removes `file` durably (absent is fine). */
export const removeFileDurably = async (file: string, faults?: FaultHook): Promise<void> => {
  try {
    faults?.('remove', file);
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw storageErrorFromSystem(error, file, 'remove');
  }
  await syncDirectory(dirname(file));
};

/** Reads and validates one JSON document; `label` is how errors name it (the path under the data directory). */
export const readDocument = async <T>(file: string, label: string, schema: z.ZodType<T>): Promise<T | null> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storageErrorFromSystem(error, label, 'read');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StorageError('corrupt', `${label}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new StorageError('corrupt', `${label}: ${describeIssues(result.error)}`);
  return result.data;
};

/** One document as a lowdb adapter: read validates, write is atomic and durable. */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly label: string,
    private readonly schema: z.ZodType<T>,
    private readonly faults?: FaultHook,
  ) {}
  read(): Promise<T | null> {
    return readDocument(this.file, this.label, this.schema);
  }
  write(data: T): Promise<void> {
    return writeFileDurably(this.file, `${JSON.stringify(data)}\n`, this.faults);
  }
}
