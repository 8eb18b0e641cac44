// Group commit for answer saves on PostgreSQL: saves that arrive while earlier ones are being written go to the
// database together, as one conditional UPDATE and one commit (one WAL flush) for all of them. Each save is still
// acknowledged only after the commit that holds it, and each row keeps its own conditions, so durability and the
// submit-against-save contract are unchanged; what is saved is the number of commits and round trips.
import type { OwnAnswer } from './repository.js';

export interface AnswerBatchOptions {
  /** Saves per statement at most (default 64). */
  maxBatch?: number;
  /** Batches written at once (default 2): one can commit while the next is sent. */
  maxInFlight?: number;
}

export interface AnswerBatchWriters {
  /** Writes several saves (at most one per attempt) in one statement; resolves the indexes of those stored. */
  many(saves: OwnAnswer[]): Promise<Set<number>>;
  /** Writes one save alone (a lone save, and each save of a batch whose statement failed). */
  one(save: OwnAnswer): Promise<boolean>;
}

interface Pending {
  save: OwnAnswer;
  resolve: (saved: boolean) => void;
  reject: (error: unknown) => void;
}

/** Returns `save`, which resolves like saveOwnAnswer once the save's batch has committed. */
export const createAnswerBatcher = (writers: AnswerBatchWriters, options: AnswerBatchOptions = {}) => {
  const maxBatch = options.maxBatch ?? 64;
  const maxInFlight = options.maxInFlight ?? 2;
  const queue: Pending[] = [];
  /** Attempts with a save being written: a later save to one of them waits, so saves to one attempt stay in order. */
  const writing = new Set<string>();
  let inFlight = 0;

  /** The oldest waiting saves, one per attempt not being written. */
  const take = (): Pending[] => {
    const batch: Pending[] = [];
    const taken = new Set<string>();
    for (let index = 0; index < queue.length && batch.length < maxBatch; ) {
      const attemptId = queue[index]!.save.attemptId;
      if (taken.has(attemptId) || writing.has(attemptId)) {
        taken.add(attemptId);
        index += 1;
        continue;
      }
      taken.add(attemptId);
      batch.push(...queue.splice(index, 1));
    }
    return batch;
  };

  const write = async (batch: Pending[]) => {
    if (batch.length > 1) {
      let stored: Set<number> | undefined;
      try {
        stored = await writers.many(batch.map((pending) => pending.save));
      } catch {
        // A failed statement stored nothing (deadlock with another process's batch, a bad row): each save is tried
        // alone, so one row's failure is reported for that save only.
      }
      if (stored) {
        batch.forEach((pending, index) => pending.resolve(stored.has(index)));
        return;
      }
    }
    await Promise.all(batch.map((pending) => writers.one(pending.save).then(pending.resolve, pending.reject)));
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = take();
      if (batch.length === 0) return;
      inFlight += 1;
      for (const pending of batch) writing.add(pending.save.attemptId);
      void write(batch).finally(() => {
        inFlight -= 1;
        for (const pending of batch) writing.delete(pending.save.attemptId);
        pump();
      });
    }
  };

  return (save: OwnAnswer): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      queue.push({ save, resolve, reject });
      pump();
    });
};
