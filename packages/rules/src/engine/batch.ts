// assessMany(): screens a batch of enterprises (an array or a stream), results in input order, a bad item
// reported without stopping the batch, large batches spread over worker threads.
import { availableParallelism } from 'node:os';
import { InputError } from '../validation/issues.js';
import { assessNow, type Assessment, type Explain } from './assess.js';
import { endIdleWorkers as endPooledWorkers, returnWorkers, takeWorkers, type PooledWorker } from './batch-pool.js';
import type { ItemError, PackedResults } from './batch-transfer.js';

export type { ItemError } from './batch-transfer.js';
/**
 * Ends assessMany's idle workers now (tests, and a program that wants its memory back). Defined here rather
 * than re-exported so that the public declarations never reach batch-pool's, which name Node's Worker type:
 * a consumer without @types/node must still type-check against @anquan/rules.
 */
export const endIdleWorkers = (): Promise<void> => endPooledWorkers();

export interface BatchItem {
  sector: string;
  facts: unknown;
  /** Overrides the batch's asOf for this item. */
  asOf?: string;
}

export type BatchResult = Assessment | ItemError;

export const isItemError = (result: BatchResult): result is ItemError => (result as ItemError).kind === 'item-error';

/**
 * Batches with fewer items than this stay on the calling thread even when workers are asked for. A new
 * worker must import the library, load rules-data and compile the documents of every sector it meets
 * (about 1.5 s for all eight sectors, measured), which is the time one thread takes to screen about ten
 * thousand typical enterprises; below a few thousand, starting workers cannot pay for itself.
 */
export const defaultInThreadBelow = 2_000;

export interface AssessManyOptions {
  asOf?: string;
  /** Reasons per finding, as in assess(); 'none' by default here, since a batch is read in summary. */
  explain?: Explain;
  /** Which findings each assessment keeps ('all' by default); the summary always counts every one. */
  findings?: 'all' | 'not-clear' | 'hazards';
  /**
   * Worker threads besides this one: 1 (the default) screens in this thread only; 'auto' starts one per
   * core but one. This thread screens too, while the workers start and whenever they are all busy, so
   * asking for workers never makes a batch wait for them. Workers are kept for the next batch (they do
   * not keep the process alive) and end after 30 s idle, or at `endIdleWorkers()`.
   */
  workers?: number | 'auto';
  /** Items sent to a worker at a time (200 by default). */
  chunkSize?: number;
  /** Fewer items than this are screened in this thread whatever `workers` says (`defaultInThreadBelow`). */
  inThreadBelow?: number;
  /**
   * With workers: whether this thread screens too (the default). false leaves every chunk to the
   * workers, for a caller whose thread has other work, such as a server's event loop.
   */
  callingThreadScreens?: boolean;
}

/** How a batch was screened: the value its generator returns when done. */
export interface BatchStats {
  items: number;
  /** Items screened in the calling thread and in worker threads. */
  inThread: number;
  inWorkers: number;
  /** Worker threads this batch started (0 when it reused warm ones or used none). */
  workersStarted: number;
}

type ItemSettings = Required<Pick<AssessManyOptions, 'explain' | 'findings'>> & { asOf: string | undefined };

/** Assesses one item of a batch; bad input becomes an ItemError, anything else is a real failure. */
export const assessItem = (item: unknown, index: number, settings: ItemSettings): BatchResult => {
  try {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new InputError([{ path: `items[${index}]`, message: 'expected an object { sector, facts }' }]);
    }
    const { sector, facts, asOf } = item as Partial<BatchItem>;
    // Only the findings kept are ever built; the summary still counts every one.
    return assessNow(sector as string, facts, { asOf: asOf ?? settings.asOf, explain: settings.explain }, settings.findings);
  } catch (error) {
    if (error instanceof InputError) return { kind: 'item-error', index, issues: error.issues, message: error.message };
    throw error;
  }
};

const settingsOf = (options: AssessManyOptions): ItemSettings => ({ asOf: options.asOf, explain: options.explain ?? 'none', findings: options.findings ?? 'all' });

