// Attempts and practice: mock exams with a deadline held by the server, practice with instant feedback,
// the mistakes book, favourites, history. Keys are only revealed after an answer or a submission.
// A mock exam follows Moodle's quiz attempt: open → finished. Closing is one conditional step in the
// store (closeAttempt); grading reads exactly the snapshot that step returned, so every save the store
// accepted before the close is graded and every later one is refused (409).
import { newId } from '../accounts/tokens.js';
import { notFound, forbidden, RequestError } from '../errors.js';
import { applyOverrides, baseBlueprints, type Blueprint } from '../papers/blueprints.js';
import { accuracyChart, scoreHistoryChart } from './charts.js';
import { beijingTime, durationText } from './china-time.js';
import { assemblePaper, pointsFor, seededRandom, shuffled } from '../papers/assemble.js';
import { fitBlueprint } from '../papers/fit.js';
import type { QuestionCatalogue } from '../questions/catalogue.js';
import { isCorrect, publicQuestion, type Question } from '../questions/question.js';
import type { AnswerRecord, Attempt, Repository, User } from '../store/repository.js';

export interface ServiceOptions {
  now: () => Date;
  /** A question leaves the mistakes book after this many right answers in a row. */
  mistakesToClear: number;
  /** Where a paper's seed comes from: a fresh random id, unless a test makes papers repeatable. */
  newPaperSeed?: () => string;
}

const answerKeysOf = (question: Question) => question.options.map((option) => option.key);

/** The session an answer save came with: the store checks it with the save; `confirm` gives the user as stored now. */
export interface SaveSession {
  hash: string | undefined;
  confirm: () => Promise<User>;
}

