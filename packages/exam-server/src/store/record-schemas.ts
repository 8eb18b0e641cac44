// The shape of every stored record as a zod schema: a store validates what it loads (a file of the wrong
// shape stops the server, naming the file and the path inside it). Each schema is checked against the
// interface in repository.ts at compile time, so the two cannot drift.
import { z } from 'zod';
import type { AnswerRecord, AssessmentRecord, EvidenceFile, LedgerRecord, LedgerDetails, Attempt, BlueprintOverride, Progress, RectificationItem, Session, StoredQuestion, User } from './repository.js';

const text = z.string();
const nullableText = z.string().nullable();
const ledgerDetailsSchema = z.object({
  sector: text,
  grade: z.enum(['general', 'major']),
  plan: z.object({ goal: text, measures: text, fundsYuan: z.number().nullable(), materials: text, organisation: text, persons: text, deadline: nullableText, requirements: text, safetyMeasures: text, emergencyPlan: text }),
  supervision: z.object({ authority: text, date: text }).nullable(),
  rectifiedBy: z.object({ userId: text, name: text, at: text }).nullable(),
  acceptance: z.object({ userId: text, name: text, date: text, note: text, at: text }).nullable(),
  recurrences: z.array(z.object({ at: text, previousClosedAt: nullableText })),
  history: z.array(z.object({ at: text, userId: text, name: text, action: text, from: text, to: text, note: text })),
}) satisfies z.ZodType<LedgerDetails>;
const time = z.string().min(1);
const keys = z.array(z.string());

export const userSchema = z.object({
  id: text,
  username: text,
  displayName: text,
  role: z.enum(['trainee', 'admin', 'enterprise', 'acceptor', 'regulator']),
  passwordHash: text,
  createdAt: time,
  region: text.optional(),
  enterpriseId: text.optional(),
}) satisfies z.ZodType<User>;

export const sessionSchema = z.object({ tokenHash: text, userId: text, createdAt: time, expiresAt: time }) satisfies z.ZodType<Session>;

export const attemptSchema = z.object({
  id: text,
  userId: text,
  blueprintId: text,
  mode: z.enum(['mock', 'practice']),
  seed: text,
  questionIds: keys,
  optionOrder: z.record(z.string(), keys),
  answers: z.record(z.string(), keys),
  marked: keys,
  startedAt: time,
  deadline: time.nullable(),
  submittedAt: time.nullable(),
  score: z.number().nullable(),
  maxScore: z.number(),
  passMark: z.number(),
  passed: z.boolean().nullable(),
  earned: z.record(z.string(), z.number()),
}) satisfies z.ZodType<Attempt>;

export const answerRecordSchema = z.object({ userId: text, questionId: text, chapter: text, correct: z.boolean(), at: time }) satisfies z.ZodType<AnswerRecord>;

export const progressSchema = z.object({
  userId: text,
  positions: z.record(z.string(), z.number()),
  mistakes: z.record(z.string(), z.number()),
  favourites: keys,
  seen: keys,
}) satisfies z.ZodType<Progress>;

export const blueprintOverrideSchema = z.object({
  blueprintId: text,
  durationMinutes: z.number().optional(),
  passMark: z.number().optional(),
  sections: z.array(z.object({ type: text, count: z.number(), points: z.number() })).optional(),
  updatedBy: text,
  updatedAt: time,
}) satisfies z.ZodType<BlueprintOverride>;

export const storedQuestionSchema = z.object({
  id: text,
  type: z.enum(['judgement', 'single', 'multiple']),
  topic: text,
  stem: text,
  options: z.array(z.object({ key: text, text })),
  answer: keys,
  explanation: text,
  citation: text,
  importedBy: text,
  importedAt: time,
}) satisfies z.ZodType<StoredQuestion>;

export const assessmentSchema = z.object({
  id: text,
  userId: text,
  sector: text,
  asOf: text,
  facts: z.record(z.string(), z.unknown()),
  createdAt: time,
  updatedAt: time,
  summary: z.object({ hazard: z.number(), clear: z.number(), unknown: z.number() }).nullable(),
}) satisfies z.ZodType<AssessmentRecord>;

export const rectificationSchema = z.object({
  id: text,
  userId: text,
  assessmentId: text,
  ruleId: text,
  title: text,
  citation: text,
  status: z.enum(['open', 'rectifying', 'awaiting', 'closed']),
  responsible: text,
  note: text,
  foundAt: time,
  rectifyingAt: time.nullable(),
  closedAt: time.nullable(),
  clearedOnReassessment: z.boolean(),
  ledger: ledgerDetailsSchema.optional(),
}) satisfies z.ZodType<RectificationItem>;

/** The single-file store of the first release (anquan.json), read once to convert it. */
export const singleFileStoreSchema = z.object({
  version: z.literal(1),
  users: z.array(userSchema).default([]),
  sessions: z.array(sessionSchema).default([]),
  attempts: z.array(attemptSchema).default([]),
  answerRecords: z.array(answerRecordSchema).default([]),
  progress: z.array(progressSchema).default([]),
  blueprintOverrides: z.array(blueprintOverrideSchema).default([]),
  importedQuestions: z.array(storedQuestionSchema).default([]),
  assessments: z.array(assessmentSchema).default([]),
  rectifications: z.array(rectificationSchema).default([]),
});

/** "answers.q1[0]: expected string, received number" for each issue: the path inside the file that is wrong. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('') || '(root)'}: ${issue.message}`)
    .join('; ');

export const evidenceSchema = z.object({
  id: text,
  userId: text,
  itemId: text,
  stage: z.enum(['found', 'rectification', 'acceptance']),
  name: text,
  type: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  size: z.number().int().min(0),
  dataBase64: text,
  uploadedBy: text,
  uploadedAt: time,
}) satisfies z.ZodType<EvidenceFile>;

export const ledgerRecordSchema = z.object({
  id: text,
  kind: z.enum(['risk', 'statistics', 'screening', 'screening-job']),
  enterpriseId: nullableText,
  region: nullableText,
  savedAt: time,
  data: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<LedgerRecord>;
