// The regulator's pages and API (read-only, scoped to the region) and the administrator's assignment of
// regions and acceptors, with creation of acceptor and regulator accounts.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { registrationSchema } from '../accounts/accounts.js';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { notFound, RequestError } from '../errors.js';
import { createRegulator } from '../regulator/service.js';
import { trendSvg } from '../regulator/trend-chart.js';
import { validateBody } from '../validate.js';
import { asyncRoute } from './async-route.js';
import { itemView, reportView, sendTable } from './ledger.js';
import { createLedger } from '../ledger/service.js';
import { createRiskRegister } from '../risk/register.js';
import { riskMethods } from '../risk/levels.js';
import express from 'express';
import { beijing, regionTable } from '../exports/ledger-tables.js';
import { checkSheet, readSheet, templateColumns } from '../regulator/screening.js';
import { createScreeningJobs, type ScreeningJob } from '../regulator/screening-jobs.js';
import { multipartForm, uploadedFile } from '../ledger/multipart.js';
import type { Table } from '../exports/table-file.js';
import { isoDate } from '../ledger/item.js';
import { listSectors } from '@anquan/rules';

const roleLabels: Record<string, string> = { trainee: '学员', admin: '管理员', enterprise: '企业', acceptor: '验收人', regulator: '监管' };

/** Accounts the administrator creates: every role a visitor cannot register for themselves, and the others. */
export const adminUserInput = registrationSchema.omit({ role: true }).extend({
  role: z.enum(['trainee', 'enterprise', 'acceptor', 'regulator'], { error: 'expected trainee, enterprise, acceptor or regulator' }),
  region: z.string().trim().min(1, 'expected a region name').max(40, 'expected at most 40 characters').optional(),
  enterpriseId: z.string().trim().min(1).max(64).optional(),
});
const name = z.string().trim().max(40, 'expected at most 40 characters');
export const assignmentInput = z.strictObject({
  region: name.nullable().optional().transform((value) => (value === '' ? null : value)),
  enterpriseId: z.string().trim().max(64).nullable().optional().transform((value) => (value === '' ? null : value)),
});