const workerCount = (workers: AssessManyOptions['workers']): number => {
  if (workers === 'auto') return Math.max(1, availableParallelism() - 1);
  if (workers === undefined) return 1;
  if (!Number.isInteger(workers) || workers < 1) throw new InputError([{ path: 'options.workers', message: `expected a whole number ≥ 1 or "auto", got ${JSON.stringify(workers)}` }]);
  return workers;
};

const wholeNumber = (value: number | undefined, fallback: number, path: string, least: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < least) throw new InputError([{ path, message: `expected a whole number ≥ ${least}, got ${JSON.stringify(value)}` }]);
  return value;
};

/** Messages between this thread and a worker; `batch` tells one batch's replies from another's. */
export type ToWorker =
  | { kind: 'warm'; batch: number; sectors: string[]; asOf: string | undefined }
  | { kind: 'chunk'; batch: number; id: number; first: number; items: unknown[]; settings: ItemSettings };
export type FromWorker =
  | { kind: 'ready'; batch: number }
  | { kind: 'results'; batch: number; id: number; packed: PackedResults }
  | { kind: 'failure'; batch: number; id: number; message: string };

/**
 * Screens items and yields each result in input order. With `workers` > 1 and at least `inThreadBelow`
 * items, chunks go to worker threads as they become ready; results still come back in order. The
 * generator's return value says where the items were screened.
 */
export async function* assessMany(items: Iterable<BatchItem> | AsyncIterable<BatchItem>, options: AssessManyOptions = {}): AsyncGenerator<BatchResult, BatchStats, undefined> {
  const settings = settingsOf(options);
  const threads = workerCount(options.workers);
  const chunkSize = wholeNumber(options.chunkSize, 200, 'options.chunkSize', 1);
  const inThreadBelow = wholeNumber(options.inThreadBelow, defaultInThreadBelow, 'options.inThreadBelow', 0);
  const iterator = (Symbol.asyncIterator in items ? (items as AsyncIterable<BatchItem>)[Symbol.asyncIterator]() : (items as Iterable<BatchItem>)[Symbol.iterator]()) as AsyncIterator<BatchItem> | Iterator<BatchItem>;
  const stats: BatchStats = { items: 0, inThread: 0, inWorkers: 0, workersStarted: 0 };
  // The first items are read ahead to see whether the batch is large enough for workers.
  const head: unknown[] = [];
  let exhausted = false;
  while (threads > 1 && head.length < inThreadBelow) {
    const step = await iterator.next();
    if (step.done) {
      exhausted = true;
      break;
    }
    head.push(step.value);
  }
  if (threads <= 1 || exhausted) {
    for (const item of head) {
      yield assessItem(item, stats.items, settings);
      stats.items += 1;
      stats.inThread += 1;
    }
    for (;;) {
      const step = await iterator.next();
      if (step.done) break;
      yield assessItem(step.value, stats.items, settings);
      stats.items += 1;
      stats.inThread += 1;
    }
    return stats;
  }
  return yield* inWorkers(iterator, head, settings, threads, chunkSize, options.callingThreadScreens ?? true, stats);
}

let batches = 0;

interface Slot {
  pooled: PooledWorker;
  /** Warm for this batch: it has compiled the sectors of the first items. */
  ready: boolean;
  inFlight: number;
}

