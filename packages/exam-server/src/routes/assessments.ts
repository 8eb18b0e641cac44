// Enterprise self-assessment: pages under /assessments and the stored API under /api/v1/self-assessments
// (POST /api/v1/assessments stays the stateless evaluation). Enterprise accounts own their assessments.
import { Router, type Request, type Response } from 'express';
import { InputError } from '@anquan/rules';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { asyncRoute } from './async-route.js';
import { formLayout } from '../assessments/fields.js';
import { factsFromForm, typedFromFacts, type FieldIssue } from '../assessments/form-input.js';
import { formView } from '../assessments/form-view.js';
import { rectificationUpdate } from '../assessments/rectification.js';
import { createSelfAssessments, newAssessmentInput, reassessmentInput } from '../assessments/service.js';
import { RequestError } from '../errors.js';
import type { AssessmentRecord, User } from '../store/repository.js';
import { validateBody } from '../validate.js';

const owners = ['enterprise', 'admin'] as const;
const param = (request: Request, name: string): string => String(request.params[name] ?? '');
const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

export const assessmentsRouter = (context: AppContext): Router => {
  const { views } = context;
  const selfAssessments = createSelfAssessments(context.repository, context.now, context.asOf);
  const router = Router();
  const wrap = asyncRoute;
  const page = views.page;
  const owner = (request: Request): User => requireUser(request, [...owners]);
  const refused = (error: unknown) => (error instanceof RequestError && error.status < 500 ? error : undefined);
  const download = (response: Response, record: AssessmentRecord, body: unknown) => {
    response.setHeader('Content-Disposition', `attachment; filename="self-assessment-${record.sector}-${record.asOf}-${record.id.slice(0, 8)}.json"`);
    response.type('application/json').send(JSON.stringify(body, null, 2));
  };

  // ---- pages ----
  const dashboardPage = async (request: Request, response: Response, user: User, extra: Record<string, unknown> = {}, status = 200) => {
    const today = context.asOf();
    const records = await selfAssessments.list(user);
    const items = await selfAssessments.rectifications(user);
    page(
      request,
      response,
      'assessment-dashboard',
      {
        title: '重大事故隐患自评估',
        today,
        sectors: selfAssessments.sectors(today).map((sector) => ({ id: sector.id, title: sector.title.zh, selected: sector.id === (extra.form as { sector?: string } | undefined)?.sector })),
        counts: await selfAssessments.dashboard(user),
        assessments: records.map((record) => ({ ...record, sectorTitle: selfAssessments.sectorTitle(record.sector), answered: Object.keys(record.facts).length })),
        openItems: items.filter((item) => item.status !== 'closed').map((item) => ({ ...item, statusOpen: item.status === 'open' })),
        message: typeof request.query.message === 'string' ? request.query.message : null,
        ...extra,
      },
      status,
    );
  };

  router.get('/assessments', wrap(async (request, response) => dashboardPage(request, response, owner(request))));
  router.post(
    '/assessments',
    wrap(async (request, response) => {
      const user = owner(request);
      const form = { sector: field(request.body, 'sector'), asOf: field(request.body, 'asOf') };
      try {
        const input = validateBody(newAssessmentInput, { sector: form.sector, ...(form.asOf ? { asOf: form.asOf } : {}) });
        const { record } = await selfAssessments.create(user, input);
        response.redirect(303, `/assessments/${record.id}/edit`);
      } catch (error) {
        const failure = refused(error);
        if (!failure) throw error;
        await dashboardPage(request, response, user, { error: failure.message, issues: failure.issues, form }, failure.status);
      }
    }),
  );

  const formPage = async (request: Request, response: Response, record: AssessmentRecord, options: { asOf?: string; typed?: Record<string, string | string[]>; issues?: FieldIssue[]; error?: string; status?: number } = {}) => {
    const asOf = options.asOf ?? record.asOf;
    const layout = formLayout(record.sector, asOf);
    // The answers so far decide which categories can matter; a refused form keeps its stored evaluation.
    const findings = options.issues ? undefined : (await selfAssessments.report(request.user!, record.id)).assessment.findings;
    const view = formView(layout, options.typed ?? typedFromFacts(record.facts), { issues: options.issues ?? [], ...(findings ? { findings } : {}) });
    page(
      request,
      response,
      'assessment-form',
      { title: `自评估：${selfAssessments.sectorTitle(record.sector)}`, record, asOf, sectorTitle: selfAssessments.sectorTitle(record.sector), form: view, error: options.error, issues: options.issues, saved: request.query.saved === '1' },
      options.status ?? 200,
    );
  };

  router.get(
    '/assessments/:id/edit',
    wrap(async (request, response) => formPage(request, response, await selfAssessments.get(owner(request), param(request, 'id')))),
  );
  router.post(
    '/assessments/:id',
    wrap(async (request, response) => {
      const user = owner(request);
      const record = await selfAssessments.get(user, param(request, 'id'));
      const asOf = field(request.body, 'asOf') || record.asOf;
      let layout;
      try {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new InputError([{ path: 'asOf', message: 'expected a date YYYY-MM-DD' }]);
        layout = formLayout(record.sector, asOf);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const issues = error.issues.map((issue) => ({ path: 'asOf', message: `评估日期：${issue.message}` }));
        return formPage(request, response, record, { typed: typedFromFacts(record.facts), issues, error: `评估日期有误，未保存：${issues.map((issue) => issue.message).join('；')}`, status: 400 });
      }
      const { facts, typed, issues } = factsFromForm(layout, request.body as Record<string, unknown>);
      if (issues.length > 0) {
        return formPage(request, response, record, { asOf, typed, issues, error: `有 ${issues.length} 处填写有误，未保存：${issues.map((issue) => issue.message).join('；')}`, status: 400 });
      }
      try {
        await selfAssessments.reassess(user, record.id, { facts, asOf });
      } catch (error) {
        const failure = refused(error);
        if (!failure) throw error;
        return formPage(request, response, record, { asOf, typed, issues: failure.issues, error: `${failure.message}（未保存）`, status: failure.status });
      }
      response.redirect(303, field(request.body, 'then') === 'stay' ? `/assessments/${record.id}/edit?saved=1` : `/assessments/${record.id}`);
    }),
  );

  const reportPage = async (request: Request, response: Response, user: User, id: string, extra: Record<string, unknown> = {}, status = 200) => {
    const { report } = await selfAssessments.report(user, id);
    page(
      request,
      response,
      'assessment-report',
      {
        title: `自评估报告：${report.sectorTitle}`,
        report,
        hazardCount: report.hazards.length,
        counts: await selfAssessments.dashboard(user),
        ...extra,
      },
      status,
    );
  };
  router.get('/assessments/:id', wrap(async (request, response) => reportPage(request, response, owner(request), param(request, 'id'))));
  router.get(
    '/assessments/:id/report.json',
    wrap(async (request, response) => {
      const { record, download: body } = await selfAssessments.report(owner(request), param(request, 'id'));
      download(response, record, body);
    }),
  );
  router.post(
    '/assessments/:id/rectifications/:itemId',
    wrap(async (request, response) => {
      const user = owner(request);
      const id = param(request, 'id');
      await selfAssessments.get(user, id);
      try {
        const update = validateBody(rectificationUpdate, { status: field(request.body, 'status'), responsible: field(request.body, 'responsible'), note: field(request.body, 'note') });
        await selfAssessments.updateRectification(user, param(request, 'itemId'), update, id);
        response.redirect(303, `/assessments/${id}#hazards`);
      } catch (error) {
        const failure = refused(error);
        if (!failure || failure.status === 404) throw error;
        await reportPage(request, response, user, id, { error: failure.message, issues: failure.issues }, failure.status);
      }
    }),
  );

  // ---- API: /api/v1/self-assessments (stored; POST /api/v1/assessments is the stateless evaluation) ----
  const api = '/api/v1/self-assessments';
  router.get(api, wrap(async (request, response) => void response.json(await selfAssessments.list(owner(request)))));
  router.post(
    api,
    wrap(async (request, response) => {
      const user = owner(request);
      const { record, created } = await selfAssessments.create(user, validateBody(newAssessmentInput, request.body));
      const { report } = await selfAssessments.report(user, record.id);
      response.status(201).json({ assessment: record, report, createdRectifications: created });
    }),
  );
  router.get(`${api}/dashboard`, wrap(async (request, response) => void response.json(await selfAssessments.dashboard(owner(request)))));
  router.get(
    `${api}/:id`,
    wrap(async (request, response) => {
      const { record, report } = await selfAssessments.report(owner(request), param(request, 'id'));
      response.json({ assessment: record, report });
    }),
  );
  router.put(
    `${api}/:id`,
    wrap(async (request, response) => {
      const user = owner(request);
      const { record, created, cleared } = await selfAssessments.reassess(user, param(request, 'id'), validateBody(reassessmentInput, request.body));
      const { report } = await selfAssessments.report(user, record.id);
      response.json({ assessment: record, report, createdRectifications: created, cleared });
    }),
  );
  router.get(
    `${api}/:id/report.json`,
    wrap(async (request, response) => {
      const { record, download: body } = await selfAssessments.report(owner(request), param(request, 'id'));
      download(response, record, body);
    }),
  );
  router.get(`${api}/:id/rectifications`, wrap(async (request, response) => void response.json(await selfAssessments.rectifications(owner(request), param(request, 'id')))));
  router.patch(
    `${api}/:id/rectifications/:itemId`,
    wrap(async (request, response) => {
      const user = owner(request);
      await selfAssessments.get(user, param(request, 'id'));
      response.json(await selfAssessments.updateRectification(user, param(request, 'itemId'), validateBody(rectificationUpdate, request.body), param(request, 'id')));
    }),
  );
  return router;
};
