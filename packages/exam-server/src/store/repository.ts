// What the server stores, behind one interface: split lowdb documents by default (lowdb-repository.ts),
// PostgreSQL when DATABASE_URL is set (postgres-repository.ts), in memory for tests. Every method
// resolves only after the change is durable; a store that cannot write rejects with a StorageError
// (errors.ts, answered as 503) and leaves what it holds unchanged. contract.test.ts pins the meaning.

export type Role = 'trainee' | 'admin' | 'enterprise' | 'acceptor' | 'regulator';

/** A value and everything in it, read-only. */
export type ReadOnly<T> = T extends readonly (infer U)[] ? readonly ReadOnly<U>[] : T extends object ? { readonly [K in keyof T]: ReadOnly<T[K]> } : T;

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  /** Enterprises and regulators: the region an administrator assigned (a regulator sees only its own). */
  region?: string;
  /** Acceptors (验收人): the enterprise account whose hazards they accept. */
  enterpriseId?: string;
}

export interface Session {
  /** sha256 of the token held in the cookie or bearer header; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export type AttemptMode = 'mock' | 'practice';

export interface Attempt {
  id: string;
  userId: string;
  blueprintId: string;
  mode: AttemptMode;
  seed: string;
  questionIds: string[];
  /** Option order shown to this trainee, per question (keys in display order). */
  optionOrder: Record<string, string[]>;
  answers: Record<string, string[]>;
  marked: string[];
  startedAt: string;
  /** Mock exams: the server's deadline; answers after it are refused and the attempt is graded. */
  deadline: string | null;
  submittedAt: string | null;
  score: number | null;
  maxScore: number;
  passMark: number;
  passed: boolean | null;
  /** Per question after grading: earned points. */
  earned: Record<string, number>;
}

export interface AnswerRecord {
  userId: string;
  questionId: string;
  chapter: string;
  correct: boolean;
  at: string;
}

export interface Progress {
  userId: string;
  /** Sequential practice: next position per chapter key. */
  positions: Record<string, number>;
  /** Mistakes book: question id → consecutive right answers since the last wrong one. */
  mistakes: Record<string, number>;
  favourites: string[];
  seen: string[];
}

export interface BlueprintOverride {
  blueprintId: string;
  durationMinutes?: number;
  passMark?: number;
  sections?: { type: string; count: number; points: number }[];
  updatedBy: string;
  updatedAt: string;
}

export interface StoredQuestion {
  id: string;
  type: 'judgement' | 'single' | 'multiple';
  topic: string;
  stem: string;
  options: { key: string; text: string }[];
  answer: string[];
  explanation: string;
  citation: string;
  importedBy: string;
  importedAt: string;
}

export interface AssessmentRecord {
  id: string;
  userId: string;
  sector: string;
  asOf: string;
  facts: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  /** Report summary at the last evaluation. */
  summary: { hazard: number; clear: number; unknown: number } | null;
}

export interface RectificationItem {
  id: string;
  userId: string;
  assessmentId: string;
  ruleId: string;
  title: string;
  citation: string;
  /** 待整改 → 整改中 → 待验收 → 已验收销号 (closed); ledger/flow.ts holds the transitions. */
  status: 'open' | 'rectifying' | 'awaiting' | 'closed';
  responsible: string;
  note: string;
  foundAt: string;
  rectifyingAt: string | null;
  closedAt: string | null;
  /** Set by a re-assessment: the item is no longer a hazard on the latest facts. */
  clearedOnReassessment: boolean;
  /** The hazard ledger's record of the item: plan, acceptance, recurrences, history (ledger/item.ts). */
  ledger?: LedgerDetails;
}

/** What the ledger adds to an item; its shape is ledger/item.ts's schema. */
export interface LedgerDetails {
  sector: string;
  grade: 'general' | 'major';
  plan: {
    goal: string;
    measures: string;
    fundsYuan: number | null;
    materials: string;
    organisation: string;
    persons: string;
    deadline: string | null;
    requirements: string;
    safetyMeasures: string;
    emergencyPlan: string;
  };
  supervision: { authority: string; date: string } | null;
  rectifiedBy: { userId: string; name: string; at: string } | null;
  acceptance: { userId: string; name: string; date: string; note: string; at: string } | null;
  recurrences: { at: string; previousClosedAt: string | null }[];
  history: { at: string; userId: string; name: string; action: string; from: string; to: string; note: string }[];
}

/** A photo or PDF scan on a ledger item (at finding, rectification or acceptance); the type was read from its bytes. */
export interface EvidenceFile {
  id: string;
  /** The enterprise whose ledger holds the item. */
  userId: string;
  itemId: string;
  stage: 'found' | 'rectification' | 'acceptance';
  name: string;
  type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  dataBase64: string;
  uploadedBy: string;
  uploadedAt: string;
}
export type EvidenceInfo = Omit<EvidenceFile, 'dataBase64'>;

