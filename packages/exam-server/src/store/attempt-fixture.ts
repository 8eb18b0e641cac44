// An attempt record for the store's own tests: a fresh two-question mock, with any field overridden.
import type { Attempt } from './repository.js';

export const attemptRecord = (overrides: Partial<Attempt> = {}): Attempt => ({
  id: 'a1',
  userId: 'u1',
  blueprintId: 'b',
  mode: 'mock',
  seed: 's',
  questionIds: ['q1', 'q2'],
  optionOrder: {},
  answers: {},
  marked: [],
  startedAt: '2026-09-01T00:00:00.000Z',
  deadline: null,
  submittedAt: null,
  score: null,
  maxScore: 2,
  passMark: 1,
  passed: null,
  earned: {},
  ...overrides,
});
