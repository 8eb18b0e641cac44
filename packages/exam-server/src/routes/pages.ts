// Server-rendered pages (handlebars), Chinese first, usable on a phone, no client framework: forms post
// back and the server redirects. The same operations as the JSON API.
import { roleHome } from '../ledger/role-home.js';
import { Router } from 'express';
import { z } from 'zod';
import { loginSchema, passwordChangeSchema, passwordResetSchema, registrationSchema } from '../accounts/accounts.js';
import { parseCookies, requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { asyncRoute } from './async-route.js';
import { RequestError } from '../errors.js';
import { blueprintOverrideInput } from '../papers/blueprints.js';
import { publicQuestion, typeLabels } from '../questions/question.js';
import { validateBody } from '../validate.js';
import { practiceModes, practiceStep } from './practice.js';

/** The last practice choice (exam type and mode), remembered on this device. */
const PRACTICE_COOKIE = 'aq_practice';
const practiceCookie = (header: string | undefined): { blueprintId?: string; mode?: string } => {
  const raw = parseCookies(header)[PRACTICE_COOKIE] ?? '';
  const [blueprintId, mode] = raw.split('|');
  return {
    ...(blueprintId && /^[\w-]{1,80}$/.test(blueprintId) ? { blueprintId } : {}),
    ...(mode && practiceModes.some((candidate) => candidate.id === mode) ? { mode } : {}),
  };
};

const answerField = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);
const safeNext = (value: unknown) => (typeof value === 'string' && /^\/(?!\/)[\w\-/?=&%.]*$/.test(value) ? value : '/');

