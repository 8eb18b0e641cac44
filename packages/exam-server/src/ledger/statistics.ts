// The statistics tables order 16 Art.14(1) requires (quarterly and annual, signed by the 主要负责人): their
// periods and due dates as the digest reads them, and whether a date is past due. "前" is read inclusively
// (submitting on the due date is on time), as the digest recommends and marks as a reading.
import { order16 } from './law.js';

export interface StatisticsPeriod {
  kind: 'quarter' | 'year';
  label: string;
  start: string;
  end: string;
  due: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
/** The due date: `day` of the month that is `monthsAfter` months after the period's last month. */
const dueAfter = (year: number, lastMonth: number, monthsAfter: number, day: number) => {
  const index = year * 12 + (lastMonth - 1) + monthsAfter;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-${pad(day)}`;
};

export const periodsOf = (year: number): StatisticsPeriod[] => [
  ...[1, 2, 3, 4].map((quarter) => ({
    kind: 'quarter' as const,
    label: `${year}年第${'一二三四'[quarter - 1]}季度`,
    start: `${year}-${pad(quarter * 3 - 2)}-01`,
    end: `${year}-${pad(quarter * 3)}-${quarter === 1 || quarter === 4 ? '31' : '30'}`,
    due: dueAfter(year, quarter * 3, order16.statistics.quarterly.dueMonthAfterPeriod, order16.statistics.quarterly.dueDay),
  })),
  { kind: 'year' as const, label: `${year}年度`, start: `${year}-01-01`, end: `${year}-12-31`, due: dueAfter(year, 12, order16.statistics.annual.dueMonthAfterPeriod, order16.statistics.annual.dueDay) },
];

/**
 * The tables an enterprise can owe on `today`: last year's and this year's, less those whose period ended
 * before `since` — the first Beijing day the enterprise was on record, or the day the duty took effect if
 * later. A period the enterprise saw even one day of is listed: the table covers the days it was there.
 */
export const periodsOwed = (since: string, today: string): StatisticsPeriod[] => {
  const year = Number(today.slice(0, 4));
  return [year - 1, year].flatMap(periodsOf).filter((period) => period.end >= since);
};

/** A table is due once its period has ended; it is late from the day after the due date (Beijing dates). */
export const dueState = (period: StatisticsPeriod, today: string): 'not-yet' | 'due' | 'past-due' => (today <= period.end ? 'not-yet' : today <= period.due ? 'due' : 'past-due');

export const dueStateLabels = { 'not-yet': '统计期未结束', due: '待报送（未过截止日）', 'past-due': '已过截止日' } as const;
