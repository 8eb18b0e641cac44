// A ledger item's own record: the treatment plan (order 16 Art.15(2), what practice calls 五落实), its
// completeness, the status labels and the overdue rule (the day after the deadline, Beijing time).
import { z } from 'zod';
import type { LedgerDetails, RectificationItem } from '../store/repository.js';
import { order16 } from './law.js';

export type LedgerStatus = RectificationItem['status'];
export type Plan = LedgerDetails['plan'];
export type LedgerItem = RectificationItem & { ledger: LedgerDetails };

export const statusLabels: Record<LedgerStatus, string> = { open: '待整改', rectifying: '整改中', awaiting: '待验收', closed: '已验收销号' };
export const gradeLabels: Record<LedgerDetails['grade'], string> = { general: '一般事故隐患', major: '重大事故隐患' };

export const emptyPlan = (): Plan => ({ goal: '', measures: '', fundsYuan: null, materials: '', organisation: '', persons: '', deadline: null, requirements: '', safetyMeasures: '', emergencyPlan: '' });

/** Items stored before the ledger existed get their details on first read; a criteria finding is a 重大 hazard. */
export const withLedger = (item: RectificationItem, sector = ''): LedgerItem => ({
  ...item,
  ledger: item.ledger ?? { sector, grade: 'major', plan: emptyPlan(), supervision: null, rectifiedBy: null, acceptance: null, recurrences: [], history: [] },
});

const text = (max: number) => z.string({ error: 'expected text' }).trim().max(max, `expected at most ${max} characters`);
const isoDate = z.string({ error: 'expected a date YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'expected a real calendar date');

/** The plan as a form or API sends it: every field optional, blank text allowed until the plan is checked. */
export const planInput = z.strictObject({
  goal: text(2000).optional(),
  measures: text(4000).optional(),
  fundsYuan: z.coerce.number({ error: 'expected an amount in 元' }).min(0, 'expected an amount ≥ 0').max(1e12, 'expected at most 1e12 元').nullable().optional(),
  materials: text(2000).optional(),
  organisation: text(200).optional(),
  persons: text(200).optional(),
  deadline: isoDate.nullable().optional(),
  requirements: text(2000).optional(),
  safetyMeasures: text(4000).optional(),
  emergencyPlan: text(4000).optional(),
  supervisionAuthority: text(100).optional(),
  supervisionDate: isoDate.nullable().optional(),
});
export type PlanInput = z.infer<typeof planInput>;
export { isoDate };

const filled = (plan: Plan, field: string): boolean => {
  const value = plan[field as keyof Plan];
  return typeof value === 'number' ? true : typeof value === 'string' && value.trim() !== '';
};

/** The Art.15(2) contents still missing from a plan (each named as the order names it); empty when complete. */
export const missingPlanContents = (plan: Plan): { key: string; label: string }[] =>
  order16.treatmentPlan.contents.filter((content) => !content.fields.every((field) => filled(plan, field))).map(({ key, label }) => ({ key, label }));

/**
 * Overdue from the day after the deadline (Beijing time): on the deadline itself the item is still in time.
 * Only items not yet rectified can be overdue; `today` is a Beijing date YYYY-MM-DD.
 */
export const isOverdue = (item: LedgerItem, today: string): boolean =>
  item.ledger.plan.deadline !== null && (item.status === 'open' || item.status === 'rectifying') && today > item.ledger.plan.deadline;
