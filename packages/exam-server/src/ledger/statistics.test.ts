// Due dates of order 16's statistics tables, from the digest's words (DP-HZ-09): quarterly "下一季度15日前"
// read as the 15th of the next quarter's first month, annual "下一年1月31日前"; "前" treated as inclusive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueState, periodsOf } from './statistics.js';

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
});
