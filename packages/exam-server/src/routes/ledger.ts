// The hazard ledger (隐患排查治理台账): pages under /ledger and the API under /api/v1/ledger, for an
// enterprise and its acceptors. Every step goes through ledger/service.ts.
import { Router, type Request, type Response } from 'express';
import { requireUser } from '../accounts/auth.js';
import type { AppContext } from '../app.js';
import { RequestError } from '../errors.js';
import { actionInput, actionLabels } from '../ledger/flow.js';
import { gradeLabels, missingPlanContents, statusLabels, type LedgerItem } from '../ledger/item.js';
import { order16 } from '../ledger/law.js';
import { dueState, dueStateLabels, periodsOf } from '../ledger/statistics.js';
import { createLedger, sectorTitle } from '../ledger/service.js';
import type { User } from '../store/repository.js';
import { validateBody } from '../validate.js';
import express, { type NextFunction } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { maxEvidenceBytes, sniffEvidence, stageLabels } from '../ledger/evidence.js';
import { forbidden, notFound } from '../errors.js';
import { beijing, ledgerTable } from '../exports/ledger-tables.js';
import { tableCsv, tableXlsx, type Table } from '../exports/table-file.js';
import { asyncRoute } from './async-route.js';

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

export const ledgerRouter = (context: AppContext): Router => {
  const ledger = createLedger(context.repository, context.now, context.asOf);
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
      // This year's and last year's tables: those the enterprise can owe now.
      statistics: [Number(context.asOf().slice(0, 4)) - 1, Number(context.asOf().slice(0, 4))].flatMap(periodsOf).map((period) => {
        const state = dueState(period, context.asOf());
        return { ...period, state, stateLabel: dueStateLabels[state], pastDue: state === 'past-due' };
      }),
    });
  };
  const itemPage = async (request: Request, response: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const user = member(request);
    const item = await ledger.item(user, param(request, 'id'));
    context.views.page(
      request,
      response,
      'ledger-item',
      { title: `台账：${item.title}`, today: context.asOf(), item: itemView(item, ledger.overdue(item)), law: order16, evidence: (await context.repository.listEvidence(item.id)).map((file) => ({ ...file, stageLabel: stageLabels[file.stage], image: file.type.startsWith('image/') })), isAcceptor: user.role === 'acceptor', editable: item.status === 'open' || item.status === 'rectifying', ...extra },
      status,
    );
  };

  router.get('/ledger', asyncRoute(ledgerPage));
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
      const item = await ledger.item(user, param(request, 'id'));
      const query = validateBody(evidenceQuery, { ...request.query }, 'query');
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const type = sniffEvidence(data);
      if (!type) throw new RequestError(415, '只接受 JPEG、PNG 图片或 PDF 扫描件（按文件内容判断，不看扩展名）/ expected a JPEG, PNG or PDF by its content', [{ path: 'body', message: 'expected the bytes of a JPEG, PNG or PDF file' }]);
      const file = { id: randomUUID(), userId: item.userId, itemId: item.id, stage: query.stage, name: query.name, type, size: data.length, dataBase64: data.toString('base64'), uploadedBy: user.id, uploadedAt: context.now().toISOString() };
      await context.repository.saveEvidence(file);
      const { dataBase64: _bytes, ...info } = file;
      response.status(201).json(info);
    }),
  );
  router.get(
    '/ledger/evidence/:id',
    asyncRoute(async (request, response) => {
      const user = requireUser(request, ['enterprise', 'admin', 'acceptor', 'regulator']);
      const file = await context.repository.findEvidence(param(request, 'id'));
      if (!file) throw notFound('证据文件');
      if (user.role === 'regulator') {
        const owner = await context.repository.findUser(file.userId);
        if (!user.region || owner?.region !== user.region) throw notFound('证据文件');
      } else if (ledger.enterpriseOf(user) !== file.userId) throw forbidden();
      response.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      response.setHeader('Cache-Control', 'private, max-age=3600');
      response.type(file.type).send(Buffer.from(file.dataBase64, 'base64'));
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
