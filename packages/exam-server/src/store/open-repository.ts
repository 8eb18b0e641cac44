// Chooses the store: PostgreSQL when DATABASE_URL is set, the split lowdb documents in the data directory
// otherwise. Shared by the server and the migration command.
import { StorageError } from './errors.js';
import { openLowdbRepository } from './lowdb-repository.js';
import { describeDatabase, openPostgresRepository } from './postgres-repository.js';
import type { Repository } from './repository.js';

export interface OpenedRepository {
  repository: Repository;
  /** Where the data lives, for the start-up line (no password). */
  description: string;
}

/** The operator's log line for a storage failure met while serving (the request itself gets a 503). */
const logStorageError = (error: StorageError) => console.error(`存储错误 / storage error: ${error.toString()}`);

export const openRepository = async (settings: { databaseUrl?: string | undefined; dataDirectory: string }): Promise<OpenedRepository> =>
  settings.databaseUrl
    ? { repository: await openPostgresRepository(settings.databaseUrl, { onStorageError: logStorageError }), description: describeDatabase(settings.databaseUrl) }
    : { repository: await openLowdbRepository(settings.dataDirectory, { onStorageError: logStorageError }), description: settings.dataDirectory };
