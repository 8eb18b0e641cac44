// The hazard ledger (隐患排查治理台账): pages under /ledger and the API under /api/v1/ledger, for an
// enterprise and its acceptors. Every step goes through ledger/service.ts.
import { Router, type Request, type Response } from 'express';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { RequestError } from '../errors.js';
import { actionInput, actionLabels } from '../ledger/flow.js';
import { gradeLabels, missingPlanContents, statusLabels, type LedgerItem } from '../ledger/item.js';
import { order16 } from '../ledger/law.js';
import { createStatisticsSubmissions, submissionInput } from '../ledger/statistics-submissions.js';
import { createLedger, sectorTitle, type Ledger } from '../ledger/service.js';
import type { User } from '../store/repository.js';
import { validateBody } from '../validate.js';
import express, { type NextFunction } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { maxEvidenceBytes } from '../ledger/evidence.js';
import { multipartForm, uploadedFile } from '../ledger/multipart.js';
import { decodeImage, thumbnail } from '../ledger/thumbnail.js';
import { notFound } from '../errors.js';
import { beijing, ledgerTable } from '../exports/ledger-tables.js';
import { tableCsv, tableXlsx, type Table } from '../exports/table-file.js';
import { asyncRoute } from './async-route.js';
import { findUser } from '../ledger/users.js';

const members = ['enterprise', 'admin', 'acceptor'] as const;
const planFields = ['goal', 'measures', 'fundsYuan', 'materials', 'organisation', 'persons', 'deadline', 'requirements', 'safetyMeasures', 'emergencyPlan', 'supervisionAuthority', 'supervisionDate'] as const;

const beijingTime = (at: string | null | undefined): string => beijing(at) ?? '';

/** An item as pages show it: labels in Chinese, the overdue flag, what the plan still lacks. */
export const itemView = (item: LedgerItem, overdue: boolean) => ({
  ...item,
  statusLabel: statusLabels[item.status],
  gradeLabel: gradeLabels[item.ledger.grade],
  sectorTitle: sectorTitle(item.ledger.sector),
  overdue,
  foundAtText: beijingTime(item.foundAt),
  rectifiedAtText: beijingTime(item.ledger.rectifiedBy?.at),
  missing: missingPlanContents(item.ledger.plan).map((content) => content.label),
  history: item.ledger.history.map((entry) => ({ ...entry, atText: beijingTime(entry.at), actionLabel: actionLabels[entry.action] ?? entry.action, fromLabel: statusLabels[entry.from as LedgerItem['status']] ?? '', toLabel: statusLabels[entry.to as LedgerItem['status']] ?? '' })),
});

/** A form's plan fields as the API's plan: blanks are “not given”, except text the user cleared on purpose. */
const planFromForm = (body: Record<string, unknown>) => {
  const plan: Record<string, unknown> = {};
  for (const name of planFields) {
    const value = body[name];
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (name === 'fundsYuan' || name === 'deadline' || name === 'supervisionDate') plan[name] = trimmed === '' ? null : trimmed;
    else plan[name] = trimmed;
  }
  return plan;
};

/** Sends a table as an attachment; the name is ASCII, the Chinese one goes in filename*. */
export const sendTable = async (response: Response, table: Table, name: string, format: 'xlsx' | 'csv') => {
  const file = `${name}.${format}`;
  response.setHeader('Content-Disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(`${table.sheet}-${file}`)}`);
  if (format === 'csv') response.type('text/csv; charset=utf-8').send(tableCsv(table));
  else response.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableXlsx(table));
};

const evidenceUploadPath = '/api/v1/ledger/items/:id/evidence';
const rawUpload = express.raw({ type: () => true, limit: maxEvidenceBytes });
/** The body as bytes; too large is a 413 that says the limit, not a server error. */
const evidenceBody = (request: Request, response: Response, next: NextFunction) =>
  rawUpload(request, response, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') return next(new RequestError(413, `文件不能超过 ${maxEvidenceBytes / 1024 / 1024} MB / at most ${maxEvidenceBytes} bytes`, [{ path: 'body', message: `expected at most ${maxEvidenceBytes} bytes` }]));
    next(error);
  });