/**
 * A record kept beside the ledger: an entry of an enterprise's risk register, a signed statistics
 * submission, a regulator's latest screening result for an enterprise, or a screening job (its progress and
 * result, so a poll reaches it on every process on the store). One collection for the four,
 * since each is a small document found by kind and enterprise or region; the service that owns a kind
 * validates its `data` with its own schema on every read and write.
 */
export interface LedgerRecord {
  id: string;
  kind: 'risk' | 'statistics' | 'screening' | 'screening-job';
  /** The enterprise account it belongs to; null for a screened enterprise that has no account. */
  enterpriseId: string | null;
  /** The region it is counted in (a screening result), or null. */
  region: string | null;
  savedAt: string;
  data: Record<string, unknown>;
}

/** Everything a store holds, as plain records: what the migration command copies and counts. */
export interface StoreSnapshot {
  users: User[];
  sessions: Session[];
  attempts: Attempt[];
  answerRecords: AnswerRecord[];
  progress: Progress[];
  blueprintOverrides: BlueprintOverride[];
  importedQuestions: StoredQuestion[];
  assessments: AssessmentRecord[];
  rectifications: RectificationItem[];
  /** The ledger's evidence files, bytes included. */
  evidence: EvidenceFile[];
  /** Risk-register entries, signed statistics submissions and screening results. */
  ledgerRecords: LedgerRecord[];
}

export type StoreCounts = { [K in keyof StoreSnapshot]: number };

/** One answer as a trainee saves it, with who saves it and when (for saveOwnAnswer). */
export interface OwnAnswer {
  attemptId: string;
  userId: string;
  questionId: string;
  answer: string[];
  /** The server's now, ISO 8601: a save after the attempt's deadline is refused. */
  at: string;
  /**
   * The hash of the session the save came with: when given, the save is refused unless that session is `userId`'s
   * and still valid at `at`, checked with the save itself (one statement on PostgreSQL). The caller may then have
   * taken the user from what this process remembers of the session, since the store has the last word.
   */
  sessionHash?: string;
}

export interface Repository {
  findUserByName(username: string): Promise<User | undefined>;
  findUser(id: string): Promise<User | undefined>;
  countUsers(): Promise<number>;
  /** Rejects with UsernameTakenError (a 409) when the name is taken: of parallel calls for one name exactly one succeeds. */
  createUser(user: User): Promise<void>;
  /** Replaces the stored hash (password change or an administrator's reset). */
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user except the one given (after a password change or reset). */
  deleteUserSessions(userId: string, exceptTokenHash?: string): Promise<void>;
  /**
   * The user of a session still valid at `at` (expiresAt after it), in one lookup: what findSession then findUser
   * give. Undefined when the session is unknown or expired or its user is gone.
   */
  findSessionUser(tokenHash: string, at: string): Promise<User | undefined>;

  createAttempt(attempt: Attempt): Promise<void>;
  findAttempt(id: string): Promise<Attempt | undefined>;
  /**
   * The attempt to read only: it may be the store's own value, so it must never be changed, and read before the
   * caller's next await (the embedded store applies later saves to it in place once they are on disk). Optional (additive):
   * without it, callers use findAttempt. An answer save reads its attempt on every request; the embedded store
   * answers this without copying the whole attempt (record-repository.ts, SerializedRecords).
   */
  peekAttempt?(id: string): Promise<ReadOnly<Attempt> | undefined>;
  listAttempts(userId: string): Promise<Attempt[]>;
  /** Stores one answer while the attempt is open; resolves false (nothing stored) once it is closed or unknown. */
  saveAnswer(attemptId: string, questionId: string, answer: string[]): Promise<boolean>;
  /**
   * The answer-save fast path: stores one answer only when the attempt exists, belongs to `userId`, is open, has no
   * deadline before `at` and holds `questionId` in its paper; otherwise false and nothing stored (the caller then
   * learns which on the ordinary path: 404, 403, or a close at the deadline). Refused after a close like saveAnswer.
   * With `sessionHash`, also refused unless that session is the user's and valid at `at`.
   */
  saveOwnAnswer(save: OwnAnswer): Promise<boolean>;
  /** Likewise for marks: false once closed. */
  setMarked(attemptId: string, questionId: string, marked: boolean): Promise<boolean>;
  /**
   * Closes an open attempt at `at` (sets submittedAt = at) and returns the attempt as stored at that instant,
   * answers included; undefined when it was already closed (or is unknown). Conditional: of concurrent callers
   * exactly one wins, and every save acknowledged before it is in what it returns, none after.
   */
  closeAttempt(attemptId: string, at: string): Promise<Attempt | undefined>;
  /** Records the grading (score, passed, earned; submittedAt as given, normally the instant of closeAttempt). */
  finishAttempt(attemptId: string, result: Pick<Attempt, 'submittedAt' | 'score' | 'passed' | 'earned'>): Promise<void>;

