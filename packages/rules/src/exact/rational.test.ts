import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, divide, multiply, subtract, toDecimalString, toRational } from './rational.js';

describe('rational', () => {
  it('reads decimals as written: 0.1 + 0.2 is exactly 0.3', () => {
    expect(compare(add(toRational(0.1), toRational(0.2)), toRational('0.3'))).toBe(0);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('reads exponent notation and signs', () => {
    expect(toRational(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(toRational('-1.50')).toEqual({ n: -3n, d: 2n });
    expect(toRational(5e-7)).toEqual({ n: 1n, d: 2_000_000n });
  });

  it('refuses what is not a finite decimal', () => {
    expect(() => toRational(Number.NaN)).toThrow(RangeError);
    expect(() => toRational('1,5')).toThrow(RangeError);
    expect(() => divide(toRational(1), toRational(0))).toThrow(RangeError);
  });

  it('round-trips integers and two-decimal figures through toDecimalString', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const text = `${whole}.${String(cents).padStart(2, '0')}`;
      expect(compare(toRational(toDecimalString(toRational(text))), toRational(text))).toBe(0);
    }));
  });

  it('field laws hold exactly: (a × b) / b = a and (a + b) − b = a', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 6 })).map(([n, scale]) => toRational(`${n}e-${scale}`));
    fc.assert(fc.property(decimal, decimal, (a, b) => {
      expect(compare(subtract(add(a, b), b), a)).toBe(0);
      if (b.n !== 0n) expect(compare(divide(multiply(a, b), b), a)).toBe(0);
    }));
  });

  it('rounds half away from zero for display only', () => {
    expect(toDecimalString(divide(toRational(2), toRational(3)), 3)).toBe('0.667');
    expect(toDecimalString(divide(toRational(-1), toRational(8)), 2)).toBe('-0.13');
  });
});
