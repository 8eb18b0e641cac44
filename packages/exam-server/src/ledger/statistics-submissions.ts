// Submitting order 16's statistics tables: an attestation record — the 主要负责人 who signed and the date they
// signed, who submitted it and when, and the period's figures frozen as they stood at submission. One
// submission per period: an attestation is final, so a second one is refused rather than overwriting it.
// A period's state: not yet due, due, past due, submitted on time, or submitted late (after the due date).
import { todayInChina } from '@anquan/rules';
import { z } from 'zod';
import { RequestError } from '../errors.js';
import type { Repository, User } from '../store/repository.js';
import { ledgerFigures, type LedgerFigures } from './figures.js';
import { isoDate, type LedgerItem } from './item.js';
import { order16 } from './law.js';
import { dueState, dueStateLabels, periodsOf, periodsOwed, type StatisticsPeriod } from './statistics.js';

export const submissionInput = z.strictObject({
  principalName: z.string({ error: 'expected the name of the 主要负责人' }).trim().min(1, 'expected the name of the 主要负责人 (主要负责人姓名不能为空)').max(40, 'expected at most 40 characters'),
  signedOn: isoDate,
});

const submissionData = z.object({
  period: z.string(),
  principalName: z.string(),
  signedOn: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  submittedByName: z.string(),
  onTime: z.boolean(),
  figures: z.record(z.string(), z.unknown()),
});
export type Submission = Omit<z.infer<typeof submissionData>, 'figures'> & { figures: LedgerFigures };

export type PeriodState = 'not-yet' | 'due' | 'past-due' | 'submitted' | 'submitted-late';
export const periodStateLabels: Record<PeriodState, string> = { ...dueStateLabels, submitted: '已按时报送', 'submitted-late': '已报送（逾期）' };

/** A period's key as URLs and the API name it: quarter-2026-06-30, year-2026-12-31. */
export const periodKey = (period: StatisticsPeriod) => `${period.kind}-${period.end}`;
const periodOf = (key: string): StatisticsPeriod | undefined => {
  const year = /^(quarter|year)-(\d{4})-\d{2}-\d{2}$/.exec(key)?.[2];
  return year ? periodsOf(Number(year)).find((period) => periodKey(period) === key) : undefined;
};

/** The period's own figures: the items found within it (Beijing dates), as the ledger counts them today. */
const periodFigures = (items: LedgerItem[], period: StatisticsPeriod, today: string, sectorTitle: (sector: string) => string) =>
  ledgerFigures(items.filter((item) => { const found = todayInChina(new Date(item.foundAt)); return found >= period.start && found <= period.end; }), today, sectorTitle);

export const createStatisticsSubmissions = (repository: Repository, now: () => Date, today: () => string, sectorTitle: (sector: string) => string) => {
  /** The first day a table can cover: the enterprise's account (Beijing date) or the duty's effective date, whichever is later. */
  const owedSince = async (enterpriseId: string): Promise<string> => {
    const enterprise = await repository.findUser(enterpriseId);
    const opened = enterprise ? todayInChina(new Date(enterprise.createdAt)) : today();
    return opened > order16.document.effective ? opened : order16.document.effective;
  };
  const submissions = async (enterpriseId: string) => new Map((await repository.listLedgerRecords({ kind: 'statistics', enterpriseId })).map((record) => { const data = submissionData.parse(record.data) as unknown as Submission; return [data.period, data]; }));

  return {
    /** Last year's and this year's tables (from when the enterprise is on record) with their state and, once submitted, the attestation. */
    periods: async (enterpriseId: string, items: LedgerItem[]) => {
      const done = await submissions(enterpriseId);
      const date = today();
      return periodsOwed(await owedSince(enterpriseId), date).map((period) => {
        const submission = done.get(periodKey(period)) ?? null;
        const state: PeriodState = submission ? (submission.onTime ? 'submitted' : 'submitted-late') : dueState(period, date);
        return { ...period, key: periodKey(period), state, stateLabel: periodStateLabels[state], pastDue: state === 'past-due' || state === 'submitted-late', submission, open: !submission && state !== 'not-yet', draft: !submission && state !== 'not-yet' ? periodFigures(items, period, date, sectorTitle) : null };
      });
    },
    /** Records the signed table: refused before the period ends, with a signature date outside it, or a second time. */
    submit: async (user: User, enterpriseId: string, key: string, input: z.infer<typeof submissionInput>, items: LedgerItem[]): Promise<Submission> => {
      const period = periodOf(key);
      if (!period) throw new RequestError(404, '没有该统计期 / no such period', [{ path: 'period', message: 'expected quarter-YYYY-MM-DD or year-YYYY-12-31 naming a period end' }]);
      const date = today();
      const since = await owedSince(enterpriseId);
      if (period.end < since) throw new RequestError(409, `该统计期在企业建档（${since}）之前已结束，无需报送 / the period ended before the enterprise was on record`, [{ path: 'period', message: `expected a period ending on or after ${since}` }]);
      if (dueState(period, date) === 'not-yet') throw new RequestError(409, '统计期尚未结束，不能报送 / the period has not ended', [{ path: 'period', message: `expected a period that ended before ${date}` }]);
      if (input.signedOn <= period.end || input.signedOn > date) throw new RequestError(400, `签字日期须在统计期结束（${period.end}）之后、不晚于今日（${date}）/ signature date out of range`, [{ path: 'signedOn', message: `expected a date after ${period.end} and not after ${date}` }]);
      const submission: Submission = { period: key, principalName: input.principalName, signedOn: input.signedOn, submittedAt: now().toISOString(), submittedBy: user.id, submittedByName: user.displayName, onTime: date <= period.due, figures: periodFigures(items, period, date, sectorTitle) };
      // Stored only if the period has none, checked in the same step: two submissions at once cannot both land.
      const id = `statistics:${enterpriseId}:${key}`;
      const stored = await repository.changeLedgerRecord(id, (current) =>
        current ? undefined : { id, kind: 'statistics', enterpriseId, region: null, savedAt: submission.submittedAt, data: submission as unknown as Record<string, unknown> },
      );
      if (!stored.changed) throw new RequestError(409, '该统计表已报送，报送记录不可更改 / already submitted', [{ path: 'period', message: 'expected a period not yet submitted' }]);
      return submission;
    },
  };
};
