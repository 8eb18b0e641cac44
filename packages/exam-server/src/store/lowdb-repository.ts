// The embedded default: one JSON file under the data directory, written atomically by lowdb (write to a
// temporary file, then rename), one write at a time; each call resolves after its write.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { AnswerRecord, AssessmentRecord, Attempt, BlueprintOverride, Progress, RectificationItem, Repository, Session, StoredQuestion, User } from './repository.js';

interface Data {
  version: 1;
  users: User[];
  sessions: Session[];
  attempts: Attempt[];
  answerRecords: AnswerRecord[];
  progress: Progress[];
  blueprintOverrides: BlueprintOverride[];
  importedQuestions: StoredQuestion[];
  assessments: AssessmentRecord[];
  rectifications: RectificationItem[];
}

const empty = (): Data => ({
  version: 1,
  users: [],
  sessions: [],
  attempts: [],
  answerRecords: [],
  progress: [],
  blueprintOverrides: [],
  importedQuestions: [],
  assessments: [],
  rectifications: [],
});

const clone = <T>(value: T): T => structuredClone(value);

export const openLowdbRepository = async (dataDirectory: string): Promise<Repository> => {
  mkdirSync(dataDirectory, { recursive: true });
  const db = new Low<Data>(new JSONFile<Data>(join(dataDirectory, 'anquan.json')), empty());
  await db.read();
  db.data = { ...empty(), ...db.data };
  let queue: Promise<unknown> = Promise.resolve();
  // Changes are applied and written one after another, so no write is lost between two awaits.
  const change = <T>(mutate: (data: Data) => T): Promise<T> => {
    const next = queue.then(async () => {
      const result = mutate(db.data);
      await db.write();
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const newProgress = (userId: string): Progress => ({ userId, positions: {}, mistakes: {}, favourites: [], seen: [] });

  return {
    findUserByName: async (username) => clone(db.data.users.find((user) => user.username === username)),
    findUser: async (id) => clone(db.data.users.find((user) => user.id === id)),
    countUsers: async () => db.data.users.length,
    createUser: (user) =>
      change((data) => {
        if (data.users.some((existing) => existing.username === user.username)) throw new Error('username taken');
        data.users.push(clone(user));
      }),
    setPasswordHash: (userId, passwordHash) =>
      change((data) => {
        const user = data.users.find((candidate) => candidate.id === userId);
        if (!user) throw new Error('no such user');
        user.passwordHash = passwordHash;
      }),

    createSession: (session) => change((data) => void data.sessions.push(clone(session))),
    findSession: async (tokenHash) => clone(db.data.sessions.find((session) => session.tokenHash === tokenHash)),
    deleteSession: (tokenHash) =>
      change((data) => {
        data.sessions = data.sessions.filter((session) => session.tokenHash !== tokenHash);
      }),
    deleteUserSessions: (userId, exceptTokenHash) =>
      change((data) => {
        data.sessions = data.sessions.filter((session) => session.userId !== userId || session.tokenHash === exceptTokenHash);
      }),
    purgeExpiredSessions: (before) =>
      change((data) => {
        const kept = data.sessions.filter((session) => Date.parse(session.expiresAt) > Date.parse(before));
        const removed = data.sessions.length - kept.length;
        data.sessions = kept;
        return removed;
      }),

    createAttempt: (attempt) => change((data) => void data.attempts.push(clone(attempt))),
    findAttempt: async (id) => clone(db.data.attempts.find((attempt) => attempt.id === id)),
    listAttempts: async (userId) => clone(db.data.attempts.filter((attempt) => attempt.userId === userId)),
    saveAnswer: (attemptId, questionId, answer) =>
      change((data) => {
        const attempt = data.attempts.find((candidate) => candidate.id === attemptId);
        if (!attempt) throw new Error('no such attempt');
        attempt.answers[questionId] = [...answer];
      }),
    setMarked: (attemptId, questionId, marked) =>
      change((data) => {
        const attempt = data.attempts.find((candidate) => candidate.id === attemptId);
        if (!attempt) throw new Error('no such attempt');
        attempt.marked = marked ? [...new Set([...attempt.marked, questionId])] : attempt.marked.filter((id) => id !== questionId);
      }),
    finishAttempt: (attemptId, result) =>
      change((data) => {
        const attempt = data.attempts.find((candidate) => candidate.id === attemptId);
        if (!attempt) throw new Error('no such attempt');
        Object.assign(attempt, clone(result));
      }),

    recordAnswers: (records) => change((data) => void data.answerRecords.push(...clone(records))),
    answerRecords: async (filter = {}) => clone(db.data.answerRecords.filter((record) => filter.userId === undefined || record.userId === filter.userId)),

    progress: async (userId) => clone(db.data.progress.find((progress) => progress.userId === userId) ?? newProgress(userId)),
    updateProgress: (userId, update) =>
      change((data) => {
        let progress = data.progress.find((candidate) => candidate.userId === userId);
        if (!progress) {
          progress = newProgress(userId);
          data.progress.push(progress);
        }
        update(progress);
        return clone(progress);
      }),

    blueprintOverrides: async () => clone(db.data.blueprintOverrides),
    saveBlueprintOverride: (override) =>
      change((data) => {
        data.blueprintOverrides = [...data.blueprintOverrides.filter((existing) => existing.blueprintId !== override.blueprintId), clone(override)];
      }),

    importedQuestions: async () => clone(db.data.importedQuestions),
    saveImportedQuestions: (questions) =>
      change((data) => {
        const ids = new Set(questions.map((question) => question.id));
        data.importedQuestions = [...data.importedQuestions.filter((question) => !ids.has(question.id)), ...clone(questions)];
      }),

    saveAssessment: (record) =>
      change((data) => {
        data.assessments = [...data.assessments.filter((existing) => existing.id !== record.id), clone(record)];
      }),
    findAssessment: async (id) => clone(db.data.assessments.find((record) => record.id === id)),
    listAssessments: async (userId) => clone(db.data.assessments.filter((record) => record.userId === userId)),

    rectifications: async (userId) => clone(db.data.rectifications.filter((item) => item.userId === userId)),
    saveRectification: (item) =>
      change((data) => {
        data.rectifications = [...data.rectifications.filter((existing) => existing.id !== item.id), clone(item)];
      }),
  };
};
