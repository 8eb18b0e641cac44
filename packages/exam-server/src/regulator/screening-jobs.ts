// Screening as a server-side job: the upload is read and checked at once (a bad file is refused with its
// reason), then screened in the background while its progress can be polled (the API, or a page that
// refreshes itself without script). The job is a record in the store, so the poll reaches it on whichever
// server process on the store answers it: the process running the job writes its progress (at most twice a
// second) and its result there, and keeps its own jobs in memory for its own polls. A running job whose process
// has not written it for a minute stopped with that process, and is shown as interrupted. Jobs are kept a day;
// the rows they screened stay in the region's table (screening-results.ts).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { notFound, RequestError } from '../errors.js';
import type { LedgerRecord, Repository, User } from '../store/repository.js';
import { screen, type ScreeningResult } from './screening.js';
import { landScreening } from './screening-results.js';

const count = z.number().int().min(0);
/** What a finished job holds: screening.ts's result and where its rows landed (the type ties the two together). */
const outcome = z.strictObject({
  sector: z.string(),
  asOf: z.string(),
  rows: count,
  screened: z.array(z.strictObject({ row: z.number().int(), enterprise: z.string(), hazard: count, unknown: count, clear: count, hazards: z.array(z.string()) })),
  problems: z.array(z.strictObject({ row: z.number().int(), column: z.string(), fact: z.string(), message: z.string() })),
  landed: z.strictObject({ matched: count, withoutAccount: count }),
}) satisfies z.ZodType<ScreeningResult & { landed: { matched: number; withoutAccount: number } }>;
/** A job as stored, validated whenever it is read back. */
const screeningJob = z.strictObject({
  id: z.string(),
  regulatorId: z.string(),
  region: z.string(),
  sector: z.string(),
  asOf: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  total: count,
  done: count,
  startedAt: z.string(),
  /** When the process running it last wrote it. */
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: outcome.nullable(),
  error: z.string().nullable(),
});
export type ScreeningJob = z.infer<typeof screeningJob>;

/** Finished jobs this process keeps in memory for its own polls; the oldest finished go first. */
const keptJobs = 100;
/** Progress is written at most this often (ms). */
const progressEvery = 500;
/** A running job not written for this long (ms) stopped with its process. */
const silentFor = 60_000;
/** Jobs are removed from the store a day after they started. */
const keptFor = 24 * 60 * 60_000;

const recordId = (id: string) => `screening-job:${id}`;
const recordOf = (job: ScreeningJob): LedgerRecord => ({ id: recordId(job.id), kind: 'screening-job', enterpriseId: null, region: job.region, savedAt: job.startedAt, data: { ...job } });

export const createScreeningJobs = (repository: Repository, now: () => Date, newId: () => string = randomUUID) => {
  const jobs = new Map<string, ScreeningJob>();

  const forget = () => {
    const finished = [...jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - keptJobs))) jobs.delete(job.id);
  };

  /** Writes one job's state in order: each write waits for the one before, so an older state never lands last. */
  const writer = (job: ScreeningJob) => {
    let writing = Promise.resolve();
    let writtenAt = performance.now();
    return {
      write: () => {
        job.updatedAt = now().toISOString();
        const record = recordOf(job);
        writtenAt = performance.now();
        writing = writing.then(() => repository.saveLedgerRecord(record)).catch((error: unknown) => console.error(`筛查任务写入失败 / screening job not written: ${job.id}`, error instanceof Error ? error.message : typeof error));
        return writing;
      },
      due: () => performance.now() - writtenAt >= progressEvery,
    };
  };

  const run = async (job: ScreeningJob, sheet: { row: number; cells: string[] }[], progress: ReturnType<typeof writer>) => {
    try {
      const result = await screen(job.sector, job.asOf, sheet, (done, total) => {
        job.done = done;
        job.total = total;
        if (progress.due()) void progress.write();
      });
      // Uploads of one region landing at once keep each other's rows: the store changes the region's document a step at a time.
      const landed = await landScreening(repository, job.region, await repository.listUsers({ role: 'enterprise', region: job.region }), result, job.regulatorId, now().toISOString());
      job.result = { ...result, landed };
      job.state = 'done';
    } catch (error) {
      job.state = 'failed';
      job.error = error instanceof RequestError ? error.message : '筛查失败，请稍后重试 / the screening failed';
      if (!(error instanceof RequestError)) console.error(`筛查任务失败 / screening job failed: ${job.id}`, error instanceof Error ? error.stack : typeof error);
    } finally {
      job.finishedAt = now().toISOString();
      forget();
      await progress.write();
    }
  };

  return {
    /**
     * Starts screening a sheet already read: the job is in the store when this resolves (running), so any process
     * finds it. `finished` settles when it is done and written.
     */
    start: async (regulator: User, region: string, sector: string, asOf: string, sheet: { row: number; cells: string[] }[]) => {
      const at = now().toISOString();
      const job: ScreeningJob = { id: newId(), regulatorId: regulator.id, region, sector, asOf, state: 'running', total: 0, done: 0, startedAt: at, updatedAt: at, finishedAt: null, result: null, error: null };
      await repository.saveLedgerRecord(recordOf(job));
      await repository.deleteLedgerRecords({ kind: 'screening-job', region, savedBefore: new Date(now().getTime() - keptFor).toISOString() });
      jobs.set(job.id, job);
      const finished = run(job, sheet, writer(job));
      return { job, finished };
    },
    /** A job of this regulator's region, from this process or the store; any other is not found. */
    get: async (region: string, id: string): Promise<ScreeningJob> => {
      const own = jobs.get(id);
      if (own) {
        if (own.region !== region) throw notFound('筛查任务');
        return own;
      }
      const record = await repository.findLedgerRecord(recordId(id));
      if (!record || record.kind !== 'screening-job' || record.region !== region) throw notFound('筛查任务');
      const job = screeningJob.parse(record.data);
      if (job.state !== 'running' || now().getTime() - Date.parse(job.updatedAt) <= silentFor) return job;
      return { ...job, state: 'failed', finishedAt: job.updatedAt, error: '筛查中断：运行该任务的服务进程已停止，请重新上传 / interrupted: the server process running it stopped; upload the file again' };
    },
  };
};

export type ScreeningJobs = ReturnType<typeof createScreeningJobs>;
