import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossesThreshold, thresholdOperator } from './threshold.js';

describe('threshold', () => {
  it('the limit itself counts only when inclusive, on either side', () => {
    expect(crossesThreshold(1.1, { side: 'above', limit: '1.10', inclusive: false })).toBe(false);
    expect(crossesThreshold(1.1, { side: 'above', limit: '1.10', inclusive: true })).toBe(true);
    expect(crossesThreshold('0.75', { side: 'below', limit: '0.75', inclusive: false })).toBe(false);
    expect(crossesThreshold('0.75', { side: 'below', limit: '0.75', inclusive: true })).toBe(true);
  });

  it('is exact where binary floating point is not: 0.1 + 0.2 does not exceed 0.3', () => {
    expect(crossesThreshold({ n: 3n, d: 10n }, { side: 'above', limit: '0.3', inclusive: false })).toBe(false);
    expect(0.1 + 0.2 > 0.3).toBe(true);
  });

  it('a value strictly on the side always crosses; strictly off it never does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (limit, step, inclusive) => {
        expect(crossesThreshold(limit + step, { side: 'above', limit: String(limit), inclusive })).toBe(true);
        expect(crossesThreshold(limit - step, { side: 'above', limit: String(limit), inclusive })).toBe(false);
        expect(crossesThreshold(limit - step, { side: 'below', limit: String(limit), inclusive })).toBe(true);
        expect(crossesThreshold(limit + step, { side: 'below', limit: String(limit), inclusive })).toBe(false);
      }),
    );
  });

  it('as a json-rules-engine operator, a missing value or a quantity that does not exist never crosses', () => {
    expect(thresholdOperator(undefined, { side: 'below', limit: '5', inclusive: true })).toBe(false);
    expect(thresholdOperator(null, { side: 'below', limit: '5', inclusive: true })).toBe(false);
    expect(thresholdOperator('lots', { side: 'above', limit: '5', inclusive: true })).toBe(false);
  });
});

describe('threshold on a count known within an interval', () => {
  it('crosses only when both ends cross, as the three-valued pass decides', () => {
    const atLeastThree = { side: 'above' as const, limit: '3', inclusive: true };
    expect(thresholdOperator({ low: { n: 3n, d: 1n }, high: { n: 5n, d: 1n } }, atLeastThree)).toBe(true);
    expect(thresholdOperator({ low: { n: 2n, d: 1n }, high: { n: 5n, d: 1n } }, atLeastThree)).toBe(false);
  });
});
