// The JSON API under /api/v1: the same operations as the pages, for apps and scripts.
import { Router, type Request } from 'express';
import { assess, listDocuments, listSectors, factsSchema } from '@anquan/rules';
import { z } from 'zod';
import { loginSchema, passwordChangeSchema, passwordResetSchema, publicUser, registrationSchema } from '../accounts/accounts.js';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { asyncRoute } from './async-route.js';
import { RequestError } from '../errors.js';
import { blueprintOverrideInput } from '../papers/blueprints.js';
import { publicQuestion } from '../questions/question.js';
import { validateBody } from '../validate.js';
import { openApiDocument } from './openapi.js';
import { practiceModes, practiceStep } from './practice.js';

// `seed` is still accepted from old clients and ignored: the server chooses every paper's seed.
const attemptInput = z.strictObject({ blueprintId: z.string({ error: 'expected a blueprint id' }).min(1), seed: z.string().max(64).optional() });
// Answers are short lists of option letters; ids and queues are short: nothing a stranger sends grows the store much.
const optionKeys = z.array(z.string().max(8, 'expected an option key'), { error: 'expected a list of option keys, e.g. ["A"]' }).max(10, 'expected at most 10 option keys');
const answerInput = z.strictObject({ answer: optionKeys });
const markInput = z.strictObject({ marked: z.boolean({ error: 'expected true or false' }) });
const practiceAnswerInput = z.strictObject({
  questionId: z.string({ error: 'expected a question id' }).min(1),
  answer: optionKeys,
  queue: z.string().max(200, 'expected at most 200 characters').optional(),
  position: z.number().int().min(0).optional(),
});
const assessmentInput = z.strictObject({
  sector: z.string({ error: 'expected a sector id' }),
  facts: z.record(z.string(), z.unknown(), { error: 'expected an object of facts' }),
  asOf: z.string().optional(),
});
const importQuery = z.strictObject({ format: z.enum(['csv', 'gift'], { error: 'expected format csv or gift' }), topic: z.string().regex(/^[\w-]{1,40}$/, 'expected a topic id').default('imported') });

const param = (request: Request, name: string): string => String(request.params[name] ?? '');

/** The answer save, under /api/v1: app.ts also mounts it on its own short lane (see there). */
export const answerSavePath = '/attempts/:id/answers/:questionId';

/** Saves one answer of the caller's open paper; the store checks the session with the save (saveOwnAnswer). */
export const answerSave = ({ auth, exams }: Pick<AppContext, 'auth' | 'exams'>) =>
  asyncRoute(async (request, response) => {
    const input = validateBody(answerInput, request.body);
    const session = { hash: request.sessionHash, confirm: () => auth.confirmUser(request) };
    response.json(await exams.saveAnswer(requireUser(request), param(request, 'id'), param(request, 'questionId'), input.answer, session));
  });

export const apiRouter = (context: AppContext): Router => {
  const { accounts, admin, auth, exams } = context;
  const router = Router();
  const wrap = asyncRoute;

  router.get('/openapi.json', (_request, response) => void response.json(openApiDocument()));

  router.post(
    '/users',
    wrap(async (request, response) => {
      const user = await accounts.register(validateBody(registrationSchema, request.body), request.ip ?? 'unknown');
      const token = await auth.startSession(request, response, user);
      response.status(201).json({ user: publicUser(user), token });
    }),
  );
  router.post(
    '/sessions',
    wrap(async (request, response) => {
      const user = await accounts.login(validateBody(loginSchema, request.body), request.ip ?? 'unknown');
      const token = await auth.startSession(request, response, user);
      response.status(201).json({ user: publicUser(user), token });
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
      response.json(publicUser(requireUser(request)));
    }),
  );
  router.put(
    '/me/password',
    wrap(async (request, response) => {
      const user = requireUser(request);
      await accounts.changePassword(user, validateBody(passwordChangeSchema, request.body), request.ip ?? 'unknown');
      await auth.endOtherSessions(request, user);
      response.status(204).end();
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
  router.put(answerSavePath, answerSave(context));
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
      const favourites = await exams.favourites(user);
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
      const user = requireUser(request, ['admin']);
      response.json(await admin.updateBlueprint(user, param(request, 'id'), validateBody(blueprintOverrideInput, request.body)));
    }),
  );
  router.post(
    '/admin/bank',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const query = validateBody(importQuery, request.query, 'query');
      if (typeof request.body !== 'string') throw new RequestError(415, '请以 text/csv 或 text/plain 上传题库 / expected text/csv or text/plain', [{ path: 'content-type', message: 'expected text/csv or text/plain' }]);
      response.status(201).json(await admin.importBank(user, query.format, query.topic, request.body));
    }),
  );
  router.get(
    '/admin/bank',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const query = validateBody(importQuery, request.query, 'query');
      const text = await admin.exportBank(user, query.format);
      response.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8').send(text);
    }),
  );
  router.put(
    '/admin/users/:username/password',
    wrap(async (request, response) => {
      const user = requireUser(request, ['admin']);
      const target = await accounts.resetPassword(user, param(request, 'username'), validateBody(passwordResetSchema, request.body));
      await auth.endAllSessions(target);
      response.status(204).end();
    }),
  );
  return router;
};