async function* inWorkers(
  iterator: AsyncIterator<BatchItem> | Iterator<BatchItem>,
  head: unknown[],
  settings: ItemSettings,
  threads: number,
  chunkSize: number,
  helps: boolean,
  stats: BatchStats,
): AsyncGenerator<BatchResult, BatchStats, undefined> {
  const batch = (batches += 1);
  const { workers, started } = takeWorkers(threads);
  stats.workersStarted = started;
  const slots: Slot[] = workers.map((pooled) => ({ pooled, ready: false, inFlight: 0 }));
  const done = new Map<number, BatchResult[]>();
  let failure: Error | undefined;
  // A message seen since the loop last looked: the loop then looks again before it waits.
  let news = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    news = true;
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const waitForNews = async () => {
    if (!news) await new Promise<void>((resolve) => (wake = resolve));
    news = false;
  };
  const detach = slots.map((slot) => {
    const onMessage = (message: FromWorker) => {
      if (message.batch !== batch) return;
      if (message.kind === 'ready') slot.ready = true;
      else {
        slot.inFlight -= 1;
        if (message.kind === 'failure') failure ??= new Error(message.message);
        else {
          // Unpacked on arrival, in the worker's order: a message may carry rules later ones refer to.
          const results = slot.pooled.unpacker.unpack(message.packed);
          stats.inWorkers += results.length;
          done.set(message.id, results);
        }
      }
      signal();
    };
    const onError = (error: Error) => {
      failure ??= error;
      signal();
    };
    const onExit = (code: number) => {
      failure ??= new Error(`a screening worker stopped (exit code ${code})`);
      signal();
    };
    const { worker } = slot.pooled;
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    return () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
  });

  let sent = 0;
  let nextToYield = 0;
  let read = 0;
  let exhausted = false;
  let headAt = 0;
  const readChunk = async (): Promise<{ id: number; first: number; items: unknown[] } | undefined> => {
    const items: unknown[] = [];
    while (items.length < chunkSize && headAt < head.length) items.push(head[headAt++]);
    while (items.length < chunkSize && !exhausted) {
      const step = await iterator.next();
      if (step.done) exhausted = true;
      else items.push(step.value);
    }
    if (headAt >= head.length) head.length = 0;
    if (items.length === 0) return undefined;
    const chunk = { id: sent, first: read, items };
    sent += 1;
    read += items.length;
    return chunk;
  };
  const finished = () => exhausted && headAt >= head.length;
  // Chunks read but not yet yielded, at most: bounds memory when a consumer or a worker is slow.
  const maxAhead = threads * 4 + 4;
  try {
    const sectors = [...new Set(head.map((item) => (item as Partial<BatchItem> | null)?.sector).filter((sector): sector is string => typeof sector === 'string'))];
    for (const slot of slots) slot.pooled.worker.postMessage({ kind: 'warm', batch, sectors, asOf: settings.asOf } satisfies ToWorker);
    for (;;) {
      if (failure) throw failure;
      while (done.has(nextToYield)) {
        const results = done.get(nextToYield)!;
        done.delete(nextToYield);
        nextToYield += 1;
        yield* results;
      }
      if (finished() && nextToYield === sent) break;
      // Warm workers take two chunks each, so that none waits while the next is read.
      for (const slot of slots) {
        while (slot.ready && slot.inFlight < 2 && !finished() && sent - nextToYield < maxAhead) {
          const chunk = await readChunk();
          if (!chunk) break;
          slot.inFlight += 1;
          slot.pooled.worker.postMessage({ kind: 'chunk', batch, ...chunk, settings } satisfies ToWorker);
        }
      }
      // No worker can take more (they are starting, or all busy): this thread screens the next chunk.
      if (helps && !done.has(nextToYield) && !finished() && sent - nextToYield < maxAhead) {
        const chunk = await readChunk();
        if (chunk) {
          done.set(
            chunk.id,
            chunk.items.map((item, offset) => assessItem(item, chunk.first + offset, settings)),
          );
          stats.inThread += chunk.items.length;
          // Let the event loop turn: the workers' messages ('ready', results) are not seen otherwise, since
          // reading an array and a consumer that does not wait on I/O only ever wait on microtasks.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        continue;
      }
      if (!done.has(nextToYield)) await waitForNews();
    }
    stats.items = read;
    return stats;
  } finally {
    for (const off of detach) off();
    // A worker still holding a chunk (the consumer stopped early, or a batch failed) is ended, not kept.
    returnWorkers(workers, (pooled) => slots.find((slot) => slot.pooled === pooled)!.inFlight > 0);
  }
}
