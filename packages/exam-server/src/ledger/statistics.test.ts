// Due dates of order 16's statistics tables, from the digest's words (DP-HZ-09): quarterly "下一季度15日前"
// read as the 15th of the next quarter's first month, annual "下一年1月31日前"; "前" treated as inclusive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueState, periodsOf, periodsOwed } from './statistics.js';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('statistics tables', () => {
  it('due dates as the digest gives them, the Q4 table before the annual one', () => {
    expect(periodsOf(2026).map((period) => period.due)).toEqual(['2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15', '2027-01-31']);
  });
  it('the digest’s example: the 2026 Q2 table on 2026-07-15 is on time, on 07-16 late', () => {
    const q2 = periodsOf(2026)[1]!;
    expect(dueState(q2, '2026-07-15')).toBe('due');
    expect(dueState(q2, '2026-07-16')).toBe('past-due');
  });
  it('at the due date still due, any day after past due, any day before the period ends not yet due (every period, 2008–2100)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2008, max: 2100 }), fc.nat(4), fc.integer({ min: 1, max: 400 }), (year, index, days) => {
        const period = periodsOf(year)[index]!;
        return dueState(period, period.due) === 'due' && dueState(period, addDays(period.due, days)) === 'past-due' && dueState(period, addDays(period.end, 1 - Math.min(days, 80))) === 'not-yet';
      }),
      { seed: 1508 },
    );
  });
  it('lists last year’s and this year’s tables, less those whose period ended before the enterprise was on record', () => {
    const keys = (since: string, today: string) => periodsOwed(since, today).map((period) => `${period.kind} ${period.end}`);
    expect(keys('2008-02-01', '2026-05-02')).toEqual([...periodsOf(2025), ...periodsOf(2026)].map((period) => `${period.kind} ${period.end}`));
    // On record on the last day of Q1: Q1 is listed (a day of it to account for); from the next day it is not.
    expect(keys('2026-03-31', '2026-05-02')).toEqual(['quarter 2026-03-31', 'quarter 2026-06-30', 'quarter 2026-09-30', 'quarter 2026-12-31', 'year 2026-12-31']);
    expect(keys('2026-04-01', '2026-05-02')).toEqual(['quarter 2026-06-30', 'quarter 2026-09-30', 'quarter 2026-12-31', 'year 2026-12-31']);
    // On record on the year's last day: last year's Q4 and annual tables; from New Year's Day, none of last year's.
    expect(keys('2025-12-31', '2026-02-01')).toEqual(['quarter 2025-12-31', 'year 2025-12-31', ...periodsOf(2026).map((period) => `${period.kind} ${period.end}`)]);
    expect(keys('2026-01-01', '2026-02-01').some((key) => key.endsWith('2025-12-31'))).toBe(false);
  });
});
