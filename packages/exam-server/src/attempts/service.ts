// Attempts and practice: mock exams with a deadline held by the server, practice with instant feedback,
// the mistakes book, favourites, history. Keys are only revealed after an answer or a submission.
import { newId } from '../accounts/tokens.js';
import { notFound, forbidden, RequestError } from '../errors.js';
import { applyOverrides, baseBlueprints, type Blueprint } from '../papers/blueprints.js';
import { assemblePaper, pointsFor, seededRandom, shuffled } from '../papers/assemble.js';
import { fitBlueprint } from '../papers/fit.js';
import type { QuestionCatalogue } from '../questions/catalogue.js';
import { isCorrect, publicQuestion, type Question } from '../questions/question.js';
import type { AnswerRecord, Attempt, Repository, User } from '../store/repository.js';

export interface ServiceOptions {
  now: () => Date;
  /** A question leaves the mistakes book after this many right answers in a row. */
  mistakesToClear: number;
}

const answerKeysOf = (question: Question) => question.options.map((option) => option.key);

export const createExamService = (repository: Repository, catalogue: QuestionCatalogue, options: ServiceOptions) => {
  // Each blueprint is fitted to its pool, so a mock the law cannot fill is offered shortened before 开始.
  const blueprints = async (): Promise<Blueprint[]> => Promise.all(applyOverrides(baseBlueprints(), await repository.blueprintOverrides()).map(async (plan) => fitBlueprint(plan, await catalogue.forSources(plan.sources))));
  const blueprint = async (id: string) => {
    const found = (await blueprints()).find((candidate) => candidate.id === id);
    if (!found) throw new RequestError(404, `未找到试卷蓝图 ${id} / unknown blueprint`, [{ path: 'blueprintId', message: 'unknown blueprint' }]);
    return found;
  };

  const ownAttempt = async (user: User, id: string): Promise<Attempt> => {
    const attempt = await repository.findAttempt(id);
    if (!attempt) throw notFound('考试记录');
    if (attempt.userId !== user.id) throw forbidden();
    return attempt;
  };

  const questionsOf = async (attempt: Attempt) => {
    const questions = await Promise.all(attempt.questionIds.map((id) => catalogue.byId(id)));
    return questions.map((question, index) => {
      if (!question) throw new RequestError(410, `题目 ${attempt.questionIds[index]} 已不在题库中`);
      return question;
    });
  };

  const validateAnswer = (question: Question, answer: unknown): string[] => {
    const keys = answerKeysOf(question);
    if (!Array.isArray(answer) || answer.some((key) => typeof key !== 'string' || !keys.includes(key))) {
      throw new RequestError(400, '答案格式有误 / invalid answer', [{ path: 'answer', message: `expected a list of option keys among ${keys.join(', ')}` }]);
    }
    const unique = [...new Set(answer as string[])];
    if (question.type !== 'multiple' && unique.length > 1) throw new RequestError(400, '该题只能选一个答案', [{ path: 'answer', message: 'expected exactly one option key' }]);
    return unique;
  };

  const learn = async (user: User, graded: { question: Question; correct: boolean }[]) => {
    const at = options.now().toISOString();
    await repository.recordAnswers(graded.map(({ question, correct }): AnswerRecord => ({ userId: user.id, questionId: question.id, chapter: question.chapter.id, correct, at })));
    await repository.updateProgress(user.id, (progress) => {
      for (const { question, correct } of graded) {
        if (!progress.seen.includes(question.id)) progress.seen.push(question.id);
        if (!correct) progress.mistakes[question.id] = 0;
        else if (question.id in progress.mistakes) {
          const streak = progress.mistakes[question.id]! + 1;
          if (streak >= options.mistakesToClear) delete progress.mistakes[question.id];
          else progress.mistakes[question.id] = streak;
        }
      }
    });
  };

  const grade = async (user: User, attempt: Attempt): Promise<Attempt> => {
    if (attempt.submittedAt) return attempt;
    const questions = await questionsOf(attempt);
    const plan = await blueprint(attempt.blueprintId).catch(() => undefined);
    const earned: Record<string, number> = {};
    const graded = questions.map((question) => {
      const correct = isCorrect(question, attempt.answers[question.id] ?? []);
      earned[question.id] = correct ? (plan ? pointsFor(plan, question) : 1) : 0;
      return { question, correct };
    });
    const score = Object.values(earned).reduce((sum, points) => sum + points, 0);
    const result = { submittedAt: options.now().toISOString(), score, passed: score >= attempt.passMark, earned };
    await repository.finishAttempt(attempt.id, result);
    await learn(user, graded);
    return { ...attempt, ...result };
  };

  /** Past its deadline a mock exam is graded as it stands: the server's clock decides, not the browser's. */
  const expireIfDue = async (user: User, attempt: Attempt): Promise<Attempt> =>
    !attempt.submittedAt && attempt.deadline && options.now().getTime() > Date.parse(attempt.deadline) ? grade(user, attempt) : attempt;

  const view = async (attempt: Attempt) => {
    const questions = await questionsOf(attempt);
    const submitted = attempt.submittedAt !== null;
    return {
      id: attempt.id,
      blueprintId: attempt.blueprintId,
      mode: attempt.mode,
      seed: attempt.seed,
      startedAt: attempt.startedAt,
      deadline: attempt.deadline,
      remainingSeconds: attempt.deadline && !submitted ? Math.max(0, Math.floor((Date.parse(attempt.deadline) - options.now().getTime()) / 1000)) : null,
      submittedAt: attempt.submittedAt,
      score: attempt.score,
      maxScore: attempt.maxScore,
      passMark: attempt.passMark,
      passed: attempt.passed,
      marked: attempt.marked,
      questions: questions.map((question, index) => ({
        number: index + 1,
        ...publicQuestion(question, attempt.optionOrder[question.id]),
        answer: attempt.answers[question.id] ?? [],
        ...(submitted
          ? {
              key: question.answer,
              correct: isCorrect(question, attempt.answers[question.id] ?? []),
              earned: attempt.earned[question.id] ?? 0,
              explanation: question.explanation,
              citation: question.citation.text,
            }
          : {}),
      })),
    };
  };

  return {
    blueprints,
    blueprint,

    startMock: async (user: User, blueprintId: string, seed?: string) => {
      const plan = await blueprint(blueprintId);
      const pool = await catalogue.forSources(plan.sources);
      const progress = await repository.progress(user.id);
      const paperSeed = seed ?? newId();
      const paper = assemblePaper(plan, pool, paperSeed, new Set(progress.seen));
      if (paper.shortfall.length > 0) {
        throw new RequestError(
          409,
          `题库不足，无法按蓝图组卷：${paper.shortfall.map((gap) => `${gap.type} 需要 ${gap.wanted} 题，现有 ${gap.available} 题`).join('；')}。请管理员导入题库或调整蓝图。`,
          [{ path: 'blueprintId', message: 'the question pool cannot fill this blueprint' }],
        );
      }
      const random = seededRandom(`options|${paperSeed}`);
      const now = options.now();
      const attempt: Attempt = {
        id: newId(),
        userId: user.id,
        blueprintId: plan.id,
        mode: 'mock',
        seed: paperSeed,
        questionIds: paper.questions.map((question) => question.id),
        optionOrder: Object.fromEntries(paper.questions.map((question) => [question.id, question.type === 'judgement' ? answerKeysOf(question) : shuffled(answerKeysOf(question), random)])),
        answers: {},
        marked: [],
        startedAt: now.toISOString(),
        deadline: new Date(now.getTime() + plan.durationMinutes * 60_000).toISOString(),
        submittedAt: null,
        score: null,
        maxScore: plan.totalPoints,
        passMark: plan.passMark,
        passed: null,
        earned: {},
      };
      await repository.createAttempt(attempt);
      return view(attempt);
    },

    attempt: async (user: User, id: string) => view(await expireIfDue(user, await ownAttempt(user, id))),

    listAttempts: async (user: User) => {
      const attempts = await repository.listAttempts(user.id);
      const current = await Promise.all(attempts.map((attempt) => expireIfDue(user, attempt)));
      return current
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
        .map((attempt) => ({ id: attempt.id, blueprintId: attempt.blueprintId, startedAt: attempt.startedAt, submittedAt: attempt.submittedAt, score: attempt.score, maxScore: attempt.maxScore, passed: attempt.passed }));
    },

    saveAnswer: async (user: User, id: string, questionId: string, answer: unknown) => {
      const attempt = await expireIfDue(user, await ownAttempt(user, id));
      if (attempt.submittedAt) throw new RequestError(409, '考试已交卷或已超时，答案未保存 / the attempt is closed');
      if (!attempt.questionIds.includes(questionId)) throw new RequestError(404, '本试卷没有这道题', [{ path: 'questionId', message: 'not in this paper' }]);
      const question = (await catalogue.byId(questionId))!;
      const keys = validateAnswer(question, answer);
      await repository.saveAnswer(attempt.id, questionId, keys);
      return { saved: true, questionId, answer: keys };
    },

    mark: async (user: User, id: string, questionId: string, marked: boolean) => {
      const attempt = await ownAttempt(user, id);
      if (!attempt.questionIds.includes(questionId)) throw new RequestError(404, '本试卷没有这道题');
      await repository.setMarked(attempt.id, questionId, marked);
    },

    submit: async (user: User, id: string) => view(await grade(user, await ownAttempt(user, id))),

    /** Practice with instant feedback: the key is shown once the trainee has answered. */
    practiceAnswer: async (user: User, questionId: string, answer: unknown) => {
      const question = await catalogue.byId(questionId);
      if (!question) throw notFound('题目');
      const keys = validateAnswer(question, answer);
      const correct = isCorrect(question, keys);
      await learn(user, [{ question, correct }]);
      return { questionId, answer: keys, correct, key: question.answer, explanation: question.explanation, citation: question.citation.text };
    },

    /** The practice queue of a chapter (or a blueprint's whole pool). */
    practiceQueue: async (user: User, sources: { sectors: string[]; bankTopics: string[] }, chapter: string | undefined, mode: 'sequential' | 'random' | 'mistakes' | 'favourites') => {
      const progress = await repository.progress(user.id);
      let pool = (await catalogue.forSources(sources)).filter((question) => !chapter || question.chapter.id === chapter);
      if (mode === 'mistakes') pool = pool.filter((question) => question.id in progress.mistakes);
      if (mode === 'favourites') pool = pool.filter((question) => progress.favourites.includes(question.id));
      pool.sort((a, b) => a.chapter.id.localeCompare(b.chapter.id) || a.id.localeCompare(b.id));
      if (mode === 'random') pool = shuffled(pool, seededRandom(`${user.id}|${options.now().toISOString()}`));
      const key = `${mode}|${sources.sectors.join(',')}|${sources.bankTopics.join(',')}|${chapter ?? '*'}`;
      return { key, pool, position: mode === 'sequential' ? (progress.positions[key] ?? 0) % Math.max(pool.length, 1) : 0 };
    },

    advance: async (user: User, key: string, position: number) => {
      await repository.updateProgress(user.id, (progress) => {
        progress.positions[key] = position;
      });
    },

    favourite: async (user: User, questionId: string, on: boolean) => {
      if (!(await catalogue.byId(questionId))) throw notFound('题目');
      await repository.updateProgress(user.id, (progress) => {
        progress.favourites = on ? [...new Set([...progress.favourites, questionId])] : progress.favourites.filter((id) => id !== questionId);
      });
    },

    mistakes: async (user: User) => {
      const progress = await repository.progress(user.id);
      const questions = await Promise.all(Object.keys(progress.mistakes).map((id) => catalogue.byId(id)));
      return questions.filter((question): question is Question => question !== undefined).map((question) => ({ ...publicQuestion(question), rightInARow: progress.mistakes[question.id]!, toClear: options.mistakesToClear }));
    },

    /** Accuracy per chapter for one trainee: the history chart. */
    history: async (user: User) => {
      const records = await repository.answerRecords({ userId: user.id });
      const chapters = new Map<string, { answered: number; right: number }>();
      for (const record of records) {
        const entry = chapters.get(record.chapter) ?? { answered: 0, right: 0 };
        entry.answered += 1;
        if (record.correct) entry.right += 1;
        chapters.set(record.chapter, entry);
      }
      return [...chapters.entries()].map(([chapter, entry]) => ({ chapter, ...entry, accuracy: entry.answered ? entry.right / entry.answered : 0 })).sort((a, b) => a.chapter.localeCompare(b.chapter));
    },

    /** Facility per question (share answered right), for administrators. */
    facility: async () => {
      const records = await repository.answerRecords();
      const byQuestion = new Map<string, { answered: number; right: number }>();
      for (const record of records) {
        const entry = byQuestion.get(record.questionId) ?? { answered: 0, right: 0 };
        entry.answered += 1;
        if (record.correct) entry.right += 1;
        byQuestion.set(record.questionId, entry);
      }
      return [...byQuestion.entries()].map(([questionId, entry]) => ({ questionId, ...entry, facility: entry.right / entry.answered })).sort((a, b) => a.facility - b.facility);
    },
  };
};

export type ExamService = ReturnType<typeof createExamService>;