/** Evidence arrives as a file: app.ts reads its bytes before the parsers that refuse other bodies. */
export const evidenceUpload = { path: evidenceUploadPath, parse: evidenceBody };
/** The item page's upload form (multipart), read before the CSRF check so its _csrf field counts. */
export const evidenceFormUpload = { path: '/ledger/items/:id/evidence', parse: multipartForm(maxEvidenceBytes) };

/** The printable report of an enterprise's ledger: figures, every item with its plan, acceptance and evidence. */
export const reportView = async (ledger: Ledger, name: string, enterpriseId: string) => {
  const items = await ledger.items(enterpriseId);
  return {
    name,
    figures: await ledger.figures(enterpriseId),
    law: order16,
    items: await Promise.all(items.map(async (item) => ({ ...itemView(item, ledger.overdue(item)), evidence: await ledger.evidenceOf(item.id) }))),
  };
};

export const ledgerRouter = (context: AppContext): Router => {
  const ledger = createLedger(context.repository, context.now, context.asOf);
  const statistics = createStatisticsSubmissions(context.repository, context.now, context.asOf, sectorTitle);
  const router = Router();
  const member = (request: Request): User => requireUser(request, [...members]);
  const param = (request: Request, name: string) => String(request.params[name] ?? '');

  const ledgerPage = async (request: Request, response: Response) => {
    const user = member(request);
    const enterpriseId = ledger.enterpriseOf(user);
    const items = await ledger.items(enterpriseId);
    context.views.page(request, response, 'ledger', {
      title: '隐患排查治理台账',
      today: context.asOf(),
      figures: await ledger.figures(enterpriseId),
      items: items.map((item) => itemView(item, ledger.overdue(item))),
      unknowns: await ledger.unknowns(enterpriseId),
      law: order16,
      // This year's and last year's tables the enterprise can owe now (from when it is on record), with their submissions.
      statistics: await statistics.periods(enterpriseId, items),
    });
  };
  const itemPage = async (request: Request, response: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const user = member(request);
    const item = await ledger.item(user, param(request, 'id'));
    context.views.page(
      request,
      response,
      'ledger-item',
      { title: `台账：${item.title}`, today: context.asOf(), item: itemView(item, ledger.overdue(item)), law: order16, evidence: await ledger.evidenceOf(item.id), evidenceStage: item.status === 'awaiting' || item.status === 'closed' ? 'acceptance' : item.status === 'rectifying' ? 'rectification' : 'found', isAcceptor: user.role === 'acceptor', editable: item.status === 'open' || item.status === 'rectifying', ...extra },
      status,
    );
  };

  router.get('/ledger', asyncRoute(ledgerPage));

  // ---- statistics tables: due, overdue, submitted with the 主要负责人's signature ----
  /** Only the enterprise itself (or an administrator) submits its tables; its acceptor reads them. */
  const submitter = (request: Request) => requireUser(request, ['enterprise', 'admin']);
  const statisticsPage = async (request: Request, response: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const user = member(request);
    const enterpriseId = ledger.enterpriseOf(user);
    const periods = (await statistics.periods(enterpriseId, await ledger.items(enterpriseId))).map((period) => ({ ...period, submittedAtText: beijingTime(period.submission?.submittedAt) }));
    context.views.page(request, response, 'ledger-statistics', { title: '隐患排查治理统计分析表报送', today: context.asOf(), law: order16, periods: periods.reverse(), canSubmit: user.role !== 'acceptor', ...extra }, status);
  };
  router.get('/ledger/statistics', asyncRoute(async (request, response) => statisticsPage(request, response)));
  router.post(
    '/ledger/statistics/:period',
    asyncRoute(async (request, response) => {
      const user = submitter(request);
      const enterpriseId = ledger.enterpriseOf(user);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await statistics.submit(user, enterpriseId, param(request, 'period'), validateBody(submissionInput, { principalName: body.principalName, signedOn: body.signedOn }), await ledger.items(enterpriseId));
        response.redirect(303, `/ledger/statistics?submitted=${encodeURIComponent(param(request, 'period'))}#${encodeURIComponent(param(request, 'period'))}`);
      } catch (error) {
        if (!(error instanceof RequestError) || error.status === 404 || error.status >= 500) throw error;
        await statisticsPage(request, response, { error: error.message, issues: error.issues, failedPeriod: param(request, 'period'), form: { principalName: body.principalName, signedOn: body.signedOn } }, error.status);
      }
    }),
  );
  router.get(
    '/api/v1/ledger/statistics',
    asyncRoute(async (request, response) => {
      const enterpriseId = ledger.enterpriseOf(member(request));
      response.json({ periods: await statistics.periods(enterpriseId, await ledger.items(enterpriseId)) });
    }),
  );
  router.post(
    '/api/v1/ledger/statistics/:period',
    asyncRoute(async (request, response) => {
      const user = submitter(request);
      const enterpriseId = ledger.enterpriseOf(user);
      response.status(201).json(await statistics.submit(user, enterpriseId, param(request, 'period'), validateBody(submissionInput, request.body), await ledger.items(enterpriseId)));
    }),
  );
  router.get(
    '/ledger/report',
    asyncRoute(async (request, response) => {
      const user = member(request);
      const enterpriseId = ledger.enterpriseOf(user);
      const name = enterpriseId === user.id ? user.displayName : ((await findUser(context, enterpriseId))?.displayName ?? '');
      context.views.page(request, response, 'ledger-report', { title: `隐患排查治理报告：${name}`, today: context.asOf(), back: '/ledger', ...(await reportView(ledger, name, enterpriseId)) });
    }),
  );
  /** The acceptor's landing page: the items waiting for acceptance, oldest rectification first. */
  const awaiting = async (user: User) =>
    (await ledger.items(ledger.enterpriseOf(user))).filter((item) => item.status === 'awaiting').sort((a, b) => (a.ledger.rectifiedBy?.at ?? '').localeCompare(b.ledger.rectifiedBy?.at ?? '') || a.id.localeCompare(b.id));
  router.get(
    '/ledger/acceptance',
    asyncRoute(async (request, response) => {
      const user = member(request);
      const items = await awaiting(user);
      context.views.page(request, response, 'ledger-acceptance', { title: '待验收的隐患', today: context.asOf(), isAcceptor: user.role === 'acceptor', items: items.map((item) => itemView(item, ledger.overdue(item))) });
    }),
  );
  router.get('/api/v1/ledger/acceptance', asyncRoute(async (request, response) => void response.json({ items: (await awaiting(member(request))).map((item) => ({ ...item, overdue: ledger.overdue(item) })) })));
  router.get('/ledger/items/:id', asyncRoute(async (request, response) => itemPage(request, response)));
  router.post(
    '/ledger/items/:id',
    asyncRoute(async (request, response) => {
      const user = member(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const name = typeof body.action === 'string' ? body.action : '';
      const input = name === 'plan' ? { action: 'plan', plan: planFromForm(body) } : name === 'accept' ? { action: name, person: body.person, date: body.date, note: body.note } : name === 'close' ? { action: name } : { action: name, ...(typeof body.note === 'string' && body.note.trim() ? { note: body.note } : {}) };
      try {
        await ledger.act(user, param(request, 'id'), validateBody(actionInput, input));
        response.redirect(303, `/ledger/items/${param(request, 'id')}?done=${encodeURIComponent(name)}`);
      } catch (error) {
        if (!(error instanceof RequestError) || error.status === 404 || error.status >= 500) throw error;
        await itemPage(request, response, { error: error.message, issues: error.issues }, error.status);
      }
    }),
  );

  router.get(
    /^\/ledger\/export\.(xlsx|csv)$/,
    asyncRoute(async (request, response) => {
      const enterpriseId = ledger.enterpriseOf(member(request));
      const format = request.path.endsWith('.csv') ? 'csv' : 'xlsx';
      await sendTable(response, ledgerTable(await ledger.items(enterpriseId), context.asOf(), sectorTitle), `ledger-${context.asOf()}`, format);
    }),
  );

  // ---- evidence ----
  const evidenceQuery = z.strictObject({ stage: z.enum(['found', 'rectification', 'acceptance'], { error: 'expected found, rectification or acceptance' }), name: z.string({ error: 'expected a file name' }).trim().min(1, 'expected a file name').max(120, 'expected at most 120 characters') });
  router.post(
    evidenceUploadPath,
    evidenceBody,
    asyncRoute(async (request, response) => {
      const user = member(request);
      await ledger.item(user, param(request, 'id'));
      const query = validateBody(evidenceQuery, { ...request.query }, 'query');
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      response.status(201).json(await ledger.addEvidence(user, param(request, 'id'), query.stage, query.name, data));
    }),
  );
  router.post(
    evidenceFormUpload.path,
    asyncRoute(async (request, response) => {
      const user = member(request);
      const file = uploadedFile(response);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        if (!file || file.data.length === 0) throw new RequestError(400, '请选择要上传的照片或 PDF / expected a file', [{ path: 'file', message: 'expected a JPEG, PNG or PDF file' }]);
        const input = validateBody(evidenceQuery, { stage: body.stage, name: (file.name || '证据').slice(-120) });
        await ledger.addEvidence(user, param(request, 'id'), input.stage, input.name, file.data);
        response.redirect(303, `/ledger/items/${param(request, 'id')}?done=evidence#evidence`);
      } catch (error) {
        if (!(error instanceof RequestError) || error.status === 404 || error.status >= 500) throw error;
        await itemPage(request, response, { evidenceError: error.message, evidenceIssues: error.issues }, error.status);
      }
    }),
  );
  /** Thumbnails made on first request and kept (a few hundred small JPEGs) so a page of photos costs one decode each. */
  const thumbnails = new Map<string, Buffer>();
  const keptThumbnails = 300;
  router.get(
    '/ledger/evidence/:id',
    asyncRoute(async (request, response) => {
      const file = await ledger.evidenceFor(requireUser(request, ['enterprise', 'admin', 'acceptor', 'regulator']), param(request, 'id'));
      response.setHeader('Content-Disposition', `${file.type === 'application/pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      response.setHeader('Cache-Control', 'private, max-age=3600');
      response.type(file.type).send(Buffer.from(file.dataBase64, 'base64'));
    }),
  );
  router.get(
    '/ledger/evidence/:id/thumbnail',
    asyncRoute(async (request, response) => {
      const file = await ledger.evidenceFor(requireUser(request, ['enterprise', 'admin', 'acceptor', 'regulator']), param(request, 'id'));
      if (file.type === 'application/pdf') throw notFound('缩略图');
      let small = thumbnails.get(file.id);
      if (!small) {
        const image = decodeImage(file.type, Buffer.from(file.dataBase64, 'base64'));
        if (!image) throw notFound('缩略图');
        small = thumbnail(image);
        thumbnails.set(file.id, small);
        if (thumbnails.size > keptThumbnails) thumbnails.delete(thumbnails.keys().next().value!);
      }
      response.setHeader('Cache-Control', 'private, max-age=3600');
      response.type('image/jpeg').send(small);
    }),
  );

  const api = '/api/v1/ledger';
  router.get(
    api,
    asyncRoute(async (request, response) => {
      const enterpriseId = ledger.enterpriseOf(member(request));
      const items = await ledger.items(enterpriseId);
      response.json({ figures: await ledger.figures(enterpriseId), items: items.map((item) => ({ ...item, overdue: ledger.overdue(item) })), unknowns: await ledger.unknowns(enterpriseId) });
    }),
  );
  router.get(`${api}/figures`, asyncRoute(async (request, response) => void response.json(await ledger.figures(ledger.enterpriseOf(member(request))))));
  router.get(
    `${api}/items/:id`,
    asyncRoute(async (request, response) => {
      const item = await ledger.item(member(request), param(request, 'id'));
      response.json({ ...item, overdue: ledger.overdue(item) });
    }),
  );
  router.post(
    `${api}/items/:id/actions`,
    asyncRoute(async (request, response) => {
      const item = await ledger.act(member(request), param(request, 'id'), validateBody(actionInput, request.body));
      response.json({ ...item, overdue: ledger.overdue(item) });
    }),
  );
  return router;
};