export const pagesRouter = (context: AppContext): Router => {
  const { accounts, admin, auth, exams, views } = context;
  const router = Router();
  const page = views.page;
  const wrap = asyncRoute;
  /** A form that fails validation is shown again with the messages and what was typed (never the password). */
  const formError = (error: unknown) => (error instanceof RequestError && error.status < 500 ? error : undefined);

  router.get('/', (request, response) => page(request, response, 'home', { title: '安全生产考试与自评估' }));

  router.get('/register', (request, response) => page(request, response, 'register', { title: '注册' }));
  router.post(
    '/register',
    wrap(async (request, response) => {
      try {
        const { _csrf: _token, ...fields } = (request.body ?? {}) as Record<string, unknown>;
        const user = await accounts.register(validateBody(registrationSchema, fields), request.ip ?? 'unknown');
        await auth.startSession(request, response, user);
        response.redirect(303, roleHome(user.role));
      } catch (error) {
        const failure = formError(error);
        if (!failure) throw error;
        for (const [name, value] of Object.entries(failure.headers)) response.setHeader(name, value);
        page(request, response, 'register', { title: '注册', error: failure.message, issues: failure.issues, form: { username: request.body.username, displayName: request.body.displayName, role: request.body.role } }, failure.status);
      }
    }),
  );
  router.get('/login', (request, response) => page(request, response, 'login', { title: '登录', next: safeNext(request.query.next) }));
  router.post(
    '/login',
    wrap(async (request, response) => {
      try {
        const user = await accounts.login(validateBody(loginSchema, { username: request.body.username, password: request.body.password }), request.ip ?? 'unknown');
        await auth.startSession(request, response, user);
        response.redirect(303, safeNext(request.body.next) === '/' ? roleHome(user.role) : safeNext(request.body.next));
      } catch (error) {
        const failure = formError(error);
        if (!failure) throw error;
        for (const [name, value] of Object.entries(failure.headers)) response.setHeader(name, value);
        page(request, response, 'login', { title: '登录', error: failure.message, form: { username: request.body.username }, next: safeNext(request.body.next) }, failure.status);
      }
    }),
  );
  router.post(
    '/logout',
    wrap(async (request, response) => {
      await auth.endSession(request, response);
      response.redirect(303, '/');
    }),
  );
  router.get('/account', (request, response) => {
    requireUser(request);
    page(request, response, 'account', { title: '账号与密码', message: typeof request.query.message === 'string' ? request.query.message.slice(0, 100) : null });
  });
  router.post(
    '/account/password',
    wrap(async (request, response) => {
      const user = requireUser(request);
      try {
        await accounts.changePassword(user, validateBody(passwordChangeSchema, { currentPassword: request.body.currentPassword, newPassword: request.body.newPassword }), request.ip ?? 'unknown');
        await auth.endOtherSessions(request, user);
        response.redirect(303, '/account?message=' + encodeURIComponent('密码已修改，其他设备上的登录已退出'));
      } catch (error) {
        const failure = formError(error);
        if (!failure) throw error;
        page(request, response, 'account', { title: '账号与密码', error: failure.message, issues: failure.issues }, failure.status);
      }
    }),
  );

  router.get(
    '/exams',
    wrap(async (request, response) => {
      requireUser(request);
      const blueprints = await exams.blueprints();
      const attempts = await exams.listAttempts(request.user!);
      // The exam type taken last comes first, ready to start again.
      const last = blueprints.find((blueprint) => blueprint.id === attempts[0]?.blueprintId);
      page(request, response, 'exams', {
        title: '模拟考试',
        last,
        principals: blueprints.filter((blueprint) => blueprint.candidate.kind === 'principal'),
        operations: blueprints.filter((blueprint) => blueprint.candidate.kind === 'specialOperation'),
        attempts,
      });
    }),
  );
  router.post(
    '/exams',
    wrap(async (request, response) => {
      // The same roles as POST /api/v1/attempts: an enterprise account takes no exams.
      const user = requireUser(request, ['trainee', 'admin']);
      const attempt = await exams.startMock(user, String(request.body.blueprintId ?? ''));
      response.redirect(303, `/attempts/${attempt.id}`);
    }),
  );

  const sheetOf = (attempt: Awaited<ReturnType<typeof exams.attempt>>, current: number) =>
    attempt.questions.map((item) => ({ number: item.number, answered: item.answer.length > 0, marked: attempt.marked.includes(item.id), current: item.number === current }));
  const countsOf = (attempt: Awaited<ReturnType<typeof exams.attempt>>) => {
    const answered = attempt.questions.filter((item) => item.answer.length > 0).length;
    return { answered, unanswered: attempt.questions.length - answered, marked: attempt.marked.length, total: attempt.questions.length };
  };

  router.get(
    '/attempts/:id',
    wrap(async (request, response) => {
      const attempt = await exams.attempt(requireUser(request), String(request.params.id));
      if (attempt.submittedAt) return response.redirect(303, `/attempts/${attempt.id}/review`);
      const number = Math.min(Math.max(Number(request.query.q ?? 1) || 1, 1), attempt.questions.length);
      const question = attempt.questions[number - 1]!;
      page(request, response, 'attempt', {
        title: '模拟考试',
        script: 'exam',
        attempt,
        question: { ...question, options: question.options.map((option) => ({ ...option, checked: question.answer.includes(option.key) })), marked: attempt.marked.includes(question.id) },
        number,
        previous: number > 1 ? number - 1 : null,
        next: number < attempt.questions.length ? number + 1 : null,
        sheet: sheetOf(attempt, number),
        counts: countsOf(attempt),
      });
    }),
  );
  /** A save or mark the server refused because the paper closed: the page says so and leads to the review. */
  const closedPage = (request: Parameters<typeof page>[0], response: Parameters<typeof page>[1], id: string, message: string) =>
    page(request, response, 'attempt-closed', { title: '考试已结束', id, message }, 409);
  router.post(
    '/attempts/:id/answer',
    wrap(async (request, response) => {
      const user = requireUser(request);
      const id = String(request.params.id);
      const questionId = String(request.body.questionId ?? '');
      const answer = answerField(request.body.answer);
      try {
        if (answer.length > 0) await exams.saveAnswer(user, id, questionId, answer);
        if (request.body.mark !== undefined) await exams.mark(user, id, questionId, request.body.mark === '1');
      } catch (error) {
        if (error instanceof RequestError && error.status === 409) return closedPage(request, response, id, error.message);
        throw error;
      }
      const go = Number(request.body.go ?? request.body.stay);
      const target = Number.isInteger(go) && go > 0 ? `?q=${go}` : '?q=1';
      response.redirect(303, request.body.summary === '1' ? `/attempts/${id}/summary` : `/attempts/${id}${target}`);
    }),
  );
  /** Moodle's summary of attempt: what is answered, unanswered and marked, before the paper is handed in. */
  router.get(
    '/attempts/:id/summary',
    wrap(async (request, response) => {
      const attempt = await exams.attempt(requireUser(request), String(request.params.id));
      if (attempt.submittedAt) return response.redirect(303, `/attempts/${attempt.id}/review`);
      page(request, response, 'attempt-summary', {
        title: '交卷确认',
        attempt,
        counts: countsOf(attempt),
        sheet: sheetOf(attempt, 0),
        unansweredNumbers: attempt.questions.filter((item) => item.answer.length === 0).map((item) => item.number),
      });
    }),
  );
  router.post(
    '/attempts/:id/submit',
    wrap(async (request, response) => {
      const attempt = await exams.submit(requireUser(request), String(request.params.id));
      response.redirect(303, `/attempts/${attempt.id}/review`);
    }),
  );
  router.get(
    '/attempts/:id/review',
    wrap(async (request, response) => {
      const attempt = await exams.attempt(requireUser(request), String(request.params.id));
      if (!attempt.submittedAt) return response.redirect(303, `/attempts/${attempt.id}`);
      const blueprint = await exams.blueprint(attempt.blueprintId).catch(() => undefined);
      const wrong = attempt.questions.filter((question) => !question.correct);
      page(request, response, 'review', {
        title: '成绩与解析',
        attempt,
        name: blueprint?.candidate.label ?? '已停用的试卷',
        questions: attempt.questions.map((question) => ({ ...question, options: question.options.map((option) => ({ ...option, chosen: question.answer.includes(option.key), right: (question.key ?? []).includes(option.key) })) })),
        wrongCount: wrong.length,
        // Only questions answered wrong enter the 错题本; blank ones are counted apart.
        wrongAnswered: wrong.filter((question) => question.answer.length > 0).length,
        blank: wrong.filter((question) => question.answer.length === 0).length,
      });
    }),
  );

  router.get(
    '/practice',
    wrap(async (request, response) => {
      const user = requireUser(request);
      const query = { ...(request.query as Record<string, string>) };
      // Without a choice in the address, practice resumes the exam type and mode chosen last.
      const remembered = practiceCookie(request.headers.cookie);
      const blueprints = (await exams.blueprints()).filter((blueprint) => blueprint.candidate.kind === 'principal' || blueprint.sources.sectors.length > 0);
      if (!query.blueprintId && remembered.blueprintId && blueprints.some((blueprint) => blueprint.id === remembered.blueprintId)) query.blueprintId = remembered.blueprintId;
      if (!query.mode && remembered.mode) query.mode = remembered.mode;
      const step = await practiceStep(context, user, query);
      response.cookie(PRACTICE_COOKIE, `${step.blueprintId}|${step.mode}`, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86_400_000 });
      const favourites = await exams.favourites(user);
      const question = step.question;
      page(request, response, 'practice', {
        title: '练习',
        script: 'practice',
        step,
        modes: practiceModes.map((mode) => ({ ...mode, active: mode.id === step.mode })),
        blueprints: blueprints.map((blueprint) => ({ id: blueprint.id, label: blueprint.candidate.label, selected: blueprint.id === step.blueprintId })),
        chapters: step.chapters.map((chapter) => ({ ...chapter, selected: chapter.id === step.chapter })),
        question: question
          ? {
              ...publicQuestion(question, step.optionOrder),
              // 背题: the key is shown on the options themselves, with the explanation; nothing to answer.
              ...(step.recite
                ? { options: question.options.map((option) => ({ ...option, right: question.answer.includes(option.key) })), key: question.answer, explanation: question.explanation }
                : {}),
              typeLabel: typeLabels[question.type],
              favourite: favourites.includes(question.id),
              citation: step.recite ? question.citation.text : undefined,
            }
          : null,
        previousPosition: step.total > 0 ? (step.position - 1 + step.total) % step.total : 0,
        nextPosition: step.total > 0 ? (step.position + 1) % step.total : 0,
      });
    }),
  );
  router.post(
    '/practice',
    wrap(async (request, response) => {
      const user = requireUser(request);
      const back = { blueprintId: String(request.body.blueprintId ?? ''), mode: String(request.body.mode ?? ''), chapter: String(request.body.chapter ?? '') };
      const feedback = await exams.practiceAnswer(user, String(request.body.questionId ?? ''), answerField(request.body.answer));
      const position = Number(request.body.position);
      const queue = String(request.body.queue ?? '');
      if (queue && Number.isInteger(position)) await exams.advance(user, queue, position + 1);
      const question = (await context.catalogue.byId(feedback.questionId))!;
      const favourites = await exams.favourites(user);
      page(request, response, 'practice-feedback', {
        title: '练习',
        feedback,
        favourite: favourites.includes(question.id),
        question: { ...publicQuestion(question), options: question.options.map((option) => ({ ...option, chosen: feedback.answer.includes(option.key), right: feedback.key.includes(option.key) })) },
        back,
        backUrl: `/practice?${new URLSearchParams(back).toString()}`,
      });
    }),
  );
  router.post(
    '/favourites',
    wrap(async (request, response) => {
      await exams.favourite(requireUser(request), String(request.body.questionId ?? ''), request.body.on === '1');
      response.redirect(303, safeNext(request.body.back));
    }),
  );
  router.get(
    '/mistakes',
    wrap(async (request, response) => page(request, response, 'mistakes', { title: '错题本', mistakes: await exams.mistakes(requireUser(request)), message: request.query.removed ? '已移出错题本' : undefined })),
  );
  router.post(
    '/mistakes/remove',
    wrap(async (request, response) => {
      await exams.removeMistake(requireUser(request), String(request.body.questionId ?? ''));
      response.redirect(303, '/mistakes?removed=1');
    }),
  );
  router.get(
    '/history',
    wrap(async (request, response) => {
      const user = requireUser(request);
      page(request, response, 'history', { title: '学习记录', ...(await exams.progressReport(user)), attempts: await exams.listAttempts(user) });
    }),
  );

  router.get(
    '/admin',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const facility = await exams.facility();
      page(request, response, 'admin', { title: '管理', blueprints: await exams.blueprints(), facility: facility.slice(0, 50), imported: await admin.importedCount(user), message: request.query.message });
    }),
  );
  router.post(
    '/admin/blueprints/:id',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const number = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined);
      const sections = ['judgement', 'single', 'multiple']
        .map((type) => ({ type, count: number(request.body[`${type}Count`]) ?? 0, points: number(request.body[`${type}Points`]) ?? 0 }))
        .filter((section) => section.count > 0);
      const fields = { durationMinutes: number(request.body.durationMinutes), passMark: number(request.body.passMark), sections: sections.length > 0 ? sections : undefined };
      const input = validateBody(blueprintOverrideInput, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
      await admin.updateBlueprint(user, String(request.params.id), input);
      response.redirect(303, '/admin?message=' + encodeURIComponent('蓝图已保存'));
    }),
  );
  router.post(
    '/admin/bank',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const input = validateBody(z.object({ format: z.enum(['csv', 'gift'], { error: 'expected csv or gift' }), topic: z.string({ error: 'expected a topic id' }).regex(/^[\w-]{1,40}$/, 'expected a topic id'), text: z.string({ error: 'expected the bank text' }).min(1, 'expected the bank text') }), request.body);
      const result = await admin.importBank(user, input.format, input.topic, input.text);
      response.redirect(303, '/admin?message=' + encodeURIComponent(`已导入 ${result.imported} 题`));
    }),
  );
  router.post(
    '/admin/users/password',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const username = validateBody(z.string({ error: 'expected a user name' }).trim().min(1, 'expected a user name').max(32, 'expected at most 32 characters'), request.body.username, 'username');
      const target = await accounts.resetPassword(user, username, validateBody(passwordResetSchema, { newPassword: request.body.newPassword }));
      await auth.endAllSessions(target);
      response.redirect(303, '/admin?message=' + encodeURIComponent(`已重置 ${target.username} 的密码`));
    }),
  );
  return router;
};
