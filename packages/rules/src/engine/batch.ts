// assessMany(): screens a batch of enterprises (an array or a stream), results in input order, a bad item
// reported without stopping the batch, large batches spread over worker threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, type InputIssue } from '../validation/issues.js';
import { assessNow, type Assessment, type Explain } from './assess.js';

export interface BatchItem {
  sector: string;
  facts: unknown;
  /** Overrides the batch's asOf for this item. */
  asOf?: string;
}

/** An item that could not be assessed: where it was in the input, and every field at fault. */
export interface ItemError {
  kind: 'item-error';
  index: number;
  issues: InputIssue[];
  message: string;
}

export type BatchResult = Assessment | ItemError;

export const isItemError = (result: BatchResult): result is ItemError => (result as ItemError).kind === 'item-error';

export interface AssessManyOptions {
  asOf?: string;
  /** Reasons per finding, as in assess(); 'none' by default here, since a batch is read in summary. */
  explain?: Explain;
  /** Which findings each assessment keeps ('all' by default); the summary always counts every one. */
  findings?: 'all' | 'not-clear' | 'hazards';
  /** Worker threads: 1 (the default) screens in this thread; 'auto' uses every core but one. */
  workers?: number | 'auto';
  /** Items sent to a worker at a time. */
  chunkSize?: number;
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

/**
 * Screens items one by one and yields each result in input order. With `workers` > 1 the items go in
 * chunks to worker threads; results still come back in order.
 */
export async function* assessMany(items: Iterable<BatchItem> | AsyncIterable<BatchItem>, options: AssessManyOptions = {}): AsyncGenerator<BatchResult> {
  const settings = settingsOf(options);
  const threads = workerCount(options.workers);
  if (threads <= 1) {
    let index = 0;
    for await (const item of items) {
      yield assessItem(item, index, settings);
      index += 1;
    }
    return;
  }
  yield* inWorkers(items, settings, threads, options.chunkSize ?? 200);
}

const startWorker = (settings: ItemSettings): Worker => {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: settings });
  // From source (tests, tsx): the worker registers tsx before it loads the TypeScript file.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./batch-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { eval: true, workerData: settings });
};

interface Chunk {
  id: number;
  first: number;
  items: unknown[];
}
type Reply = { id: number; results: BatchResult[] } | { id: number; failure: string };

async function* inWorkers(items: Iterable<BatchItem> | AsyncIterable<BatchItem>, settings: ItemSettings, threads: number, chunkSize: number): AsyncGenerator<BatchResult> {
  const pool = Array.from({ length: threads }, () => startWorker(settings));
  const busy = new Map<Worker, number>(pool.map((worker) => [worker, 0]));
  const done = new Map<number, BatchResult[]>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const waitForNews = () => new Promise<void>((resolve) => (wake = resolve));
  for (const worker of pool) {
    worker.on('message', (reply: Reply) => {
      busy.set(worker, busy.get(worker)! - 1);
      if ('failure' in reply) failure ??= new Error(reply.failure);
      else done.set(reply.id, reply.results);
      signal();
    });
    worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
  }
  const iterator = (Symbol.asyncIterator in items ? (items as AsyncIterable<BatchItem>)[Symbol.asyncIterator]() : (items as Iterable<BatchItem>)[Symbol.iterator]()) as AsyncIterator<BatchItem> | Iterator<BatchItem>;
  let sent = 0;
  let nextToYield = 0;
  let read = 0;
  let exhausted = false;
  const readChunk = async (): Promise<Chunk | undefined> => {
    const chunk: Chunk = { id: sent, first: read, items: [] };
    while (chunk.items.length < chunkSize) {
      const step = await iterator.next();
      if (step.done) {
        exhausted = true;
        break;
      }
      chunk.items.push(step.value);
    }
    read += chunk.items.length;
    return chunk.items.length > 0 ? chunk : undefined;
  };
  try {
    for (;;) {
      if (failure) throw failure;
      // Keep every worker fed with two chunks, so none waits while the next is read.
      let idle = pool.find((worker) => busy.get(worker)! < 2);
      while (!exhausted && idle) {
        const chunk = await readChunk();
        if (!chunk) break;
        busy.set(idle, busy.get(idle)! + 1);
        idle.postMessage(chunk);
        sent += 1;
        idle = pool.find((worker) => busy.get(worker)! < 2);
      }
      while (done.has(nextToYield)) {
        const results = done.get(nextToYield)!;
        done.delete(nextToYield);
        nextToYield += 1;
        yield* results;
      }
      if (exhausted && nextToYield === sent) return;
      if (!done.has(nextToYield)) await waitForNews();
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
