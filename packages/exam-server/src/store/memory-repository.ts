// The in-memory store: the same record logic as the embedded store with a writer that writes nothing. For
// tests and throwaway runs; everything is gone when the process ends.
import { createRecordRepository, emptyState, type RecordWriter } from './record-repository.js';
import type { Repository } from './repository.js';

const nowhere: RecordWriter = {
  put: async () => undefined,
  appendAnswerRecords: async () => undefined,
  close: async () => undefined,
};

export const createMemoryRepository = (): Repository => createRecordRepository(emptyState(), nowhere);
