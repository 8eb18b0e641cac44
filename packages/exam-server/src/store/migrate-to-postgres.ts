// Copies an embedded data directory into an empty PostgreSQL database and checks that both hold the same:
// the same number of records per collection and the same records (a digest of each collection).
//   DATABASE_URL=postgresql://… pnpm migrate:postgres <data-directory>
// Stop the server first: the copy takes the directory's lock, so a running server makes it refuse.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataDirectoryLockedError, StorageError } from './errors.js';
import { openLowdbRepository } from './lowdb-repository.js';
import { describeDatabase, openPostgresRepository } from './postgres-repository.js';
import type { Repository, StoreCounts, StoreSnapshot } from './repository.js';

export interface MigrationReport {
  counts: { collection: keyof StoreCounts; source: number; target: number; same: boolean }[];
  ok: boolean;
}

/** Each collection in a fixed order and its digest: two stores holding the same records give the same digests. */
const digests = (snapshot: StoreSnapshot): Record<keyof StoreSnapshot, string> => {
  const keyOf: { [K in keyof StoreSnapshot]: (record: StoreSnapshot[K][number]) => string } = {
    users: (record) => record.id,
    sessions: (record) => record.tokenHash,
    attempts: (record) => record.id,
    answerRecords: (record) => `${record.userId}|${record.at}|${record.questionId}|${String(record.correct)}`,
    progress: (record) => record.userId,
    blueprintOverrides: (record) => record.blueprintId,
    importedQuestions: (record) => record.id,
    assessments: (record) => record.id,
    rectifications: (record) => record.id,
    evidence: (record) => record.id,
    ledgerRecords: (record) => record.id,
  };
  const sortedKeys = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sortedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, sortedKeys(inner)])) : value;
  return Object.fromEntries(
    (Object.keys(keyOf) as (keyof StoreSnapshot)[]).map((name) => {
      const key = keyOf[name] as (record: unknown) => string;
      const ordered = [...(snapshot[name] as unknown[])].map((record) => [key(record), JSON.stringify(sortedKeys(record))]).sort(([a, x], [b, y]) => a!.localeCompare(b!) || x!.localeCompare(y!));
      return [name, createHash('sha256').update(JSON.stringify(ordered)).digest('hex')];
    }),
  ) as Record<keyof StoreSnapshot, string>;
};

/** Runs `work` over `items`, `limit` at a time. */
const eachLimited = async <T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) => {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[(next += 1) - 1]!);
  }));
};

/** Copies every record of `source` into `target` (which must be empty) and compares what both then hold. */
export const copyStore = async (source: Repository, target: Repository, log: (line: string) => void = () => undefined): Promise<MigrationReport> => {
  const existing = await target.counts();
  const occupied = Object.entries(existing).filter(([, count]) => count > 0);
  if (occupied.length > 0) throw new Error(`目标数据库不是空的，未复制 / the target database is not empty (${occupied.map(([name, count]) => `${name} ${count}`).join(', ')}); nothing copied`);
  const snapshot = await source.snapshot();
  await eachLimited(snapshot.users, 8, (user) => target.createUser(user));
  await eachLimited(snapshot.sessions, 8, (session) => target.createSession(session));
  log(`users ${snapshot.users.length}, sessions ${snapshot.sessions.length}`);
  await eachLimited(snapshot.attempts, 8, (attempt) => target.createAttempt(attempt));
  log(`attempts ${snapshot.attempts.length}`);
  for (let start = 0; start < snapshot.answerRecords.length; start += 1000) await target.recordAnswers(snapshot.answerRecords.slice(start, start + 1000));
  await eachLimited(snapshot.progress, 8, (progress) => target.updateProgress(progress.userId, (stored) => Object.assign(stored, progress)));
  for (const override of snapshot.blueprintOverrides) await target.saveBlueprintOverride(override);
  if (snapshot.importedQuestions.length > 0) await target.saveImportedQuestions(snapshot.importedQuestions);
  await eachLimited(snapshot.assessments, 8, (record) => target.saveAssessment(record));
  await eachLimited(snapshot.rectifications, 8, (item) => target.saveRectification(item));
  // Evidence carries its bytes (up to a few MB each): fewer at a time.
  await eachLimited(snapshot.evidence, 4, (file) => target.saveEvidence(file));
  await eachLimited(snapshot.ledgerRecords, 8, (record) => target.saveLedgerRecord(record));
  log(`answer records ${snapshot.answerRecords.length}, progress ${snapshot.progress.length}, assessments ${snapshot.assessments.length}, rectification items ${snapshot.rectifications.length}, evidence files ${snapshot.evidence.length}, ledger records ${snapshot.ledgerRecords.length}`);

  const [sourceCounts, targetCounts] = [await source.counts(), await target.counts()];
  const [sourceDigests, targetDigests] = [digests(snapshot), digests(await target.snapshot())];
  const counts = (Object.keys(sourceCounts) as (keyof StoreCounts)[]).map((collection) => ({
    collection,
    source: sourceCounts[collection],
    target: targetCounts[collection],
    same: sourceCounts[collection] === targetCounts[collection] && sourceDigests[collection] === targetDigests[collection],
  }));
  return { counts, ok: counts.every((row) => row.same) };
};

const main = async () => {
  const directory = process.argv[2];
  const databaseUrl = process.env.DATABASE_URL;
  if (!directory || !databaseUrl) {
    console.error('用法 / usage: DATABASE_URL=postgresql://… pnpm migrate:postgres <data-directory>');
    return 2;
  }
  let source: Repository | undefined;
  let target: Repository | undefined;
  try {
    source = await openLowdbRepository(resolve(directory));
    target = await openPostgresRepository(databaseUrl);
    console.log(`复制 / copying ${resolve(directory)} → ${describeDatabase(databaseUrl)}`);
    const report = await copyStore(source, target, (line) => console.log(`  ${line}`));
    console.log(`\n${'collection'.padEnd(20)} ${'lowdb'.padStart(8)} ${'postgres'.padStart(9)}  same records`);
    for (const row of report.counts) console.log(`${row.collection.padEnd(20)} ${String(row.source).padStart(8)} ${String(row.target).padStart(9)}  ${row.same ? 'yes' : 'NO'}`);
    console.log(report.ok ? '\n迁移完成，记录一致 / migrated: every collection matches' : '\n迁移后记录不一致 / MISMATCH after copying: see the rows marked NO');
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof StorageError) console.error(`无法迁移 / cannot migrate: ${error.toString()}`);
    else if (error instanceof DataDirectoryLockedError) console.error(`${error.message}\n请先停止服务 / stop the server first.`);
    else console.error((error as Error).message);
    return 1;
  } finally {
    await source?.close();
    await target?.close();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