  recordAnswers(records: AnswerRecord[]): Promise<void>;
  answerRecords(filter?: { userId?: string }): Promise<AnswerRecord[]>;

  progress(userId: string): Promise<Progress>;
  updateProgress(userId: string, update: (progress: Progress) => void): Promise<Progress>;

  blueprintOverrides(): Promise<BlueprintOverride[]>;
  saveBlueprintOverride(override: BlueprintOverride): Promise<void>;

  importedQuestions(): Promise<StoredQuestion[]>;
  /** One imported question by id (an answer save looks its question up on every request). */
  importedQuestion(id: string): Promise<StoredQuestion | undefined>;
  saveImportedQuestions(questions: StoredQuestion[]): Promise<void>;

  saveAssessment(record: AssessmentRecord): Promise<void>;
  findAssessment(id: string): Promise<AssessmentRecord | undefined>;
  listAssessments(userId: string): Promise<AssessmentRecord[]>;

  rectifications(userId: string): Promise<RectificationItem[]>;
  saveRectification(item: RectificationItem): Promise<void>;

  /**
   * Rate limiting shared by every server process on the store: records one hit on `key` at `at` (ISO time)
   * and resolves the number of hits in the window (at − windowMs, at], this one included.
   */
  countHit(key: string, windowMs: number, at: string): Promise<number>;
  /** The hits on `key` within (at − windowMs, at], oldest first, without recording one. */
  hits(key: string, windowMs: number, at: string): Promise<string[]>;
  /** Forgets every hit on `key` (e.g. after a successful login). */
  clearHits(key: string): Promise<void>;
  /** Deletes sessions expired at `at` and hits older than their window; resolves how many of each went. */
  purgeExpired(at: string): Promise<{ sessions: number; hits: number }>;

  /** Record counts per collection (the migration command compares them). */
  counts(): Promise<StoreCounts>;
  /** Every record (the migration command copies them). */
  snapshot(): Promise<StoreSnapshot>;
  /** Releases the store (the data-directory lock, the connection pool). */
  close(): Promise<void>;
  /** Resolves once the store's background work is done (the embedded store's checkpoints); for benches and tests. */
  idle?(): Promise<void>;

  /** Users, optionally only those of one role, region or enterprise (the regulator's table, the admin's list). */
  listUsers(filter?: { role?: Role; region?: string; enterpriseId?: string }): Promise<User[]>;
  /** Sets (a string) or clears (null) a user's region or enterprise; resolves the user as stored, undefined when unknown. */
  assignUser(userId: string, assignment: { region?: string | null; enterpriseId?: string | null }): Promise<User | undefined>;

  /** Stores an evidence file (replaced by id). */
  saveEvidence(file: EvidenceFile): Promise<void>;
  findEvidence(id: string): Promise<EvidenceFile | undefined>;
  /** The files of one ledger item without their bytes, oldest first. */
  listEvidence(itemId: string): Promise<EvidenceInfo[]>;

  /** Stores a ledger record (replaced by id). */
  saveLedgerRecord(record: LedgerRecord): Promise<void>;
  /**
   * Reads and replaces one ledger record as one step: `change` gets the record as stored (undefined when there is
   * none) and returns the record to store, or undefined to leave it as it is. Changes of one id run one after
   * another in every process on the store, so none is lost to another and a check in `change` holds when it is
   * stored. Resolves the record as stored afterwards and whether this change stored it.
   */
  changeLedgerRecord(id: string, change: (current: LedgerRecord | undefined) => LedgerRecord | undefined): Promise<{ record: LedgerRecord | undefined; changed: boolean }>;
  /** One ledger record by id. */
  findLedgerRecord(id: string): Promise<LedgerRecord | undefined>;
  /** Removes a ledger record; resolves whether it existed. */
  deleteLedgerRecord(id: string): Promise<boolean>;
  /** Removes the records of one kind (of one enterprise and/or region) saved before an instant; resolves how many. */
  deleteLedgerRecords(filter: { kind: LedgerRecord['kind']; enterpriseId?: string; region?: string; savedBefore: string }): Promise<number>;
  /** The records of one kind, for one enterprise and/or one region, oldest first (then by id). */
  listLedgerRecords(filter: { kind: LedgerRecord['kind']; enterpriseId?: string; region?: string }): Promise<LedgerRecord[]>;
}