export const createExamService = (repository: Repository, catalogue: QuestionCatalogue, options: ServiceOptions) => {
  // Each blueprint is fitted to its pool, so a mock the law cannot fill is offered shortened before 开始.
  const plans = async () => applyOverrides(baseBlueprints(), await repository.blueprintOverrides());
  const blueprints = async (): Promise<Blueprint[]> => {
    const all = await plans();
    const pools = await catalogue.forManySources(all.map((plan) => plan.sources));
    return all.map((plan, index) => fitBlueprint(plan, pools[index]!));
  };
  // One blueprint fitted alone: starting a mock used to fit all sixty-odd, each reading the imported questions.
  const blueprint = async (id: string) => {
    const plan = (await plans()).find((candidate) => candidate.id === id);
    if (!plan) throw new RequestError(404, `未找到试卷蓝图 ${id} / unknown blueprint`, [{ path: 'blueprintId', message: 'unknown blueprint' }]);
    return fitBlueprint(plan, await catalogue.forSources(plan.sources));
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

  /** The answer's option keys, or undefined where validateAnswer refuses it (the caller reports why later, in order). */
  const keysIfValid = (question: Question, answer: unknown): string[] | undefined => {
    try {
      return validateAnswer(question, answer);
    } catch {
      return undefined;
    }
  };

  /** Practice and graded exams teach: the mistakes book holds questions answered wrong (never ones left blank). */
  const learn = async (user: User, graded: { question: Question; correct: boolean }[]) => {
    if (graded.length === 0) return;
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

  /** Grades a closed snapshot: a pure function of what was stored when the attempt closed. */
  const gradeSnapshot = async (snapshot: Attempt) => {
    const questions = await questionsOf(snapshot);
    const plan = await blueprint(snapshot.blueprintId).catch(() => undefined);
    const earned: Record<string, number> = {};
    const graded = questions.map((question) => {
      const answer = snapshot.answers[question.id] ?? [];
      const correct = isCorrect(question, answer);
      earned[question.id] = correct ? (plan ? pointsFor(plan, question) : 1) : 0;
      return { question, correct, answered: answer.length > 0 };
    });
    const score = Object.values(earned).reduce((sum, points) => sum + points, 0);
    return { graded, result: { submittedAt: snapshot.submittedAt, score, passed: score >= snapshot.passMark, earned } };
  };

  /**
   * Closes the attempt at `at` and grades what was stored at that instant. Only the caller whose close
   * succeeded records the answers for the mistakes book; another one (a concurrent submit, a page that
   * saw the deadline pass) reads the stored result, or grades the same frozen snapshot itself when the
   * winner has not written it yet: the answers cannot change once closed, so both agree.
   */
  const closeAndGrade = async (user: User, attempt: Attempt, at: string): Promise<Attempt> => {
    const snapshot = await repository.closeAttempt(attempt.id, at);
    if (!snapshot) return settle((await repository.findAttempt(attempt.id)) ?? attempt);
    const { graded, result } = await gradeSnapshot(snapshot);
    await repository.finishAttempt(snapshot.id, result);
    await learn(user, graded.filter((item) => item.answered));
    return { ...snapshot, ...result };
  };

  /** A closed attempt whose grading was not stored yet (in flight, or the process died between the two steps). */
  const settle = async (attempt: Attempt): Promise<Attempt> => {
    if (attempt.submittedAt === null || attempt.score !== null) return attempt;
    const { result } = await gradeSnapshot(attempt);
    await repository.finishAttempt(attempt.id, result);
    return { ...attempt, ...result };
  };

  const overdue = (attempt: Pick<Attempt, 'submittedAt' | 'deadline'>) => attempt.submittedAt === null && attempt.deadline !== null && options.now().getTime() > Date.parse(attempt.deadline);

  /** Past its deadline a mock exam is graded as it stood at the deadline: the server's clock decides, not the browser's. */
  const expireIfDue = async (user: User, attempt: Attempt): Promise<Attempt> => (overdue(attempt) ? closeAndGrade(user, attempt, attempt.deadline!) : settle(attempt));

  /** Question ids of the trainee's open mock exams: practice must not reveal their keys. */
  const liveQuestionIds = async (user: User): Promise<Set<string>> => {
    const live = new Set<string>();
    for (const stored of await repository.listAttempts(user.id)) {
      if (stored.mode !== 'mock' || stored.submittedAt !== null) continue;
      const attempt = await expireIfDue(user, stored);
      if (attempt.submittedAt === null) for (const id of attempt.questionIds) live.add(id);
    }
    return live;
  };
  const refuseLive = async (user: User, questionId: string) => {
    if ((await liveQuestionIds(user)).has(questionId)) {
      throw new RequestError(409, '这道题在你进行中的模拟考试里，交卷后才能练习或查看答案 / the question is in your open mock exam', [{ path: 'questionId', message: 'in an open mock exam' }]);
    }
  };

  const closed = () => new RequestError(409, '考试已交卷或已超时，答案未保存 / the attempt is closed', [{ path: 'attempt', message: 'closed' }]);

  const view = async (attempt: Attempt) => {
    const questions = await questionsOf(attempt);
    const submitted = attempt.submittedAt !== null;
    return {
      id: attempt.id,
      blueprintId: attempt.blueprintId,
      mode: attempt.mode,
      startedAt: attempt.startedAt,
      startedAtText: beijingTime(attempt.startedAt),
      deadline: attempt.deadline,
      deadlineText: beijingTime(attempt.deadline),
      remainingSeconds: attempt.deadline && !submitted ? Math.max(0, Math.floor((Date.parse(attempt.deadline) - options.now().getTime()) / 1000)) : null,
      submittedAt: attempt.submittedAt,
      submittedAtText: beijingTime(attempt.submittedAt),
      durationText: attempt.submittedAt ? durationText((Date.parse(attempt.submittedAt) - Date.parse(attempt.startedAt)) / 1000) : null,
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

  const listAttempts = async (user: User) => {
    const attempts = await repository.listAttempts(user.id);
    const current = await Promise.all(attempts.map((attempt) => expireIfDue(user, attempt)));
    const names = new Map((await blueprints()).map((plan) => [plan.id, plan.candidate.label]));
    return current
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .map((attempt) => ({
        id: attempt.id,
        blueprintId: attempt.blueprintId,
        name: names.get(attempt.blueprintId) ?? '已停用的试卷',
        startedAt: attempt.startedAt,
        startedAtText: beijingTime(attempt.startedAt),
        submittedAt: attempt.submittedAt,
        durationText: attempt.submittedAt ? durationText((Date.parse(attempt.submittedAt) - Date.parse(attempt.startedAt)) / 1000) : null,
        score: attempt.score,
        maxScore: attempt.maxScore,
        passMark: attempt.passMark,
        passed: attempt.passed,
      }));
  };

  const accuracyByChapter = async (user: User) => {
    const records = await repository.answerRecords({ userId: user.id });
    const chapters = new Map<string, { questionId: string; answered: number; right: number }>();
    for (const record of records) {
      const entry = chapters.get(record.chapter) ?? { questionId: record.questionId, answered: 0, right: 0 };
      entry.answered += 1;
      if (record.correct) entry.right += 1;
      chapters.set(record.chapter, entry);
    }
    const rows = await Promise.all(
      [...chapters.entries()].map(async ([chapter, entry]) => ({
        chapter,
        title: (await catalogue.byId(entry.questionId))?.chapter.title ?? '其他',
        answered: entry.answered,
        right: entry.right,
        accuracy: entry.answered ? entry.right / entry.answered : 0,
      })),
    );
    return rows.sort((a, b) => a.chapter.localeCompare(b.chapter));
  };

  return {
    blueprints,
    blueprint,

    /** The paper's seed is the server's own: a client cannot ask for another trainee's paper. */
    startMock: async (user: User, blueprintId: string) => {
      const plan = await blueprint(blueprintId);
      const pool = await catalogue.forSources(plan.sources);
      const progress = await repository.progress(user.id);
      const paperSeed = (options.newPaperSeed ?? newId)();
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

    listAttempts,

    saveAnswer: async (saver: User, id: string, questionId: string, answer: unknown, session?: SaveSession) => {
      // Fast path, one store operation: a valid answer to a question of the trainee's own open paper before its deadline,
      // under a live session when one is given. Anything else (or a refusal) takes the path below, which finds the
      // right error or closes an overdue paper, as the user the store has now (the session may have ended).
      const known = await catalogue.byId(questionId);
      const valid = known && keysIfValid(known, answer);
      const sessionHash = session?.hash ? { sessionHash: session.hash } : {};
      if (valid && (await repository.saveOwnAnswer({ attemptId: id, userId: saver.id, questionId, answer: valid, at: options.now().toISOString(), ...sessionHash }))) return { saved: true, questionId, answer: valid };
      const user = session ? await session.confirm() : saver;
      const attempt = await expireIfDue(user, await ownAttempt(user, id));
      if (attempt.submittedAt) throw closed();
      if (!attempt.questionIds.includes(questionId)) throw new RequestError(404, '本试卷没有这道题', [{ path: 'questionId', message: 'not in this paper' }]);
      const question = (await catalogue.byId(questionId))!;
      const keys = validateAnswer(question, answer);
      // The store refuses a save that arrives after the close: a 200 means the answer will be graded.
      if (!(await repository.saveAnswer(attempt.id, questionId, keys))) throw closed();
      return { saved: true, questionId, answer: keys };
    },

    /** Marks freeze with the paper: none change after submission. */
    mark: async (user: User, id: string, questionId: string, marked: boolean) => {
      const attempt = await expireIfDue(user, await ownAttempt(user, id));
      if (attempt.submittedAt) throw closed();
      if (!attempt.questionIds.includes(questionId)) throw new RequestError(404, '本试卷没有这道题', [{ path: 'questionId', message: 'not in this paper' }]);
      if (!(await repository.setMarked(attempt.id, questionId, marked))) throw closed();
    },

    /** Submitting after the deadline is the same as timing out: the paper closes at its deadline. */
    submit: async (user: User, id: string) => {
      const attempt = await ownAttempt(user, id);
      if (attempt.submittedAt !== null) return view(await settle(attempt));
      const at = overdue(attempt) ? attempt.deadline! : options.now().toISOString();
      return view(await closeAndGrade(user, attempt, at));
    },

    /** Practice with instant feedback: the key is shown once the trainee has answered. */
    practiceAnswer: async (user: User, questionId: string, answer: unknown) => {
      const question = await catalogue.byId(questionId);
      if (!question) throw notFound('题目');
      await refuseLive(user, questionId);
      const keys = validateAnswer(question, answer);
      if (keys.length === 0) throw new RequestError(400, '请先选择答案 / choose an answer first', [{ path: 'answer', message: 'expected at least one option key' }]);
      const correct = isCorrect(question, keys);
      await learn(user, [{ question, correct }]);
      return { questionId, answer: keys, correct, key: question.answer, explanation: question.explanation, citation: question.citation.text };
    },

    /**
     * The practice queue of a chapter (or a blueprint's whole pool), without the questions of the
     * trainee's open mock exams. Random practice walks one shuffle per trainee and queue, so its position
     * counts like sequential practice's.
     */
    practiceQueue: async (user: User, sources: { sectors: string[]; bankTopics: string[] }, chapter: string | undefined, mode: 'sequential' | 'random' | 'mistakes' | 'favourites') => {
      const progress = await repository.progress(user.id);
      const live = await liveQuestionIds(user);
      let pool = (await catalogue.forSources(sources)).filter((question) => (!chapter || question.chapter.id === chapter) && !live.has(question.id));
      if (mode === 'mistakes') pool = pool.filter((question) => question.id in progress.mistakes);
      if (mode === 'favourites') pool = pool.filter((question) => progress.favourites.includes(question.id));
      pool.sort((a, b) => a.chapter.id.localeCompare(b.chapter.id) || a.id.localeCompare(b.id));
      const key = `${mode}|${sources.sectors.join(',')}|${sources.bankTopics.join(',')}|${chapter ?? '*'}`;
      if (mode === 'random') pool = shuffled(pool, seededRandom(`${user.id}|${key}`));
      return { key, pool, position: (progress.positions[key] ?? 0) % Math.max(pool.length, 1), hidden: live.size };
    },

    advance: async (user: User, key: string, position: number) => {
      await repository.updateProgress(user.id, (progress) => {
        progress.positions[key] = position;
      });
    },

    /** The ids of the questions the user has marked as favourites. */
    favourites: async (user: User): Promise<string[]> => (await repository.progress(user.id)).favourites,

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

    /** The trainee takes a question out of the 错题本 by hand. */
    removeMistake: async (user: User, questionId: string) => {
      const progress = await repository.updateProgress(user.id, (progress) => {
        delete progress.mistakes[questionId];
      });
      return { removed: questionId, remaining: Object.keys(progress.mistakes).length };
    },

    /** Accuracy per chapter for one trainee. */
    history: async (user: User) => accuracyByChapter(user),

    /** The history page: score over time per exam type, accuracy per topic, and 考试记录. */
    progressReport: async (user: User) => {
      const attempts = await listAttempts(user);
      const finished = attempts.filter((attempt) => attempt.submittedAt !== null && attempt.score !== null).reverse();
      const byType = new Map<string, typeof finished>();
      for (const attempt of finished) byType.set(attempt.name, [...(byType.get(attempt.name) ?? []), attempt]);
      const scoreCharts = [...byType.entries()].map(([name, series]) => ({
        name,
        count: series.length,
        best: Math.max(...series.map((attempt) => attempt.score!)),
        chart: scoreHistoryChart(series.map((attempt) => ({ label: attempt.startedAtText, score: attempt.score!, maxScore: attempt.maxScore, passMark: attempt.passMark }))),
      }));
      const topics = await accuracyByChapter(user);
      return { scoreCharts, topics, topicChart: accuracyChart(topics) };
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
