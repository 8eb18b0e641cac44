// The PostgreSQL schema as numbered migrations, applied in order at start inside one transaction under an
// advisory lock (so several server processes starting together apply each one once). Never edit a released
// migration: add the next one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        created_at text NOT NULL
      );
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL,
        created_at text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE TABLE attempts (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        position bigserial,
        blueprint_id text NOT NULL,
        mode text NOT NULL,
        seed text NOT NULL,
        question_ids jsonb NOT NULL,
        option_order jsonb NOT NULL,
        answers jsonb NOT NULL,
        marked jsonb NOT NULL,
        started_at text NOT NULL,
        deadline text,
        submitted_at text,
        score double precision,
        max_score double precision NOT NULL,
        pass_mark double precision NOT NULL,
        passed boolean,
        earned jsonb NOT NULL
      );
      CREATE INDEX attempts_user ON attempts (user_id, position);
      CREATE TABLE answer_records (
        position bigserial PRIMARY KEY,
        user_id text NOT NULL,
        question_id text NOT NULL,
        chapter text NOT NULL,
        correct boolean NOT NULL,
        at text NOT NULL
      );
      CREATE INDEX answer_records_user ON answer_records (user_id, position);
      CREATE TABLE progress (user_id text PRIMARY KEY, record jsonb NOT NULL);
      CREATE TABLE blueprint_overrides (blueprint_id text PRIMARY KEY, position bigserial, record jsonb NOT NULL);
      CREATE TABLE imported_questions (id text PRIMARY KEY, position bigserial, record jsonb NOT NULL);
      CREATE TABLE assessments (id text PRIMARY KEY, user_id text NOT NULL, position bigserial, record jsonb NOT NULL);
      CREATE INDEX assessments_user ON assessments (user_id, position);
      CREATE TABLE rectifications (id text PRIMARY KEY, user_id text NOT NULL, position bigserial, record jsonb NOT NULL);
      CREATE INDEX rectifications_user ON rectifications (user_id, position);
      CREATE TABLE rate_limit_hits (
        key text NOT NULL,
        at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX rate_limit_hits_key ON rate_limit_hits (key, at);
      CREATE INDEX rate_limit_hits_expires ON rate_limit_hits (expires_at);
    `,
  },
  {
    version: 2,
    name: 'regions and acceptors: a user may carry a region and the enterprise it accepts for',
    sql: `
      ALTER TABLE users ADD COLUMN region text;
      ALTER TABLE users ADD COLUMN enterprise_id text;
      CREATE INDEX users_region ON users (region);
    `,
  },
  {
    version: 3,
    name: 'evidence files on ledger items, stored in the database',
    sql: `
      CREATE TABLE evidence (id text PRIMARY KEY, item_id text NOT NULL, position bigserial, record jsonb NOT NULL);
      CREATE INDEX evidence_item ON evidence (item_id, position);
    `,
  },
  {
    version: 4,
    name: 'ledger records: risk-register entries, signed statistics submissions, screening results',
    sql: `
      CREATE TABLE ledger_records (id text PRIMARY KEY, kind text NOT NULL, enterprise_id text, region text, record jsonb NOT NULL);
      CREATE INDEX ledger_records_enterprise ON ledger_records (kind, enterprise_id);
      CREATE INDEX ledger_records_region ON ledger_records (kind, region);
    `,
  },
  {
    version: 5,
    name: 'answers of open attempts in their own rows: a save writes one small row instead of rewriting the attempt',
    // attempts.answers is compressed and kept out of line once a paper has a few dozen answers, so a save by
    // jsonb_set read, decompressed, recompressed and rewrote it every time (0.10 ms of the database's CPU a save
    // against 0.04 ms for a row). Answers saved to an open attempt are rows here; closing folds them into
    // attempts.answers and deletes them, so finished attempts stay one compact row. Reads merge the two.
    sql: `
      CREATE TABLE attempt_answers (
        attempt_id text NOT NULL,
        question_id text NOT NULL,
        answer jsonb NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
      );
    `,
  },
];
