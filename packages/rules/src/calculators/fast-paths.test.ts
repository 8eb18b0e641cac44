// The speed-ups of issue 16 change no answer: the double-based display equals the bigint one, and the
// validation fast path accepts exactly what the full schema accepts, with the same output.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../exact/rational.js';
import { majorHazardInstallationInput, parseMajorHazardInstallationInput, plainSubstance } from './major-hazard-installation.js';
import { show } from './result.js';

const seed = 16_0516;
const settings = { seed, numRuns: 3000, endOnFailure: true } as const;

describe('show', () => {
  it(`equals toDecimalString for small and large rationals, every digit count (seed ${seed})`, () => {
    const big = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    const small = fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n });
    fc.assert(
      fc.property(fc.oneof(small, big), fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 18n })), fc.integer({ min: 0, max: 16 }), (n, d, digits) => {
        expect(show({ n, d }, digits)).toBe(toDecimalString({ n, d }, digits));
      }),
      settings,
    );
  });

  it('rounds half away from zero at the last digit, as toDecimalString does', () => {
    expect(show({ n: 1n, d: 8n }, 2)).toBe('0.13');
    expect(show({ n: -1n, d: 8n }, 2)).toBe('-0.13');
    expect(show({ n: -1n, d: 1000n }, 2)).toBe('0');
    expect(show({ n: 2n, d: 3n })).toBe('0.666667');
  });
});

describe('GB 18218 validation fast path', () => {
  // Values of the right and the wrong types for every field, so both paths are exercised.
  const value = fc.oneof(
    fc.constantFrom(undefined, null, '', 'W2', '液氨', '0.5', '1e3', '-1', ' 2', 1, 2, 3, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, false),
    fc.array(fc.constantFrom('W2', 'J1', '', 3), { maxLength: 3 }),
    fc.constant(Object.create(null) as object),
  );
  const substance = fc.dictionary(
    fc.constantFrom('chemical', 'table1No', 'categories', 'betaCategory', 'quantityTonnes', 'liquefiedFlammableGas', 'meetsTable1Qualifier', 'isMixture', 'mixtureHazardSameAsPure', 'flammableLiquidCategory', 'workingTemperatureAboveBoilingPoint', 'hazardousChemicalProcess', 'operatesInOrNearExplosiveLimits', 'operatingPressureMPa', 'unknownField'),
    value,
    { maxKeys: 6 },
  );

  it(`accepts what the schema accepts and nothing else, with the same output (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(substance, { minLength: 1, maxLength: 4 }), (substances) => {
        const input = { units: [{ kind: 'storage', substances }] };
        const full = majorHazardInstallationInput.safeParse(input);
        if (full.success) expect(parseMajorHazardInstallationInput(input)).toEqual(full.data);
        else expect(() => parseMajorHazardInstallationInput(input)).toThrow();
        // The predicate never vouches for a chemical the schema would refuse.
        for (const candidate of substances) if (plainSubstance(candidate)) expect(majorHazardInstallationInput.safeParse({ units: [{ kind: 'storage', substances: [candidate] }] }).success).toBe(true);
      }),
      settings,
    );
  });

  it('names the field at fault when the fast path doubts', () => {
    expect(() => parseMajorHazardInstallationInput({ units: [{ kind: 'storage', substances: [{ chemical: '液氨', quantityTonnes: '-1' }] }] })).toThrow(/input\.units\[0\]\.substances\[0\]\.quantityTonnes/);
  });
});
