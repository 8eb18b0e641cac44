// The monthly schedule adds up to the annual amount exactly, whatever the amount (seeded property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, toRational } from '../exact/rational.js';
import { exactDecimal, monthlySchedule } from './monthly-schedule.js';

describe('monthlySchedule', () => {
  it('splits 1 350 000 yuan into twelve equal months of 112 500', () => {
    expect(monthlySchedule(toRational('1350000')).months).toEqual(Array(12).fill('112500'));
  });
  it('puts the remainder of cutting to the fen in December: 100 yuan → 8.33 × 11 + 8.37', () => {
    const schedule = monthlySchedule(toRational('100'));
    expect(schedule.months.slice(0, 11)).toEqual(Array(11).fill('8.33'));
    expect(schedule.months[11]).toBe('8.37');
    expect(schedule.lastMonthExtraYuan).toBe('0.04');
  });
  it('keeps sub-fen digits of the annual amount in the last month', () => {
    expect(monthlySchedule(toRational('1000.0045')).months[11]).toBe('83.3745');
  });
  it('the twelve months always sum to the annual amount exactly, and no month is below another by a fen or more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: 6 }), (units, digits) => {
        const annual = { n: units, d: 10n ** BigInt(digits) };
        const { months } = monthlySchedule(toRational(exactDecimal(annual)));
        const total = months.map((month) => toRational(month)).reduce(add, toRational(0));
        expect(compare(total, toRational(exactDecimal(annual)))).toBe(0);
        const first = toRational(months[0]!);
        const last = toRational(months[11]!);
        expect(compare(last, first)).toBeGreaterThanOrEqual(0);
        expect(compare(last, add(first, toRational('0.12')))).toBeLessThan(0);
      }),
      { numRuns: 200, seed: 48 },
    );
  });
});
