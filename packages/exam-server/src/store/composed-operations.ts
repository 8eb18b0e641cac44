// The combined repository operations (one round trip on PostgreSQL) for stores that answer from memory, built
// from their single operations: the same answers, where one lookup more costs nothing.
import type { Repository } from './repository.js';

type Combined = 'findSessionUser' | 'saveOwnAnswer';

export const composedOperations = (store: Pick<Repository, 'findSession' | 'findUser' | 'findAttempt' | 'peekAttempt' | 'saveAnswer'>): Pick<Repository, Combined> => ({
  findSessionUser: async (tokenHash, at) => {
    const session = await store.findSession(tokenHash);
    if (!session || Date.parse(session.expiresAt) <= Date.parse(at)) return undefined;
    return store.findUser(session.userId);
  },
  // The owner, the paper and the deadline never change; the open state is checked again by saveAnswer itself.
  // Read only where the store can (peekAttempt): the checks need no copy of a 90-question attempt per save.
  saveOwnAnswer: async ({ attemptId, userId, questionId, answer, at, sessionHash }) => {
    if (sessionHash !== undefined) {
      const session = await store.findSession(sessionHash);
      if (!session || session.userId !== userId || Date.parse(session.expiresAt) <= Date.parse(at)) return false;
    }
    const attempt = await (store.peekAttempt ?? store.findAttempt)(attemptId);
    if (!attempt || attempt.userId !== userId || attempt.submittedAt !== null || !attempt.questionIds.includes(questionId)) return false;
    if (attempt.deadline !== null && Date.parse(at) > Date.parse(attempt.deadline)) return false;
    return store.saveAnswer(attemptId, questionId, answer);
  },
});

/** A store with its combined operations composed from the single ones. */
export const withComposedOperations = (store: Omit<Repository, Combined>): Repository => ({ ...store, ...composedOperations(store) });