/** A list to screen arrives as an xlsx file (CSV as text): app.ts reads its bytes before the parsers that refuse other bodies. */
export const screeningUpload = {
  path: '/api/v1/regulator/screenings',
  parse: express.raw({ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', limit: '10mb' }),
};

/** The page's upload form (multipart): read before the CSRF check, like the evidence form. */
export const screeningFormUpload = { path: '/regulator/screening', parse: multipartForm(10 * 1024 * 1024) };

/** A job as the API and the progress page show it: the percentage, and the result once done. */
const jobView = (job: ScreeningJob) => ({ ...job, percent: job.total === 0 ? (job.state === 'running' ? 0 : 100) : Math.floor((job.done * 100) / job.total) });

export const regulatorRouter = (context: AppContext): Router => {
  const regulator = createRegulator(context.repository, context.now, context.asOf);
  const router = Router();
  const jobs = createScreeningJobs(context.repository, context.now);
  const ledgerService = createLedger(context.repository, context.now, context.asOf);
  const risks = createRiskRegister(context.repository, context.now);
  /** The region's 重大风险: every entry of the highest level in its enterprises' registers. */
  const majorRisks = async (user: ReturnType<typeof viewer>) => risks.major(await regulator.regionEnterprises(user));
  router.get('/api/v1/regulator/risks', asyncRoute(async (request, response) => void response.json({ level: riskMethods.levels.order[0], label: riskMethods.levels.labels[riskMethods.levels.order[0]!], entries: await majorRisks(viewer(request)) })));
  router.get(
    '/regulator/risks',
    asyncRoute(async (request, response) => {
      const user = viewer(request);
      const entries = await majorRisks(user);
      context.views.page(request, response, 'regulator-risks', { title: '辖区重大风险', region: user.region, entries, enterprises: new Set(entries.map((entry) => entry.enterpriseId)).size, conventions: { lec: riskMethods.lec.note, ls: riskMethods.ls.note, levels: riskMethods.levels.source } });
    }),
  );
  const param = (request: Request, key: string) => String(request.params[key] ?? '');
  const viewer = (request: Request) => requireUser(request, ['regulator']);
  const admin = (request: Request) => requireUser(request, ['admin']);

  const tableView = (table: Awaited<ReturnType<typeof regulator.table>>) => ({
    ...table,
    rows: table.rows.map((row) => ({ ...row, perThousandText: row.perThousand === null ? '—' : row.perThousand.toFixed(0) })),
    totals: { ...table.totals, perThousandText: table.totals.perThousand === null ? '—' : table.totals.perThousand.toFixed(0) },
    // A short list of screened enterprises opens by itself; a long one (a thousand rows) waits to be asked for.
    screenedOnlyOpen: table.screenedOnly.length <= 50,
  });

  router.get('/regulator', asyncRoute(async (request, response) => void context.views.page(request, response, 'regulator', { title: '辖区隐患排查治理', today: context.asOf(), ...tableView(await regulator.table(viewer(request))) })));
  router.get(
    '/regulator/trend.svg',
    asyncRoute(async (request, response) => {
      const table = await regulator.table(viewer(request));
      response.type('image/svg+xml').setHeader('Cache-Control', 'private, no-store');
      response.send(trendSvg(table.trend));
    }),
  );
  router.get(
    '/regulator/enterprises/:id',
    asyncRoute(async (request, response) => {
      const user = viewer(request);
      const enterprise = await regulator.enterprise(user, param(request, 'id'));
      context.views.page(request, response, 'regulator-enterprise', { title: `企业台账：${enterprise.name}`, today: context.asOf(), region: user.region, enterprise, items: enterprise.items.map((item) => itemView(item, item.overdue)) });
    }),
  );
  router.get(
    '/regulator/enterprises/:id/report',
    asyncRoute(async (request, response) => {
      const user = viewer(request);
      const enterprise = await regulator.enterprise(user, param(request, 'id'));
      context.views.page(request, response, 'ledger-report', { title: `隐患排查治理报告：${enterprise.name}`, today: context.asOf(), back: `/regulator/enterprises/${enterprise.enterpriseId}`, ...(await reportView(ledgerService, enterprise.name, enterprise.enterpriseId)) });
    }),
  );
  router.get(
    /^\/regulator\/export\.(xlsx|csv)$/,
    asyncRoute(async (request, response) => {
      const table = await regulator.table(viewer(request));
      await sendTable(response, regionTable(table), `region-${context.asOf()}`, request.path.endsWith('.csv') ? 'csv' : 'xlsx');
    }),
  );

  // ---- bulk screening ----
  const screeningSectors = () => listSectors().filter((sector) => {
    try {
      return templateColumns(sector.id, context.asOf()).names.length > 1;
    } catch {
      return false;
    }
  });
  router.get(
    /^\/regulator\/screening\/template-([a-z0-9-]+)\.(xlsx|csv)$/,
    asyncRoute(async (request, response) => {
      viewer(request);
      const [, sector, format] = /template-([a-z0-9-]+)\.(xlsx|csv)$/.exec(request.path)!;
      if (!screeningSectors().some((candidate) => candidate.id === sector)) throw notFound('行业');
      const { names, labels } = templateColumns(sector!, context.asOf());
      const table: Table = { sheet: '筛查模板', headers: names, rows: [labels, ['示例企业', ...names.slice(1).map(() => null)]] };
      await sendTable(response, table, `screening-template-${sector}`, format as 'xlsx' | 'csv');
    }),
  );
  const screeningQuery = z.strictObject({ sector: z.string({ error: 'expected a sector id' }).min(1, 'expected a sector id'), asOf: isoDate.optional() });
  /** Checks the sector and the sheet, then screens it as a job; a bad request is refused before any job starts. */
  const startScreening = async (user: ReturnType<typeof viewer>, input: unknown, path: 'query' | 'body', upload: { type: 'xlsx'; data: Buffer } | { type: 'csv'; text: string }) => {
    const region = regulator.regionOf(user);
    const query = validateBody(screeningQuery, input, path);
    if (!screeningSectors().some((sector) => sector.id === query.sector)) throw new RequestError(400, '没有该行业的筛查模板 / no such sector', [{ path: `${path}.sector`, message: 'expected a sector with a fact vocabulary' }]);
    const sheet = await readSheet(upload);
    checkSheet(sheet);
    return (await jobs.start(user, region, query.sector, query.asOf ?? context.asOf(), sheet)).job;
  };
  router.post(
    screeningUpload.path,
    screeningUpload.parse,
    asyncRoute(async (request, response) => {
      const user = viewer(request);
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      const upload = Buffer.isBuffer(request.body) ? { type: 'xlsx' as const, data: request.body } : typeof request.body === 'string' && type === 'text/csv' ? { type: 'csv' as const, text: request.body } : undefined;
      if (!upload) throw new RequestError(415, '请上传 xlsx 或 CSV 文件 / expected an xlsx or text/csv body', [{ path: 'body', message: 'expected application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or text/csv' }]);
      const job = await startScreening(user, { ...request.query }, 'query', upload);
      response.status(202).setHeader('Location', `/api/v1/regulator/screenings/${job.id}`);
      response.json(jobView(job));
    }),
  );
  router.get('/api/v1/regulator/screenings/:id', asyncRoute(async (request, response) => void response.json(jobView(await jobs.get(regulator.regionOf(viewer(request)), param(request, 'id'))))));

  const screeningPage = async (request: Request, response: Response, extra: Record<string, unknown> = {}, status = 200) => {
    viewer(request);
    context.views.page(request, response, 'regulator-screening', { title: '批量筛查', today: context.asOf(), sectors: screeningSectors().map((sector) => ({ id: sector.id, title: sector.title.zh })), ...extra }, status);
  };
  router.get('/regulator/screening', asyncRoute(async (request, response) => screeningPage(request, response)));
  router.post(
    screeningFormUpload.path,
    asyncRoute(async (request, response) => {
      const user = viewer(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const file = uploadedFile(response);
      try {
        if (!file || file.data.length === 0) throw new RequestError(400, '请选择要上传的 xlsx 或 CSV 文件 / expected a file', [{ path: 'file', message: 'expected an xlsx or CSV file' }]);
        // An xlsx is a zip (PK…); anything else is read as UTF-8 CSV text.
        const upload = file.data[0] === 0x50 && file.data[1] === 0x4b ? { type: 'xlsx' as const, data: file.data } : { type: 'csv' as const, text: file.data.toString('utf8') };
        const job = await startScreening(user, { sector: body.sector, ...(typeof body.asOf === 'string' && body.asOf !== '' ? { asOf: body.asOf } : {}) }, 'body', upload);
        response.redirect(303, `/regulator/screening/jobs/${job.id}`);
      } catch (error) {
        if (!(error instanceof RequestError) || error.status >= 500) throw error;
        await screeningPage(request, response, { error: error.message, issues: error.issues, form: { sector: body.sector, asOf: body.asOf } }, error.status);
      }
    }),
  );
  router.get(
    '/regulator/screening/jobs/:id',
    asyncRoute(async (request, response) => {
      const job = jobView(await jobs.get(regulator.regionOf(viewer(request)), param(request, 'id')));
      const sector = screeningSectors().find((candidate) => candidate.id === job.sector);
      context.views.page(request, response, 'regulator-screening-job', {
        title: job.state === 'running' ? `筛查中 ${job.percent}%` : '筛查结果',
        // Without script the page refreshes itself until the job is done.
        refresh: job.state === 'running' ? 2 : null,
        job,
        running: job.state === 'running',
        failed: job.state === 'failed',
        sectorTitle: sector?.title.zh ?? job.sector,
        withHazards: job.result?.screened.filter((row) => row.hazard > 0).length ?? 0,
        startedAtText: beijing(job.startedAt),
      });
    }),
  );

  router.get('/api/v1/regulator/enterprises', asyncRoute(async (request, response) => void response.json(await regulator.table(viewer(request)))));
  router.get('/api/v1/regulator/enterprises/:id', asyncRoute(async (request, response) => void response.json(await regulator.enterprise(viewer(request), param(request, 'id')))));

  // ---- the administrator: accounts and regions (the admin service does the work, for page and API alike) ----
  const usersView = async (request: Request) =>
    (await context.admin.users(admin(request))).filter((user) => user.role !== 'trainee').map((user) => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, roleLabel: roleLabels[user.role], region: user.region ?? '', enterpriseId: user.enterpriseId ?? '' }));
  const createUser = (request: Request, input: z.output<typeof adminUserInput>) => context.admin.createUser(admin(request), input);
  const assign = (request: Request, id: string, input: z.output<typeof assignmentInput>) => context.admin.assignUser(admin(request), id, input);
  const publicUser = (user: { id: string; username: string; displayName: string; role: string; region?: string; enterpriseId?: string }) => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, region: user.region ?? null, enterpriseId: user.enterpriseId ?? null });

  const regionsPage = async (request: Request, response: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const users = await usersView(request);
    context.views.page(request, response, 'admin-regions', { title: '辖区与账号', users, enterprises: users.filter((user) => user.role === 'enterprise'), message: typeof request.query.message === 'string' ? request.query.message : null, ...extra }, status);
  };
  const formFailure = async (request: Request, response: Response, error: unknown) => {
    if (!(error instanceof RequestError) || error.status >= 500) throw error;
    await regionsPage(request, response, { error: error.message, issues: error.issues }, error.status);
  };
  router.get('/admin/regions', asyncRoute(async (request, response) => regionsPage(request, response)));
  router.post(
    '/admin/users',
    asyncRoute(async (request, response) => {
      admin(request);
      const body = request.body as Record<string, unknown>;
      const text = (key: string) => (typeof body[key] === 'string' && (body[key] as string).trim() !== '' ? (body[key] as string) : undefined);
      try {
        await createUser(request, validateBody(adminUserInput, { username: body.username, displayName: body.displayName, password: body.password, role: body.role, ...(text('region') ? { region: text('region') } : {}), ...(text('enterpriseId') ? { enterpriseId: text('enterpriseId') } : {}) }));
        response.redirect(303, `/admin/regions?message=${encodeURIComponent('账号已创建')}`);
      } catch (error) {
        await formFailure(request, response, error);
      }
    }),
  );
  router.post(
    '/admin/users/:id/assignment',
    asyncRoute(async (request, response) => {
      admin(request);
      const body = request.body as Record<string, unknown>;
      try {
        await assign(request, param(request, 'id'), validateBody(assignmentInput, { ...(typeof body.region === 'string' ? { region: body.region } : {}), ...(typeof body.enterpriseId === 'string' ? { enterpriseId: body.enterpriseId } : {}) }));
        response.redirect(303, `/admin/regions?message=${encodeURIComponent('已保存')}`);
      } catch (error) {
        await formFailure(request, response, error);
      }
    }),
  );
  router.get('/api/v1/admin/users', asyncRoute(async (request, response) => void response.json((await context.admin.users(admin(request))).map(publicUser))));
  router.post('/api/v1/admin/users', asyncRoute(async (request, response) => (admin(request), void response.status(201).json(publicUser(await createUser(request, validateBody(adminUserInput, request.body)))))));
  router.put('/api/v1/admin/users/:id/assignment', asyncRoute(async (request, response) => (admin(request), void response.json(publicUser(await assign(request, param(request, 'id'), validateBody(assignmentInput, request.body)))))));
  return router;
};
