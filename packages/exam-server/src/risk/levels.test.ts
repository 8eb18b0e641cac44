// Boundary properties of the LEC bands, expectations written from the digest's words (DP-LEC-05/06):
// "D > 320 → 红"; "160~320 → 橙" and "70~160 → 黄" with endpoints as DP-LEC-05 recommends; "< 70 → 蓝".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeLec, levelOfScore, riskMethods } from './levels.js';

const thousandths = (whole: number) => BigInt(whole) * 1000n;
const seed = 4242;

describe('LEC bands', () => {
  it('320: at it 橙 (the top band is “> 320”), a thousandth above 红, below 橙', () => {
    expect(levelOfScore(thousandths(320))).toBe('large');
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10_000_000n }), (delta) => levelOfScore(thousandths(320) + delta) === 'major'), { seed });
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 160_000n }), (delta) => levelOfScore(thousandths(320) - delta) === 'large'), { seed });
  });
  it('160: at it 橙, just below 黄', () => {
    expect(levelOfScore(thousandths(160))).toBe('large');
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 90_000n }), (delta) => levelOfScore(thousandths(160) - delta) === 'general'), { seed });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 160_000n }), (delta) => levelOfScore(thousandths(160) + delta) === 'large'), { seed });
  });
  it('70: at it 黄 (reachable: 10 × 1 × 7), just below 蓝', () => {
    expect(gradeLec({ L: '10', E: '1', C: '7' })).toMatchObject({ d: '70', level: 'general', colour: '黄' });
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 70_000n }), (delta) => levelOfScore(thousandths(70) - delta) === 'low'), { seed });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 89_999n }), (delta) => levelOfScore(thousandths(70) + delta) === 'general'), { seed });
  });
  it('the digest’s worked examples', () => {
    expect(gradeLec({ L: '3', E: '6', C: '15' })).toMatchObject({ d: '270', level: 'large', colour: '橙' });
    expect(gradeLec({ L: '1', E: '6', C: '7' })).toMatchObject({ d: '42', level: 'low', colour: '蓝' });
    expect(gradeLec({ L: '10', E: '10', C: '40' })).toMatchObject({ d: '4000', level: 'major', colour: '红' });
    expect(gradeLec({ L: '0.1', E: '0.5', C: '1' })).toMatchObject({ d: '0.05', level: 'low' });
  });
  it('over all 252 table combinations a higher factor never lowers the level', () => {
    const rank = (level: string) => riskMethods.levels.order.indexOf(level as never);
    for (const factor of ['L', 'E', 'C'] as const) {
      const values = riskMethods.lec[factor].map((entry) => entry.value);
      for (const L of riskMethods.lec.L) for (const E of riskMethods.lec.E) for (const C of riskMethods.lec.C) {
        const base = { L: L.value, E: E.value, C: C.value };
        const higher = values.filter((value) => Number(value) > Number(base[factor]));
        for (const value of higher) expect(rank(gradeLec({ ...base, [factor]: value }).level)).toBeLessThanOrEqual(rank(gradeLec(base).level));
      }
    }
  });
});
