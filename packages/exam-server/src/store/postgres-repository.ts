// The scale-out store: PostgreSQL through the `pg` driver, selected by DATABASE_URL. Several server processes
// on one database behave as one: sessions, rate-limit hits and attempts live there, a submit is one
// conditional UPDATE (exactly one caller closes an attempt; a save after it stores nothing), read-modify-write
// changes run in a transaction holding the row. The schema comes from postgres-migrations.ts, applied at start.
// The request path is short: a signed-in request reads its session and user in one join, an answer save is one
// conditional INSERT of a row shared with the saves arriving meanwhile (one commit for all), both as prepared
// statements. The answers of an open attempt are rows of attempt_answers (migration 5), folded into the attempt
// when it closes; every read of an attempt merges the two (attemptReadColumns).
import pg from 'pg';
import { StorageError, UsernameTakenError, type StorageFailure } from './errors.js';
import { createBatcher, type BatchOptions } from './postgres-batch.js';
import { migrations } from './postgres-migrations.js';
import type { RecordRepositoryOptions } from './record-repository.js';
import type { EvidenceFile, EvidenceInfo, LedgerRecord, OwnAnswer } from './repository.js';
import type { AnswerRecord, AssessmentRecord, Attempt, BlueprintOverride, Progress, RectificationItem, Repository, Session, StoreCounts, StoredQuestion, User } from './repository.js';

/** Arbitrary constant naming the migration lock among the database's advisory locks. */
const migrationLock = 7_318_204_551;

