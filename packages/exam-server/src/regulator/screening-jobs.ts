// Screening as a server-side job: the upload is read and checked at once (a bad file is refused with its
// reason), then screened in the background while its progress can be polled (the API, or a page that
// refreshes itself without script). Jobs live in memory; their results land in the store when done.
import { randomUUID } from 'node:crypto';
import { notFound, RequestError } from '../errors.js';
import type { Repository, User } from '../store/repository.js';
import { screen, type ScreeningResult } from './screening.js';
import { landScreening } from './screening-results.js';

export interface ScreeningJob {
  id: string;
  regulatorId: string;
  region: string;
  sector: string;
  asOf: string;
  state: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  startedAt: string;
  finishedAt: string | null;
  result: (ScreeningResult & { landed: { matched: number; withoutAccount: number } }) | null;
  error: string | null;
}

/** Finished jobs kept for polling; the oldest finished go first. */
const keptJobs = 100;

export const createScreeningJobs = (repository: Repository, now: () => Date, newId: () => string = randomUUID) => {
  const jobs = new Map<string, ScreeningJob>();

  const forget = () => {
    const finished = [...jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - keptJobs))) jobs.delete(job.id);
  };

  const run = async (job: ScreeningJob, sheet: { row: number; cells: string[] }[]) => {
    try {
      const result = await screen(job.sector, job.asOf, sheet, (done, total) => {
        job.done = done;
        job.total = total;
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
    }
  };

  return {
    /** Starts screening a sheet already read; resolves the job at once (running). `finished` settles when it is done. */
    start: (regulator: User, region: string, sector: string, asOf: string, sheet: { row: number; cells: string[] }[]) => {
      const job: ScreeningJob = { id: newId(), regulatorId: regulator.id, region, sector, asOf, state: 'running', total: 0, done: 0, startedAt: now().toISOString(), finishedAt: null, result: null, error: null };
      jobs.set(job.id, job);
      const finished = run(job, sheet);
      return { job, finished };
    },
    /** A job of this regulator's region; any other is not found. */
    get: (region: string, id: string): ScreeningJob => {
      const job = jobs.get(id);
      if (!job || job.region !== region) throw notFound('筛查任务');
      return job;
    },
  };
};

export type ScreeningJobs = ReturnType<typeof createScreeningJobs>;
