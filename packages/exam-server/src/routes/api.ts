// The JSON API under /api/v1: the same operations as the pages, for apps and scripts.
import { Router, type Request } from 'express';
import { assess, listDocuments, listSectors, factsSchema } from '@anquan/rules';
import { z } from 'zod';
import { loginSchema, registrationSchema } from '../accounts/accounts.js';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { asyncRoute } from './async-route.js';
import { RequestError } from '../errors.js';
import { applyOverrides, baseBlueprints, blueprintOverrideInput } from '../papers/blueprints.js';
import { fromCsv, fromGift, toCsv, toGift, curatedBank, type TopicQuestion } from '../questions/bank.js';
import { publicQuestion } from '../questions/question.js';
import { validateBody } from '../validate.js';
import { openApiDocument } from './openapi.js';
import { practiceModes, practiceStep } from './practice.js';

// `seed` is still accepted from old clients and ignored: the server chooses every paper's seed.
const attemptInput = z.strictObject({ blueprintId: z.string({ error: 'expected a blueprint id' }).min(1), seed: z.string().max(64).optional() });
const answerInput = z.strictObject({ answer: z.array(z.string(), { error: 'expected a list of option keys, e.g. ["A"]' }) });
const markInput = z.strictObject({ marked: z.boolean({ error: 'expected true or false' }) });
const practiceAnswerInput = z.strictObject({
  questionId: z.string({ error: 'expected a question id' }).min(1),
  answer: z.array(z.string(), { error: 'expected a list of option keys, e.g. ["A"]' }),
  queue: z.string().optional(),
  position: z.number().int().min(0).optional(),
});
const assessmentInput = z.strictObject({
  sector: z.string({ error: 'expected a sector id' }),
  facts: z.record(z.string(), z.unknown(), { error: 'expected an object of facts' }),
  asOf: z.string().optional(),
});
const importQuery = z.strictObject({ format: z.enum(['csv', 'gift'], { error: 'expected format csv or gift' }), topic: z.string().regex(/^[\w-]{1,40}$/, 'expected a topic id').default('imported') });

const param = (request: Request, name: string): string => String(request.params[name] ?? '');

