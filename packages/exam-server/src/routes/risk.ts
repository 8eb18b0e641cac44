// Risk grading (LEC, shown as the convention it is), the enterprise's stored risk register with its add/edit
// pages and API, and the printable 岗位风险告知卡 (from a register entry, or from a one-off LEC form).
import { Router } from 'express';
import { z } from 'zod';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { RequestError } from '../errors.js';
import { gradeLec, lecInput, riskMethods } from '../risk/levels.js';
import { createRiskRegister, riskEntryInput, type RiskEntry } from '../risk/register.js';
import { createLedger } from '../ledger/service.js';
import type { Request, Response } from 'express';
import { validateBody } from '../validate.js';
import { asyncRoute } from './async-route.js';

const text = (max: number) => z.string().trim().max(max, `expected at most ${max} characters`).default('');
export const cardInput = lecInput.extend({
  post: z.string({ error: 'expected the post' }).trim().min(1, 'expected the post (岗位不能为空)').max(60, 'expected at most 60 characters'),
  source: text(200),
  ...Object.fromEntries(riskMethods.card.fields.map((field) => [field.key, text(1000)])),
});

export const riskRouter = (context: AppContext): Router => {
  const router = Router();
  const member = (request: Parameters<typeof requireUser>[0]) => requireUser(request, ['enterprise', 'acceptor', 'admin']);
  router.get('/risk', asyncRoute(async (request, response) => (member(request), void context.views.page(request, response, 'risk', { title: '风险分级（LEC）与岗位风险告知卡', methods: riskMethods }))));
  router.get(
    '/risk/card',
    asyncRoute(async (request, response) => {
      member(request);
      try {
        const input = validateBody(cardInput, request.query, 'query') as Record<string, string> & z.infer<typeof lecInput>;
        const grade = gradeLec(input);
        context.views.page(request, response, 'risk-card', { title: `岗位风险告知卡：${input.post}`, input, grade, fields: riskMethods.card.fields.map((field) => ({ ...field, value: input[field.key] ?? '' })), methods: riskMethods, colourClass: `risk-${grade.level}` });
      } catch (error) {
        if (!(error instanceof RequestError) || error.status !== 400) throw error;
        context.views.page(request, response, 'risk', { title: '风险分级（LEC）与岗位风险告知卡', methods: riskMethods, error: error.message, issues: error.issues }, 400);
      }
    }),
  );
  // ---- the register ----
  const register = createRiskRegister(context.repository, context.now);
  const ledger = createLedger(context.repository, context.now, context.asOf);
  const reader = (request: Request) => {
    const user = member(request);
    return { user, enterpriseId: ledger.enterpriseOf(user) };
  };
  /** Only the enterprise itself (or an administrator) writes its register; its acceptor reads it. */
  const writer = (request: Request) => {
    const user = requireUser(request, ['enterprise', 'admin']);
    return { user, enterpriseId: ledger.enterpriseOf(user) };
  };
  const param = (request: Request, name: string) => String(request.params[name] ?? '');
  const entryView = (entry: RiskEntry) => ({ ...entry, colourClass: `risk-${entry.level}` });
  const conventions = { lec: riskMethods.lec.note, endpoint: riskMethods.lec.endpointNote, ls: riskMethods.ls.note, control: riskMethods.controlLevels.note, card: riskMethods.card.note, levels: riskMethods.levels.source };
  const choices = {
    L: riskMethods.lec.L,
    E: riskMethods.lec.E,
    C: riskMethods.lec.C,
    lsValues: riskMethods.ls.L,
    levels: riskMethods.levels.order.map((key) => ({ key, label: `${riskMethods.levels.labels[key]}（${riskMethods.levels.colours[key]}）` })),
    controls: Object.entries(riskMethods.controlLevels.labels).map(([key, label]) => ({ key, label })),
    cardFields: riskMethods.card.fields,
  };
  /** A form's fields as the API's entry: blanks are "not given", so the schema names what is missing. */
  const entryFromForm = (body: Record<string, unknown>) => {
    const value = (key: string) => (typeof body[key] === 'string' && (body[key] as string).trim() !== '' ? (body[key] as string) : undefined);
    const card = Object.fromEntries(riskMethods.card.fields.flatMap((field) => (value(`card_${field.key}`) ? [[field.key, value(`card_${field.key}`)]] : [])));
    return {
      post: value('post') ?? '',
      source: value('source') ?? '',
      method: value('method'),
      ...(value('method') === 'lec' ? { lec: { L: value('L'), E: value('E'), C: value('C') } } : {}),
      ...(value('method') === 'ls' ? { ls: { L: value('lsL'), S: value('lsS'), level: value('lsLevel') } } : {}),
      controlLevel: value('controlLevel'),
      measures: value('measures') ?? '',
      card,
    };
  };
  const formPage = (request: Request, response: Response, data: Record<string, unknown>, status = 200) =>
    context.views.page(request, response, 'risk-entry-form', { title: data.entry ? '修改风险' : '登记风险', choices, conventions, cardValues: riskMethods.card.fields.map((field) => ({ ...field, value: (data.form as Record<string, unknown> | undefined)?.[`card_${field.key}`] ?? '' })), ...data }, status);

  router.get(
    '/risk/register',
    asyncRoute(async (request, response) => {
      const { user, enterpriseId } = reader(request);
      const entries = (await register.list(enterpriseId)).map(entryView);
      const count = (level: string) => entries.filter((entry) => entry.level === level).length;
      context.views.page(request, response, 'risk-register', { title: '安全风险清单', entries, editable: user.role !== 'acceptor', conventions, counts: riskMethods.levels.order.map((key) => ({ key, label: riskMethods.levels.labels[key], colour: riskMethods.levels.colours[key], count: count(key) })) });
    }),
  );
  router.get('/risk/register/new', asyncRoute(async (request, response) => (writer(request), formPage(request, response, { form: { method: 'lec', controlLevel: 'team' } }))));
  const submit = (update: boolean) =>
    asyncRoute(async (request, response) => {
      const { user, enterpriseId } = writer(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const input = validateBody(riskEntryInput, entryFromForm(body));
        const entry = update ? await register.update(enterpriseId, param(request, 'id'), input, user.id) : await register.create(enterpriseId, input, user.id);
        response.redirect(303, `/risk/register?saved=${encodeURIComponent(entry.id)}`);
      } catch (error) {
        if (!(error instanceof RequestError) || error.status !== 400) throw error;
        formPage(request, response, { entry: update ? { id: param(request, 'id') } : null, form: body, error: error.message, issues: error.issues }, 400);
      }
    });
  router.post('/risk/register', submit(false));
  router.get(
    '/risk/register/:id/edit',
    asyncRoute(async (request, response) => {
      const { enterpriseId } = writer(request);
      const entry = await register.find(enterpriseId, param(request, 'id'));
      const form = { post: entry.post, source: entry.source, method: entry.method, L: entry.lec?.L, E: entry.lec?.E, C: entry.lec?.C, lsL: entry.ls?.L, lsS: entry.ls?.S, lsLevel: entry.ls?.level, controlLevel: entry.controlLevel, measures: entry.measures, ...Object.fromEntries(Object.entries(entry.card ?? {}).map(([key, value]) => [`card_${key}`, value])) };
      formPage(request, response, { entry, form });
    }),
  );
  router.post('/risk/register/:id', submit(true));
  router.post(
    '/risk/register/:id/delete',
    asyncRoute(async (request, response) => {
      const { enterpriseId } = writer(request);
      await register.remove(enterpriseId, param(request, 'id'));
      response.redirect(303, '/risk/register');
    }),
  );
  router.get(
    '/risk/register/:id/card',
    asyncRoute(async (request, response) => {
      const { enterpriseId } = reader(request);
      const entry = entryView(await register.find(enterpriseId, param(request, 'id')));
      context.views.page(request, response, 'risk-entry-card', { title: `岗位风险告知卡：${entry.post}`, entry, conventions, fields: riskMethods.card.fields.map((field) => ({ ...field, value: field.key === 'controls' ? (entry.card?.[field.key] ?? entry.measures) : (entry.card?.[field.key] ?? '') })) });
    }),
  );

  const api = '/api/v1/risk/register';
  router.get(api, asyncRoute(async (request, response) => void response.json({ entries: await register.list(reader(request).enterpriseId) })));
  router.post(api, asyncRoute(async (request, response) => {
    const { user, enterpriseId } = writer(request);
    response.status(201).json(await register.create(enterpriseId, validateBody(riskEntryInput, request.body), user.id));
  }));
  router.get(`${api}/:id`, asyncRoute(async (request, response) => void response.json(await register.find(reader(request).enterpriseId, param(request, 'id')))));
  router.put(`${api}/:id`, asyncRoute(async (request, response) => {
    const { user, enterpriseId } = writer(request);
    response.json(await register.update(enterpriseId, param(request, 'id'), validateBody(riskEntryInput, request.body), user.id));
  }));
  router.delete(`${api}/:id`, asyncRoute(async (request, response) => {
    const { enterpriseId } = writer(request);
    await register.remove(enterpriseId, param(request, 'id'));
    response.status(204).end();
  }));

  router.get('/api/v1/risk/lec', asyncRoute(async (request, response) => (member(request), void response.json(gradeLec(validateBody(lecInput, request.query, 'query'))))));
  return router;
};
