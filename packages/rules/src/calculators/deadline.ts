// Deadlines as verdicts: from a start date and a period held in rules-data, the day a duty falls due,
// whether that day itself still counts, and whether it was done on time, is late, or is still due.
import type { Bilingual } from '../documents/format.js';
import { reason, type CalculatorReason } from './reason.js';

/** Same day n years (or months) later; 29 February falls back to 28 February (a reading: the texts say only “n years”). */
export const addCalendar = (date: string, years: number, months = 0): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const totalMonths = (m - 1) + months + years * 12;
  const year = y + Math.floor(totalMonths / 12);
  const month = (totalMonths % 12 + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
};

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type DeadlineStatus = 'on-time' | 'late' | 'due';

export interface Deadline {
  id: string;
  duty: Bilingual;
  /** The date the period is counted from. */
  from: string;
  /** The last day of the period (the anniversary, or the n-th day after `from`). */
  dueDate: string;
  /** Whether doing it on `dueDate` itself is still on time, as the text reads. */
  dueDateIncluded: boolean;
  done: string | null;
  status: DeadlineStatus;
  citation: string;
  /** Counted back from `from` (an expiry): the duty falls due that many units before it. */
  before?: true;
}

export interface PeriodSpec {
  id: string;
  duty: Bilingual;
  amount: number;
  unit: 'd' | 'years' | 'months';
  dueDateIncluded: boolean;
  citation: string;
}

/**
 * Days are counted from the day after `from` (so “within 15 days” of 1 March ends on 16 March); years and
 * months end on the same calendar day. Done on time when before the due date, or on it if it is included;
 * not done: still due while today is within the period, late once it has passed.
 */
export const deadline = (spec: PeriodSpec, from: string, done: string | undefined, asOf: string): Deadline => {
  const dueDate = spec.unit === 'd' ? addDays(from, spec.amount) : spec.unit === 'months' ? addCalendar(from, 0, spec.amount) : addCalendar(from, spec.amount);
  const inTime = (day: string): boolean => (spec.dueDateIncluded ? day <= dueDate : day < dueDate);
  const status: DeadlineStatus = done !== undefined ? (inTime(done) ? 'on-time' : 'late') : inTime(asOf) ? 'due' : 'late';
  return { id: spec.id, duty: spec.duty, from, dueDate, dueDateIncluded: spec.dueDateIncluded, done: done ?? null, status, citation: spec.citation };
};

/** A duty due a period before an end date (apply n days before expiry): the same verdicts, counted back. */
export const deadlineBefore = (spec: PeriodSpec, end: string, done: string | undefined, asOf: string): Deadline => {
  const dueDate = spec.unit === 'd' ? addDays(end, -spec.amount) : spec.unit === 'months' ? addCalendar(end, 0, -spec.amount) : addCalendar(end, -spec.amount);
  const inTime = (day: string): boolean => (spec.dueDateIncluded ? day <= dueDate : day < dueDate);
  const status: DeadlineStatus = done !== undefined ? (inTime(done) ? 'on-time' : 'late') : inTime(asOf) ? 'due' : 'late';
  return { id: spec.id, duty: spec.duty, from: end, dueDate, dueDateIncluded: spec.dueDateIncluded, done: done ?? null, status, citation: spec.citation, before: true };
};

/** The reason for a deadline verdict, rendered from the same dates the verdict used. */
export const deadlineReason = (verdict: Deadline): CalculatorReason =>
  reason('deadline.verdict', {
    duty: verdict.duty,
    from: verdict.from,
    countedBack: verdict.before === true,
    dueDate: verdict.dueDate,
    dueDateIncluded: verdict.dueDateIncluded,
    done: verdict.done,
    outcome: verdict.status,
    citation: verdict.citation,
  });

export interface TimeDeadline {
  id: string;
  duty: Bilingual;
  from: string;
  /** The instant the period ends (ISO, UTC). */
  dueAt: string;
  dueIncluded: boolean;
  done: string | null;
  status: DeadlineStatus | null;
  citation: string;
}

/** A deadline in hours between two instants: on time, late, or (not yet done) due by `dueAt`. */
export const hoursDeadline = (spec: Omit<PeriodSpec, 'unit'>, from: string, done: string | undefined): TimeDeadline => {
  const start = Date.parse(from);
  const due = start + spec.amount * 3_600_000;
  const status: DeadlineStatus = done === undefined ? 'due' : (spec.dueDateIncluded ? Date.parse(done) <= due : Date.parse(done) < due) ? 'on-time' : 'late';
  return { id: spec.id, duty: spec.duty, from, dueAt: new Date(due).toISOString(), dueIncluded: spec.dueDateIncluded, done: done ?? null, status, citation: spec.citation };
};

/** Beijing time for a reason sentence (UTC+8, labelled). */
export const beijingTime = (iso: string): string => `${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;

export const timeDeadlineReason = (verdict: TimeDeadline): CalculatorReason =>
  reason('deadline.timeVerdict', {
    duty: verdict.duty,
    from: verdict.from,
    fromBeijing: beijingTime(verdict.from),
    dueAt: verdict.dueAt,
    dueAtBeijing: beijingTime(verdict.dueAt),
    dueIncluded: verdict.dueIncluded,
    done: verdict.done,
    doneBeijing: verdict.done === null ? null : beijingTime(verdict.done),
    outcome: verdict.status ?? 'due',
    citation: verdict.citation,
  });
