// Stored self-assessments of an enterprise account: create, evaluate again on new facts, report, and the
// rectification items their hazards become. Every change is evaluated first and saved only if it is valid.
import { randomUUID } from 'node:crypto';
import { assess, InputError, listSectors, type Assessment } from '@anquan/rules';
import { z } from 'zod';
import { forbidden, notFound, RequestError } from '../errors.js';
import type { AssessmentRecord, Repository, User } from '../store/repository.js';
import { formLayout } from './fields.js';
import { trackHazards, type RectificationUpdate } from './rectification.js';
import { createLedger } from '../ledger/service.js';
import type { LedgerAction } from '../ledger/flow.js';
import { buildReport, reportDownload } from './report.js';

const isoDate = z.string({ error: 'expected a date YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const facts = z.record(z.string(), z.unknown(), { error: 'expected an object of facts' });
export const newAssessmentInput = z.strictObject({ sector: z.string({ error: 'expected a sector id' }).min(1, 'expected a sector id'), asOf: isoDate.optional(), facts: facts.default({}) });
export const reassessmentInput = z.strictObject({ facts, asOf: isoDate.optional() });

/** The library names the date `options.asOf`; to a caller of this service it is the body's `asOf`. */
const renamed = (error: unknown): never => {
  if (error instanceof InputError) throw new RequestError(400, `输入有误：${error.issues.map((issue) => `${issue.path.replace(/^options\./, '')} ${issue.message}`).join('；')}`, error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^options\./, '') })));
  throw error;
};

export const createSelfAssessments = (repository: Repository, now: () => Date, today: () => string) => {
  const evaluate = (sector: string, asOf: string, values: Record<string, unknown>): Promise<Assessment> => assess(sector, values, { asOf }).catch(renamed);

  const owned = async (user: User, id: string): Promise<AssessmentRecord> => {
    const record = await repository.findAssessment(id);
    if (!record) throw notFound('自评估');
    if (record.userId !== user.id) throw forbidden();
    return record;
  };

  /** Saves the record and brings its rectification items up to date with the findings. */
  const ledger = createLedger(repository, now, today);
  const store = async (record: AssessmentRecord, assessment: Assessment, actor: User) => {
    await repository.saveAssessment(record);
    const { created, changed } = trackHazards(await repository.rectifications(record.userId), record, assessment.findings, record.updatedAt, actor);
    for (const item of [...changed, ...created]) await repository.saveRectification(item);
    return { created, cleared: changed.filter((item) => item.clearedOnReassessment), moved: changed };
  };

  const summaryOf = (assessment: Assessment) => ({ hazard: assessment.summary.hazard, clear: assessment.summary.clear, unknown: assessment.summary.unknown });

  const service = {
    /** Sectors with facts to ask on the date (a sector whose criteria are not in force has none). */
    sectors: (asOf: string) =>
      listSectors().filter((sector) => {
        try {
          return formLayout(sector.id, asOf).fields.size > 0;
        } catch {
          return false;
        }
      }),
    sectorTitle: (sector: string) => listSectors().find((candidate) => candidate.id === sector)?.title.zh ?? sector,

    list: async (user: User) => (await repository.listAssessments(user.id)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    get: owned,

    create: async (user: User, input: z.infer<typeof newAssessmentInput>) => {
      const asOf = input.asOf ?? today();
      const assessment = await evaluate(input.sector, asOf, input.facts);
      const at = now().toISOString();
      const record: AssessmentRecord = { id: randomUUID(), userId: user.id, sector: input.sector, asOf, facts: input.facts, createdAt: at, updatedAt: at, summary: summaryOf(assessment) };
      const tracked = await store(record, assessment, user);
      return { record, assessment, ...tracked };
    },

    /** Re-assessment: the same record with new facts (and date), evaluated again. */
    reassess: async (user: User, id: string, input: z.infer<typeof reassessmentInput>) => {
      const record = await owned(user, id);
      const asOf = input.asOf ?? record.asOf;
      const assessment = await evaluate(record.sector, asOf, input.facts);
      const updated: AssessmentRecord = { ...record, asOf, facts: input.facts, updatedAt: now().toISOString(), summary: summaryOf(assessment) };
      const tracked = await store(updated, assessment, user);
      return { record: updated, assessment, ...tracked };
    },

    report: async (user: User, id: string) => {
      const record = await owned(user, id);
      const assessment = await evaluate(record.sector, record.asOf, record.facts);
      const items = await repository.rectifications(user.id);
      const report = buildReport(record, assessment, { fields: formLayout(record.sector, record.asOf).fields, sectorTitle: service.sectorTitle(record.sector), items });
      return { record, assessment, report, download: reportDownload(report, record, assessment) };
    },

    rectifications: async (user: User, assessmentId?: string) => {
      if (assessmentId !== undefined) await owned(user, assessmentId);
      return (await repository.rectifications(user.id)).filter((item) => assessmentId === undefined || item.assessmentId === assessmentId).sort((a, b) => b.foundAt.localeCompare(a.foundAt) || a.ruleId.localeCompare(b.ruleId));
    },

    updateRectification: async (user: User, itemId: string, update: RectificationUpdate, assessmentId?: string) => {
      const item = (await repository.rectifications(user.id)).find((candidate) => candidate.id === itemId && (assessmentId === undefined || candidate.assessmentId === assessmentId));
      if (!item) throw notFound('整改项');
      // The older status form, read as ledger steps: 整改中 = start (the person goes into the plan), 待验收 =
      // rectified, 销号 = refused here (only an acceptor closes an item, on the ledger).
      if (update.responsible) await ledger.act(user, itemId, { action: 'plan', plan: { persons: update.responsible } });
      const steps: Record<RectificationUpdate['status'], LedgerAction | undefined> = { open: undefined, rectifying: { action: 'start', ...(update.note ? { note: update.note } : {}) }, awaiting: { action: 'rectified', ...(update.note ? { note: update.note } : {}) }, closed: { action: 'close' } };
      const step = steps[update.status];
      if (step === undefined) {
        if (item.status !== 'open') throw new RequestError(409, `整改状态不能改回“待整改” / cannot go from ${item.status} back to open`, [{ path: 'status', message: 'expected a later status' }]);
        return ledger.item(user, itemId);
      }
      return ledger.act(user, itemId, step);
    },

    dashboard: async (user: User) => ledger.figures(user.id),
  };
  return service;
};

export type SelfAssessments = ReturnType<typeof createSelfAssessments>;