export const apiRouter = (context: AppContext): Router => {
  const { accounts, auth, exams, repository } = context;
  const router = Router();
  const wrap = asyncRoute;

  router.get('/openapi.json', (_request, response) => void response.json(openApiDocument()));

  router.post(
    '/users',
    wrap(async (request, response) => {
      const user = await accounts.register(validateBody(registrationSchema, request.body));
      const token = await auth.startSession(response, user);
      response.status(201).json({ user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role }, token });
    }),
  );
  router.post(
    '/sessions',
    wrap(async (request, response) => {
      const user = await accounts.login(validateBody(loginSchema, request.body), request.ip ?? 'unknown');
      const token = await auth.startSession(response, user);
      response.status(201).json({ user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role }, token });
    }),
  );
  router.delete(
    '/sessions/current',
    wrap(async (request, response) => {
      await auth.endSession(request, response);
      response.status(204).end();
    }),
  );
  router.get(
    '/me',
    wrap(async (request, response) => {
      const user = requireUser(request);
      response.json({ id: user.id, username: user.username, displayName: user.displayName, role: user.role });
    }),
  );

  router.get('/blueprints', wrap(async (_request, response) => void response.json(await exams.blueprints())));
  router.post(
    '/attempts',
    wrap(async (request, response) => {
      const user = requireUser(request, ['trainee', 'admin']);
      const input = validateBody(attemptInput, request.body);
      response.status(201).json(await exams.startMock(user, input.blueprintId));
    }),
  );
  router.get('/attempts', wrap(async (request, response) => void response.json(await exams.listAttempts(requireUser(request)))));
  router.get('/attempts/:id', wrap(async (request, response) => void response.json(await exams.attempt(requireUser(request), param(request, 'id')))));
  router.put(
    '/attempts/:id/answers/:questionId',
    wrap(async (request, response) => {
      const input = validateBody(answerInput, request.body);
      response.json(await exams.saveAnswer(requireUser(request), param(request, 'id'), param(request, 'questionId'), input.answer));
    }),
  );
  router.put(
    '/attempts/:id/marks/:questionId',
    wrap(async (request, response) => {
      const input = validateBody(markInput, request.body);
      await exams.mark(requireUser(request), param(request, 'id'), param(request, 'questionId'), input.marked);
      response.status(204).end();
    }),
  );
  router.post('/attempts/:id/submit', wrap(async (request, response) => void response.json(await exams.submit(requireUser(request), param(request, 'id')))));

  router.get(
    '/practice',
    wrap(async (request, response) => {
      const user = requireUser(request);
      const step = await practiceStep(context, user, request.query as Record<string, string | undefined>);
      const favourites = (await repository.progress(user.id)).favourites;
      response.json({ ...step, question: step.question ? { ...(step.recite ? step.question : publicQuestion(step.question, step.optionOrder)), favourite: favourites.includes(step.question.id) } : null });
    }),
  );
  router.post(
    '/practice/answers',
    wrap(async (request, response) => {
      const user = requireUser(request);
      const input = validateBody(practiceAnswerInput, request.body);
      const feedback = await exams.practiceAnswer(user, input.questionId, input.answer);
      if (input.queue !== undefined && input.position !== undefined) await exams.advance(user, input.queue, input.position + 1);
      response.json(feedback);
    }),
  );
  router.get('/practice/modes', (_request, response) => void response.json(practiceModes));
  router.get('/mistakes', wrap(async (request, response) => void response.json(await exams.mistakes(requireUser(request)))));
  router.delete('/mistakes/:questionId', wrap(async (request, response) => void response.json(await exams.removeMistake(requireUser(request), param(request, 'questionId')))));
  router.put(
    '/favourites/:questionId',
    wrap(async (request, response) => {
      await exams.favourite(requireUser(request), param(request, 'questionId'), true);
      response.status(204).end();
    }),
  );
  router.delete(
    '/favourites/:questionId',
    wrap(async (request, response) => {
      await exams.favourite(requireUser(request), param(request, 'questionId'), false);
      response.status(204).end();
    }),
  );
  router.get('/history', wrap(async (request, response) => void response.json(await exams.history(requireUser(request)))));

  router.get('/sectors', (_request, response) => void response.json(listSectors()));
  router.get('/documents', (request, response) => void response.json(listDocuments({ ...(typeof request.query.sector === 'string' ? { sector: request.query.sector } : {}) })));
  router.get('/sectors/:sector/facts-schema', (request, response) => void response.json(factsSchema(param(request, 'sector'), typeof request.query.asOf === 'string' ? { asOf: request.query.asOf } : {})));
  router.post(
    '/assessments',
    wrap(async (request, response) => {
      const input = validateBody(assessmentInput, request.body);
      response.json(await assess(input.sector, input.facts, input.asOf === undefined ? {} : { asOf: input.asOf }));
    }),
  );

  router.get('/admin/facility', wrap(async (request, response) => (requireUser(request, ['admin']), void response.json(await exams.facility()))));
  router.put(
    '/admin/blueprints/:id',
    wrap(async (request, response) => {
      const admin = requireUser(request, ['admin']);
      const input = validateBody(blueprintOverrideInput, request.body);
      const base = baseBlueprints().find((blueprint) => blueprint.id === param(request, 'id'));
      if (!base) throw new RequestError(404, '未找到试卷蓝图 / unknown blueprint');
      const override = { blueprintId: base.id, ...input, updatedBy: admin.username, updatedAt: context.now().toISOString() };
      const [changed] = applyOverrides([base], [override]);
      if (changed!.passMark > changed!.totalPoints) throw new RequestError(400, '合格分不能高于总分', [{ path: 'body.passMark', message: `expected at most ${changed!.totalPoints}` }]);
      await repository.saveBlueprintOverride(override);
      response.json(changed);
    }),
  );
  router.post(
    '/admin/bank',
    wrap(async (request, response) => {
      const admin = requireUser(request, ['admin']);
      const query = validateBody(importQuery, request.query, 'query');
      if (typeof request.body !== 'string' || !request.body.trim()) throw new RequestError(400, '请上传 CSV 或 GIFT 文本', [{ path: 'body', message: 'expected text/csv or text/plain content' }]);
      const result = query.format === 'csv' ? fromCsv(request.body, query.topic) : fromGift(request.body, query.topic);
      if (result.issues.length > 0) throw new RequestError(400, `题库有 ${result.issues.length} 处错误，未导入任何题目`, result.issues.map((issue) => ({ path: `${issue.line}.${issue.path}`, message: issue.message })));
      const taken = new Set(curatedBank().map((question) => question.id));
      const clash = result.questions.find(({ question }) => taken.has(question.id));
      if (clash) throw new RequestError(409, `题目编号 ${clash.question.id} 与内置题库重复`, [{ path: 'id', message: 'clashes with the curated bank' }]);
      const at = context.now().toISOString();
      await repository.saveImportedQuestions(result.questions.map(({ topic, question }) => ({ ...question, topic, importedBy: admin.username, importedAt: at })));
      response.status(201).json({ imported: result.questions.length });
    }),
  );
  router.get(
    '/admin/bank',
    wrap(async (request, response) => {
      requireUser(request, ['admin']);
      const query = validateBody(importQuery, request.query, 'query');
      const curated: TopicQuestion[] = curatedBank().map((question) => ({
        topic: question.chapter.id.replace(/^bank\//, ''),
        question: { id: question.id, type: question.type, stem: question.stem, options: question.type === 'judgement' ? [] : question.options, answer: question.answer, explanation: question.explanation, citation: question.citation.text },
      }));
      const imported: TopicQuestion[] = (await repository.importedQuestions()).map(({ topic, importedBy: _by, importedAt: _at, ...question }) => ({ topic, question }));
      const all = [...curated, ...imported];
      response.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8').send(query.format === 'csv' ? toCsv(all) : toGift(all));
    }),
  );
  return router;
};
