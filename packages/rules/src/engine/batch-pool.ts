// The worker threads of assessMany(): started when a batch first needs them, kept for the next batch
// (unreferenced while idle, so they never hold a process open), ended after a while without work.
import { Worker } from 'node:worker_threads';
import { ResultUnpacker } from './batch-transfer.js';

export interface PooledWorker {
  worker: Worker;
  /** Rebuilds this worker's results: it holds the rules and headers the worker has sent in its life. */
  unpacker: ResultUnpacker;
  alive: boolean;
}

/** Idle workers are ended after this long without a batch: each holds its own compiled documents. */
const idleLifetimeMs = 30_000;
const idle: PooledWorker[] = [];
let idleTimer: NodeJS.Timeout | undefined;

const start = (): PooledWorker => {
  let worker: Worker;
  if (!import.meta.url.endsWith('.ts')) worker = new Worker(new URL('./batch-worker.js', import.meta.url));
  else {
    // From source (tests, tsx): the worker registers tsx before it loads the TypeScript file.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./batch-worker.ts', import.meta.url).href;
    worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { eval: true });
  }
  const pooled: PooledWorker = { worker, unpacker: new ResultUnpacker(), alive: true };
  worker.once('exit', () => {
    pooled.alive = false;
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
  });
  // An error ends the worker; the batch that used it reports it (its own listener), an idle one is dropped.
  worker.on('error', () => undefined);
  return pooled;
};

/** `count` workers for one batch: idle ones first (already warm), new ones for the rest. */
export const takeWorkers = (count: number): { workers: PooledWorker[]; started: number } => {
  const workers = idle.splice(0, count).filter((pooled) => pooled.alive);
  const reused = workers.length;
  while (workers.length < count) workers.push(start());
  for (const { worker } of workers) worker.ref();
  if (idle.length === 0 && idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = undefined;
  }
  return { workers, started: count - reused };
};

/** Workers back from a batch: a worker still busy with a chunk nobody waits for is ended instead. */
export const returnWorkers = (workers: readonly PooledWorker[], busy: (pooled: PooledWorker) => boolean): void => {
  for (const pooled of workers) {
    if (!pooled.alive) continue;
    if (busy(pooled)) {
      pooled.alive = false;
      void pooled.worker.terminate();
      continue;
    }
    pooled.worker.unref();
    idle.push(pooled);
  }
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(endIdleWorkers, idleLifetimeMs);
  idleTimer.unref();
};

/** Ends every idle worker now (tests, and a program that wants its memory back). */
export const endIdleWorkers = async (): Promise<void> => {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  const ending = idle.splice(0, idle.length);
  await Promise.all(
    ending.map((pooled) => {
      pooled.alive = false;
      return pooled.worker.terminate();
    }),
  );
};