/** The database a URL names, without user or password (for messages and logs). */
export const describeDatabase = (url: string): string => {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'local socket';
    return `postgresql://${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (unparseable DATABASE_URL)';
  }
};

/** SQLSTATE classes a person can act on; anything else (connection refused, shutdown, …) is "unavailable". */
const failureOf = (error: unknown): StorageFailure => {
  const code = (error as { code?: string }).code ?? '';
  if (code === '53100') return 'disk-full';
  if (code === '25006' || code === '42501') return 'read-only';
  if (code === 'XX001' || code === 'XX002') return 'corrupt';
  return 'unavailable';
};

const newProgress = (userId: string): Progress => ({ userId, positions: {}, mistakes: {}, favourites: [], seen: [] });
const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

interface AttemptRow {
  id: string;
  user_id: string;
  blueprint_id: string;
  mode: Attempt['mode'];
  seed: string;
  question_ids: string[];
  option_order: Record<string, string[]>;
  answers: Record<string, string[]>;
  marked: string[];
  started_at: string;
  deadline: string | null;
  submitted_at: string | null;
  score: number | null;
  max_score: number;
  pass_mark: number;
  passed: boolean | null;
  earned: Record<string, number>;
}

const attemptOf = (row: AttemptRow): Attempt => ({
  id: row.id,
  userId: row.user_id,
  blueprintId: row.blueprint_id,
  mode: row.mode,
  seed: row.seed,
  questionIds: row.question_ids,
  optionOrder: row.option_order,
  answers: row.answers,
  marked: row.marked,
  startedAt: row.started_at,
  deadline: row.deadline,
  submittedAt: row.submitted_at,
  score: row.score,
  maxScore: row.max_score,
  passMark: row.pass_mark,
  passed: row.passed,
  earned: row.earned,
});

const userOf = (row: { id: string; username: string; display_name: string; role: User['role']; password_hash: string; created_at: string; region?: string | null; enterprise_id?: string | null }): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  ...(typeof row.region === 'string' ? { region: row.region } : {}),
  ...(typeof row.enterprise_id === 'string' ? { enterpriseId: row.enterprise_id } : {}),
});

const sessionOf = (row: { token_hash: string; user_id: string; created_at: string; expires_at: Date }): Session => ({ tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: iso(row.expires_at) });

const answerRecordOf = (row: { user_id: string; question_id: string; chapter: string; correct: boolean; at: string }): AnswerRecord => ({ userId: row.user_id, questionId: row.question_id, chapter: row.chapter, correct: row.correct, at: row.at });

const userColumns = 'id, username, display_name, role, password_hash, created_at, region, enterprise_id';
const attemptColumns = 'id, user_id, blueprint_id, mode, seed, question_ids, option_order, answers, marked, started_at, deadline, submitted_at, score, max_score, pass_mark, passed, earned';
/**
 * The columns of an attempt as read: the answers folded into the row at its close (or given with the record), with
 * the rows its saves wrote since over them.
 */
const attemptReadColumns = attemptColumns.replace(
  'answers',
  "attempts.answers || coalesce((SELECT jsonb_object_agg(saved.question_id, saved.answer) FROM attempt_answers AS saved WHERE saved.attempt_id = attempts.id), '{}'::jsonb) AS answers",
);
const attemptValues = (attempt: Attempt) => [
  attempt.id,
  attempt.userId,
  attempt.blueprintId,
  attempt.mode,
  attempt.seed,
  JSON.stringify(attempt.questionIds),
  JSON.stringify(attempt.optionOrder),
  JSON.stringify(attempt.answers),
  JSON.stringify(attempt.marked),
  attempt.startedAt,
  attempt.deadline,
  attempt.submittedAt,
  attempt.score,
  attempt.maxScore,
  attempt.passMark,
  attempt.passed,
  JSON.stringify(attempt.earned),
];

const saveLedgerRecordSql =
  'INSERT INTO ledger_records (id, kind, enterprise_id, region, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, enterprise_id = EXCLUDED.enterprise_id, region = EXCLUDED.region, record = EXCLUDED.record';
const ledgerRecordValues = (record: LedgerRecord) => [record.id, record.kind, record.enterpriseId, record.region, JSON.stringify(record)];
/** The ledger records of one kind, for one enterprise and/or region when given: $1–$3 of ledgerFilterValues. */
const ledgerFilterSql = 'kind = $1 AND ($2::text IS NULL OR enterprise_id = $2) AND ($3::text IS NULL OR region = $3)';
const ledgerFilterValues = (filter: { kind: LedgerRecord['kind']; enterpriseId?: string; region?: string }) => [filter.kind, filter.enterpriseId ?? null, filter.region ?? null];
/** Arbitrary constant naming the ledger records' key space among the two-number advisory locks. */
const ledgerRecordLocks = 51_207;

/** Applies the migrations the database has not seen yet; returns the versions applied now. */
export const migrate = async (pool: pg.Pool): Promise<number[]> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const now: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      now.push(migration.version);
    }
    await client.query('COMMIT');
    return now;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

export interface PostgresRepositoryOptions extends RecordRepositoryOptions {
  /** Connections per process (default 10). */
  poolSize?: number;
  /** How concurrent answer saves and session lookups are grouped into one statement. */
  batch?: BatchOptions;
}

/** Connects, applies pending migrations and returns the repository; a database it cannot reach is a StorageError. */
export const openPostgresRepository = async (databaseUrl: string, options: PostgresRepositoryOptions = {}): Promise<Repository> => {
  const where = describeDatabase(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks (server restart) must not end the process; the next query reconnects.
  pool.on('error', (error) => console.error(`PostgreSQL ${where}: idle connection lost: ${error.message}`));

  const fail = (operation: string, error: unknown): never => {
    if (error instanceof StorageError || error instanceof UsernameTakenError) throw error;
    const storageError = new StorageError(failureOf(error), `${where} ${operation}: ${(error as Error).message ?? String(error)}`, { cause: error });
    options.onStorageError?.(storageError);
    throw storageError;
  };
  const query = async <R extends pg.QueryResultRow>(operation: string, text: string, values: unknown[] = []) => {
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      return fail(operation, error);
    }
  };
  /**
   * A statement on the request path, prepared once per connection under its name: PostgreSQL parses and plans it
   * once, and later runs send only the values. The text must stay one statement with explicit columns.
   */
  const prepared = async <R extends pg.QueryResultRow>(name: string, operation: string, text: string, values: unknown[]) => {
    try {
      return await pool.query<R>({ name, text, values });
    } catch (error) {
      return fail(operation, error);
    }
  };
  const transaction = async <T>(operation: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      return fail(operation, error);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      return fail(operation, error);
    } finally {
      client.release();
    }
  };
  /** Insert or replace a record kept as jsonb; a replaced record moves to the end, as in the embedded store. */
  const upsertRecord = (table: string, keyColumn: string, key: string, record: unknown, userId?: string) =>
    query(
      `save ${table}`,
      userId === undefined
        ? `INSERT INTO ${table} (${keyColumn}, record) VALUES ($1, $2) ON CONFLICT (${keyColumn}) DO UPDATE SET record = EXCLUDED.record, position = EXCLUDED.position`
        : `INSERT INTO ${table} (${keyColumn}, user_id, record) VALUES ($1, $3, $2) ON CONFLICT (${keyColumn}) DO UPDATE SET record = EXCLUDED.record, user_id = EXCLUDED.user_id, position = EXCLUDED.position`,
      userId === undefined ? [key, JSON.stringify(record)] : [key, JSON.stringify(record), userId],
    );

  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StorageError(failureOf(error), `${where}: cannot connect or apply migrations: ${(error as Error).message}`, { cause: error });
  }

  // One conditional INSERT checks what the service would have read the attempt for (owner, open, deadline, paper)
  // and the session the save came with, and writes the answer's row; holding the attempt FOR SHARE, like saveAnswer
  // it waits for, and then loses to, a concurrent close. Concurrent saves share it and one commit
  // (postgres-batch.ts); a lone save is a batch of one. The attempts are locked in id order, so two processes'
  // batches over the same attempts cannot deadlock.
  /** Runs the INSERT for one or several saves (at most one per attempt); which of them were stored, in order. */
  const runSaves = async (saves: OwnAnswer[]): Promise<boolean[]> => {
    const stored = await pool.query<{ attempt_id: string }>({
      name: 'anquan_save_own_answers',
      text: `INSERT INTO attempt_answers (attempt_id, question_id, answer)
             SELECT batch.attempt_id, batch.question_id, batch.answer
               FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::text[]) AS batch (attempt_id, user_id, question_id, answer, at, session_hash)
               JOIN attempts ON attempts.id = batch.attempt_id
              WHERE attempts.user_id = batch.user_id AND attempts.submitted_at IS NULL AND attempts.question_ids ? batch.question_id
                AND (attempts.deadline IS NULL OR attempts.deadline::timestamptz >= batch.at)
                AND (batch.session_hash IS NULL OR EXISTS (SELECT 1 FROM sessions WHERE sessions.token_hash = batch.session_hash AND sessions.user_id = batch.user_id AND sessions.expires_at > batch.at))
              ORDER BY batch.attempt_id
                FOR SHARE OF attempts
             ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer = EXCLUDED.answer
             RETURNING attempt_id`,
      values: [
        saves.map((save) => save.attemptId),
        saves.map((save) => save.userId),
        saves.map((save) => save.questionId),
        saves.map((save) => JSON.stringify(save.answer)),
        saves.map((save) => save.at),
        saves.map((save) => save.sessionHash ?? null),
      ],
    });
    const saved = new Set(stored.rows.map((row) => row.attempt_id));
    return saves.map((save) => saved.has(save.attemptId));
  };
  const saveOwnAnswer = createBatcher<OwnAnswer, boolean>(
    {
      keyOf: (save) => save.attemptId,
      one: async (save) => (await runSaves([save]).catch((error: unknown) => fail('save answer', error)))[0]!,
      // Not through `fail`: a failed batch is retried save by save, and only those failures are reported.
      many: (saves) => runSaves(saves),
    },
    options.batch,
  );

  // Every signed-in request starts here: the session and its user in one join, shared by the requests meanwhile.
  const sessionUserColumns = userColumns.replace(/(^|, )/g, '$1users.');
  const findSessionUser = createBatcher<{ tokenHash: string; at: string }, User | undefined>(
    {
      one: async ({ tokenHash, at }) => {
        const row = (
          await prepared<Parameters<typeof userOf>[0]>(
            'anquan_find_session_user',
            'find session',
            `SELECT ${sessionUserColumns} FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = $1 AND sessions.expires_at > $2::timestamptz`,
            [tokenHash, at],
          )
        ).rows[0];
        return row && userOf(row);
      },
      many: async (lookups) => {
        const found = await pool.query<Parameters<typeof userOf>[0] & { n: string }>({
          name: 'anquan_find_session_users',
          // LATERAL: one index lookup per token, whatever the planner guesses about the array's length.
          text: `SELECT wanted.n, found.* FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS wanted (token_hash, at, n)
                 CROSS JOIN LATERAL (SELECT ${sessionUserColumns} FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = wanted.token_hash AND sessions.expires_at > wanted.at) AS found`,
          values: [lookups.map((lookup) => lookup.tokenHash), lookups.map((lookup) => lookup.at)],
        });
        const users = new Map(found.rows.map((row) => [Number(row.n) - 1, userOf(row)]));
        return lookups.map((_, index) => users.get(index));
      },
    },
    options.batch,
  );

  const all = async <T>(operation: string, text: string, values: unknown[] = []) => (await query<{ record: T }>(operation, text, values)).rows.map((row) => row.record);

  return {
    findUserByName: async (username) => {
      const row = (await query<Parameters<typeof userOf>[0]>('find user', 'SELECT * FROM users WHERE username = $1', [username])).rows[0];
      return row && userOf(row);
    },
    findUser: async (id) => {
      const row = (await prepared<Parameters<typeof userOf>[0]>('anquan_find_user', 'find user', `SELECT ${userColumns} FROM users WHERE id = $1`, [id])).rows[0];
      return row && userOf(row);
    },
    countUsers: async () => Number((await query<{ count: string }>('count users', 'SELECT count(*) FROM users')).rows[0]!.count),
    createUser: async (user) => {
      try {
        await pool.query('INSERT INTO users (id, username, display_name, role, password_hash, created_at, region, enterprise_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          user.id,
          user.username,
          user.displayName,
          user.role,
          user.passwordHash,
          user.createdAt,
          user.region ?? null,
          user.enterpriseId ?? null,
        ]);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new UsernameTakenError(user.username);
        fail('create user', error);
      }
    },

    setPasswordHash: async (userId, passwordHash) => void (await query('set password', 'UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash])),

    createSession: async (session) =>
      void (await query(
        'create session',
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO UPDATE SET user_id = EXCLUDED.user_id, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at',
        [session.tokenHash, session.userId, session.createdAt, session.expiresAt],
      )),
    findSession: async (tokenHash) => {
      const row = (await prepared<Parameters<typeof sessionOf>[0]>('anquan_find_session', 'find session', 'SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE token_hash = $1', [tokenHash])).rows[0];
      return row && sessionOf(row);
    },
    findSessionUser: (tokenHash, at) => findSessionUser({ tokenHash, at }),
    deleteSession: async (tokenHash) => void (await query('delete session', 'DELETE FROM sessions WHERE token_hash = $1', [tokenHash])),
    deleteUserSessions: async (userId, exceptTokenHash) =>
      void (await query('end sessions', 'DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, exceptTokenHash ?? null])),

    createAttempt: async (attempt) =>
      void (await query(
        'create attempt',
        // A record written again replaces the answers saved to it as well (one statement: both or neither).
        `WITH replaced AS (DELETE FROM attempt_answers WHERE attempt_id = $1)
         INSERT INTO attempts (${attemptColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (id) DO UPDATE SET ${attemptColumns
           .split(', ')
           .slice(1)
           .map((column) => `${column} = EXCLUDED.${column}`)
           .join(', ')}`,
        attemptValues(attempt),
      )),
    findAttempt: async (id) => {
      const row = (await prepared<AttemptRow>('anquan_find_attempt', 'find attempt', `SELECT ${attemptReadColumns} FROM attempts WHERE id = $1`, [id])).rows[0];
      return row && attemptOf(row);
    },
    listAttempts: async (userId) => (await query<AttemptRow>('list attempts', `SELECT ${attemptReadColumns} FROM attempts WHERE user_id = $1 ORDER BY position`, [userId])).rows.map(attemptOf),
    saveAnswer: async (attemptId, questionId, answer) =>
      (
        await prepared(
          'anquan_save_answer',
          'save answer',
          `INSERT INTO attempt_answers (attempt_id, question_id, answer) SELECT id, $2, $3::jsonb FROM attempts WHERE id = $1 AND submitted_at IS NULL FOR SHARE
           ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer = EXCLUDED.answer`,
          [attemptId, questionId, JSON.stringify(answer)],
        )
      ).rowCount === 1,
    saveOwnAnswer,
    setMarked: async (attemptId, questionId, marked) =>
      (
        await query(
          'mark question',
          `UPDATE attempts SET marked = CASE WHEN $3::boolean THEN (CASE WHEN marked ? $2::text THEN marked ELSE marked || jsonb_build_array($2::text) END) ELSE marked - $2::text END
           WHERE id = $1 AND submitted_at IS NULL`,
          [attemptId, questionId, marked],
        )
      ).rowCount === 1,
    // A save holds its attempt FOR SHARE until it commits, so the closing UPDATE takes the row only after every save
    // under way has committed, and a save that comes later finds the attempt closed and stores nothing. The fold is
    // the next statement, so its snapshot holds every save acknowledged before the close.
    closeAttempt: (attemptId, at) =>
      transaction('close attempt', async (client) => {
        const closed = await client.query('UPDATE attempts SET submitted_at = $2 WHERE id = $1 AND submitted_at IS NULL', [attemptId, at]);
        if (closed.rowCount !== 1) return undefined;
        const row = (
          await client.query<AttemptRow>(
            `WITH saved AS (DELETE FROM attempt_answers WHERE attempt_id = $1 RETURNING question_id, answer)
             UPDATE attempts SET answers = attempts.answers || coalesce((SELECT jsonb_object_agg(saved.question_id, saved.answer) FROM saved), '{}'::jsonb)
             WHERE id = $1 RETURNING ${attemptColumns}`,
            [attemptId],
          )
        ).rows[0]!;
        return attemptOf(row);
      }),
    finishAttempt: async (attemptId, result) => {
      const updated = await query('finish attempt', 'UPDATE attempts SET submitted_at = $2, score = $3, passed = $4, earned = $5 WHERE id = $1', [attemptId, result.submittedAt, result.score, result.passed, JSON.stringify(result.earned)]);
      if (updated.rowCount !== 1) throw new Error(`no such attempt: ${attemptId}`);
    },

    recordAnswers: async (records) => {
      if (records.length === 0) return;
      await query(
        'record answers',
        'INSERT INTO answer_records (user_id, question_id, chapter, correct, at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[])',
        [records.map((record) => record.userId), records.map((record) => record.questionId), records.map((record) => record.chapter), records.map((record) => record.correct), records.map((record) => record.at)],
      );
    },
    answerRecords: async (filter = {}) =>
      (
        await query<Parameters<typeof answerRecordOf>[0]>(
          'list answer records',
          filter.userId === undefined ? 'SELECT * FROM answer_records ORDER BY position' : 'SELECT * FROM answer_records WHERE user_id = $1 ORDER BY position',
          filter.userId === undefined ? [] : [filter.userId],
        )
      ).rows.map(answerRecordOf),

    progress: async (userId) => (await all<Progress>('read progress', 'SELECT record FROM progress WHERE user_id = $1', [userId]))[0] ?? newProgress(userId),
    updateProgress: (userId, update) =>
      transaction('update progress', async (client) => {
        await client.query('INSERT INTO progress (user_id, record) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING', [userId, JSON.stringify(newProgress(userId))]);
        const progress = (await client.query<{ record: Progress }>('SELECT record FROM progress WHERE user_id = $1 FOR UPDATE', [userId])).rows[0]!.record;
        update(progress);
        await client.query('UPDATE progress SET record = $2 WHERE user_id = $1', [userId, JSON.stringify(progress)]);
        return progress;
      }),

    blueprintOverrides: () => all<BlueprintOverride>('list blueprint overrides', 'SELECT record FROM blueprint_overrides ORDER BY position'),
    saveBlueprintOverride: async (override) => void (await upsertRecord('blueprint_overrides', 'blueprint_id', override.blueprintId, override)),

    importedQuestions: () => all<StoredQuestion>('list imported questions', 'SELECT record FROM imported_questions ORDER BY position'),
    importedQuestion: async (id) => (await all<StoredQuestion>('find imported question', 'SELECT record FROM imported_questions WHERE id = $1', [id]))[0],
    saveImportedQuestions: async (questions) => {
      const latest = [...new Map(questions.map((question) => [question.id, question])).values()];
      if (latest.length === 0) return;
      await query(
        'import questions',
        `INSERT INTO imported_questions (id, record) SELECT id, record::jsonb FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS batch(id, record, n) ORDER BY n
         ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, position = EXCLUDED.position`,
        [latest.map((question) => question.id), latest.map((question) => JSON.stringify(question))],
      );
    },

    saveAssessment: async (record) => void (await upsertRecord('assessments', 'id', record.id, record, record.userId)),
    findAssessment: async (id) => (await all<AssessmentRecord>('find assessment', 'SELECT record FROM assessments WHERE id = $1', [id]))[0],
    listAssessments: (userId) => all<AssessmentRecord>('list assessments', 'SELECT record FROM assessments WHERE user_id = $1 ORDER BY position', [userId]),

    rectifications: (userId) => all<RectificationItem>('list rectifications', 'SELECT record FROM rectifications WHERE user_id = $1 ORDER BY position', [userId]),
    saveRectification: async (item) => void (await upsertRecord('rectifications', 'id', item.id, item, item.userId)),

    // One key's hits are counted under an advisory lock, so concurrent hits from several processes count 1, 2, 3 …
    countHit: (key, windowMs, at) =>
      transaction('count rate-limit hit', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
        await client.query("DELETE FROM rate_limit_hits WHERE key = $1 AND at <= $2::timestamptz - $3 * interval '1 millisecond'", [key, at, windowMs]);
        await client.query("INSERT INTO rate_limit_hits (key, at, expires_at) VALUES ($1, $2::timestamptz, $2::timestamptz + $3 * interval '1 millisecond')", [key, at, windowMs]);
        const counted = await client.query<{ count: string }>("SELECT count(*) FROM rate_limit_hits WHERE key = $1 AND at > $2::timestamptz - $3 * interval '1 millisecond' AND at <= $2::timestamptz", [key, at, windowMs]);
        return Number(counted.rows[0]!.count);
      }),
    hits: async (key, windowMs, at) =>
      (
        await query<{ at: Date }>('read rate-limit hits', "SELECT at FROM rate_limit_hits WHERE key = $1 AND at > $2::timestamptz - $3 * interval '1 millisecond' AND at <= $2::timestamptz ORDER BY at", [key, at, windowMs])
      ).rows.map((row) => iso(row.at)),
    clearHits: async (key) => void (await query('clear rate-limit hits', 'DELETE FROM rate_limit_hits WHERE key = $1', [key])),
    purgeExpired: async (at) => {
      const sessions = await query('purge sessions', 'DELETE FROM sessions WHERE expires_at <= $1::timestamptz', [at]);
      const hits = await query('purge rate-limit hits', 'DELETE FROM rate_limit_hits WHERE expires_at <= $1::timestamptz', [at]);
      return { sessions: sessions.rowCount ?? 0, hits: hits.rowCount ?? 0 };
    },

    counts: async (): Promise<StoreCounts> => {
      const tables: [keyof StoreCounts, string][] = [
        ['users', 'users'],
        ['sessions', 'sessions'],
        ['attempts', 'attempts'],
        ['answerRecords', 'answer_records'],
        ['progress', 'progress'],
        ['blueprintOverrides', 'blueprint_overrides'],
        ['importedQuestions', 'imported_questions'],
        ['assessments', 'assessments'],
        ['rectifications', 'rectifications'],
        ['evidence', 'evidence'],
        ['ledgerRecords', 'ledger_records'],
      ];
      const row = (await query<Record<string, string>>('count records', `SELECT ${tables.map(([name, table]) => `(SELECT count(*) FROM ${table}) AS "${name}"`).join(', ')}`)).rows[0]!;
      return Object.fromEntries(tables.map(([name]) => [name, Number(row[name])])) as StoreCounts;
    },
    snapshot: async () => ({
      users: (await query<Parameters<typeof userOf>[0]>('snapshot', 'SELECT * FROM users ORDER BY created_at, id')).rows.map(userOf),
      sessions: (await query<Parameters<typeof sessionOf>[0]>('snapshot', 'SELECT * FROM sessions')).rows.map(sessionOf),
      attempts: (await query<AttemptRow>('snapshot', `SELECT ${attemptReadColumns} FROM attempts ORDER BY position`)).rows.map(attemptOf),
      answerRecords: (await query<Parameters<typeof answerRecordOf>[0]>('snapshot', 'SELECT * FROM answer_records ORDER BY position')).rows.map(answerRecordOf),
      progress: await all<Progress>('snapshot', 'SELECT record FROM progress'),
      blueprintOverrides: await all<BlueprintOverride>('snapshot', 'SELECT record FROM blueprint_overrides ORDER BY position'),
      importedQuestions: await all<StoredQuestion>('snapshot', 'SELECT record FROM imported_questions ORDER BY position'),
      assessments: await all<AssessmentRecord>('snapshot', 'SELECT record FROM assessments ORDER BY position'),
      rectifications: await all<RectificationItem>('snapshot', 'SELECT record FROM rectifications ORDER BY position'),
      evidence: await all<EvidenceFile>('snapshot', 'SELECT record FROM evidence ORDER BY position'),
      ledgerRecords: await all<LedgerRecord>('snapshot', 'SELECT record FROM ledger_records ORDER BY id'),
    }),
    close: () => pool.end(),

    listUsers: async (filter = {}) => {
      const conditions: string[] = [];
      const values: string[] = [];
      for (const [column, value] of [['role', filter.role], ['region', filter.region], ['enterprise_id', filter.enterpriseId]] as const) {
        if (value === undefined) continue;
        values.push(value);
        conditions.push(`${column} = $${values.length}`);
      }
      const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
      return (await query<Parameters<typeof userOf>[0]>('list users', `SELECT * FROM users${where} ORDER BY created_at, id`, values)).rows.map(userOf);
    },
    assignUser: async (userId, assignment) => {
      // Absent keys keep their column; null clears it.
      const row = (
        await query<Parameters<typeof userOf>[0]>(
          'assign user',
          'UPDATE users SET region = CASE WHEN $2 THEN $3 ELSE region END, enterprise_id = CASE WHEN $4 THEN $5 ELSE enterprise_id END WHERE id = $1 RETURNING *',
          [userId, assignment.region !== undefined, assignment.region ?? null, assignment.enterpriseId !== undefined, assignment.enterpriseId ?? null],
        )
      ).rows[0];
      return row && userOf(row);
    },

    saveEvidence: async (file) =>
      void (await query('save evidence', 'INSERT INTO evidence (id, item_id, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, item_id = EXCLUDED.item_id', [file.id, file.itemId, JSON.stringify(file)])),
    findEvidence: async (id) => (await all<EvidenceFile>('find evidence', 'SELECT record FROM evidence WHERE id = $1', [id]))[0],
    listEvidence: (itemId) => all<EvidenceInfo>('list evidence', "SELECT record - 'dataBase64' AS record FROM evidence WHERE item_id = $1 ORDER BY record->>'uploadedAt', id", [itemId]),

    saveLedgerRecord: async (record) => void (await query('save ledger record', saveLedgerRecordSql, ledgerRecordValues(record))),
    // The record may not exist yet, so there may be no row to lock: the id is locked instead, as an advisory lock
    // in a key space of its own (the two-number form), held until the transaction ends.
    changeLedgerRecord: (id, change) =>
      transaction('change ledger record', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ledgerRecordLocks, id]);
        const current = (await client.query<{ record: LedgerRecord }>('SELECT record FROM ledger_records WHERE id = $1', [id])).rows[0]?.record;
        const next = change(current);
        if (next === undefined) return { record: current, changed: false };
        if (next.id !== id) throw new Error(`changeLedgerRecord(${id}) returned the record ${next.id}`);
        await client.query(saveLedgerRecordSql, ledgerRecordValues(next));
        return { record: next, changed: true };
      }),
    findLedgerRecord: async (id) => (await all<LedgerRecord>('find ledger record', 'SELECT record FROM ledger_records WHERE id = $1', [id]))[0],
    deleteLedgerRecord: async (id) => ((await query('delete ledger record', 'DELETE FROM ledger_records WHERE id = $1', [id])).rowCount ?? 0) > 0,
    deleteLedgerRecords: async (filter) =>
      (
        await query(
          'delete ledger records',
          `DELETE FROM ledger_records WHERE ${ledgerFilterSql} AND record->>'savedAt' COLLATE "C" < $4 COLLATE "C"`,
          [...ledgerFilterValues(filter), filter.savedBefore],
        )
      ).rowCount ?? 0,
    listLedgerRecords: (filter) =>
      all<LedgerRecord>(
        'list ledger records',
        `SELECT record FROM ledger_records WHERE ${ledgerFilterSql} ORDER BY record->>'savedAt' COLLATE "C", id COLLATE "C"`,
        ledgerFilterValues(filter),
      ),
  };
};
