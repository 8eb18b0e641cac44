import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesData } from '../documents/load.js';
import { InputError } from '../validation/issues.js';
import { majorHazardInstallation } from './major-hazard-installation.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const asOf = '2026-11-01';
const run = (input: unknown, date = asOf) => majorHazardInstallation(input, { asOf: date });
const storage = (substances: unknown[], extra: Record<string, unknown> = {}) => ({ units: [{ kind: 'storage', substances }], ...extra });
const gb = loadRulesData().documents.find((doc) => doc.id === 'gb18218-major-hazard-installations');
const table1 = gb?.datasets.namedChemicals?.rows ?? [];

describe('GB 18218—2018 data', () => {
  it('holds all 85 named chemicals, 24 categories, 14 toxic gases and 24 category βs', () => {
    expect(table1).toHaveLength(85);
    expect(new Set(table1.map((row) => row.no)).size).toBe(85);
    expect(gb?.datasets.hazardCategories?.rows).toHaveLength(24);
    expect(gb?.datasets.betaToxicGases?.rows).toHaveLength(14);
    expect(gb?.datasets.betaCategories?.rows).toHaveLength(24);
    expect(table1.filter((row) => row.cas === null).map((row) => row.no)).toEqual([13, 45, 74]);
  });
});

describe('identification (4.2.1) and grading (4.3)', () => {
  it('digest worked example: 60 t ammonia + 20 t chlorine, 120 residents → S = 10, R = 56, grade 2', () => {
    const result = run(storage([{ chemical: '液氨', quantityTonnes: 60 }, { chemical: '氯', quantityTonnes: 20 }], { residentsWithin500m: 120 }));
    expect(result.status).toBe('decided');
    const unit = result.result.units[0];
    expect(unit).toMatchObject({ S: '10', isMajorHazard: true, alpha: '2', R: '56', grade: 2 });
    expect(unit?.substances.map((s) => s.betaSource)).toEqual(['表3 氨', '表3 氯']);
    expect(unit?.duties.find((duty) => duty.id === 'qra-toxic-gas')?.applies).toBe(true);
    expect(unit?.duties.find((duty) => duty.id === 'city-to-province')).toBeUndefined();
    expect(result.result.highestGrade).toBe(2);
    expect(result.citations.some((c) => c.documentId === 'hazchem-major-hazard-supervision' && c.article === 9)).toBe(true);
  });

  it('S exactly 1 from decimals that floating point gets wrong (0.7 + 0.2 + 0.1)', () => {
    expect(0.7 + 0.2 + 0.1).toBeLessThan(1);
    const result = run(storage([{ table1No: 54, quantityTonnes: '0.7' }, { table1No: 2, quantityTonnes: '0.2' }, { table1No: 3, quantityTonnes: 0.1 }], { residentsWithin500m: 0 }));
    expect(result.result.units[0]).toMatchObject({ S: '1', isMajorHazard: true });
    const below = run(storage([{ table1No: 54, quantityTonnes: '0.7' }, { table1No: 2, quantityTonnes: '0.2' }, { table1No: 3, quantityTonnes: '0.0999' }]));
    expect(below.result.units[0]?.isMajorHazard).toBe(false);
    expect(below.status).toBe('decided');
  });

  for (const [edge, q, grade, below] of [
    [10, '12.5', 3, '12.4999'],
    [50, '62.5', 2, '62.4999'],
    [100, '125', 1, '124.9999'],
  ] as const) {
    it(`R exactly ${edge} from decimal input is grade ${grade}; just below is the next grade down`, () => {
      // chlorine: Q 5 t, β 4; 10 residents: α 1.0 → R = 0.8·q
      const at = run(storage([{ chemical: '氯气', quantityTonnes: q }], { residentsWithin500m: 10 }));
      expect(at.result.units[0]).toMatchObject({ R: String(edge), grade });
      const under = run(storage([{ chemical: '氯气', quantityTonnes: below }], { residentsWithin500m: 10 }));
      expect(under.result.units[0]?.grade).toBe(grade + 1);
    });
  }

  it('R from a sum of decimals: 0.1 + 0.2 of a W2 gas plus chlorine lands exactly on 10', () => {
    // acetylene (Q 1, β 1.5 via W2) 0.1 t + 0.2 t in two entries → 0.45; chlorine 11.9375 t → 9.55; α 1 → R = 10
    const result = run(storage([
      { table1No: 54, categories: ['W2'], quantityTonnes: '0.1' },
      { table1No: 54, categories: ['W2'], quantityTonnes: '0.2' },
      { chemical: '氯', quantityTonnes: '11.9375' },
    ], { residentsWithin500m: 29 }));
    expect(result.result.units[0]).toMatchObject({ R: '10', grade: 3 });
  });

  it('40号令 Art.9: grade-1 QRA for explosives or liquefied flammable gas is three-valued on the liquefied fact', () => {
    const duty = (substance: object) => run(storage([substance], { residentsWithin500m: 100 })).result.units[0]?.duties.find((d) => d.id === 'qra-explosive-lfg')?.applies;
    expect(duty({ table1No: 35, categories: ['W1.1'], quantityTonnes: 600 })).toBe(true);
    expect(duty({ table1No: 52, categories: ['W2'], quantityTonnes: 5000, liquefiedFlammableGas: true })).toBe(true);
    expect(duty({ table1No: 52, categories: ['W2'], quantityTonnes: 5000 })).toBeNull();
    expect(duty({ table1No: 52, categories: ['W2'], quantityTonnes: 5000, liquefiedFlammableGas: false })).toBe(false);
  });

  it('production and storage units are kept apart', () => {
    const result = run({ units: [{ kind: 'production', substances: [{ chemical: '氢', quantityTonnes: 3 }] }, { kind: 'storage', substances: [{ chemical: '氢', quantityTonnes: 3 }] }] });
    expect(result.result.units.map((unit) => unit.isMajorHazard)).toEqual([false, false]);
    expect(result.result.majorHazardUnits).toBe(0);
    expect(result.status).toBe('decided');
  });

  it('a chemical outside table 1 takes the lowest threshold of its categories', () => {
    const result = run(storage([{ chemical: '某溶剂', categories: ['W5.3', 'J5'], quantityTonnes: 500 }]));
    expect(result.result.units[0]?.substances[0]).toMatchObject({ thresholdTonnes: '500', thresholdSource: '表2 J5' });
    expect(result.result.units[0]?.isMajorHazard).toBe(true);
  });

  it('carbon monoxide outside table 1 takes β from table 3; coal gas (row 13) too, flagged as a reading', () => {
    const co = run(storage([{ chemical: '一氧化碳', categories: ['J3', 'W2'], quantityTonnes: 50 }], { residentsWithin500m: 0 }));
    expect(co.result.units[0]?.substances[0]).toMatchObject({ thresholdTonnes: '10', beta: '2', betaSource: '表3 一氧化碳' });
    const coalGas = run(storage([{ table1No: 13, quantityTonnes: 20 }], { residentsWithin500m: 0 }));
    expect(coalGas.result.units[0]?.substances[0]?.beta).toBe('2');
    expect(coalGas.reasons.some((reason) => reason.zh.includes('解释'))).toBe(true);
  });

  it('several categories: the largest β is taken and the choice is explained; betaCategory overrides', () => {
    const several = run(storage([{ chemical: '甲醇', categories: ['W5.3', 'J5'], quantityTonnes: 600 }], { residentsWithin500m: 0 }));
    expect(several.result.units[0]?.substances[0]).toMatchObject({ thresholdTonnes: '500', thresholdSource: '表1第65行', beta: '1' });
    const flammable = run(storage([{ chemical: '甲醇', categories: ['W5.1', 'J5'], quantityTonnes: 600 }], { residentsWithin500m: 0 }));
    expect(flammable.result.units[0]?.substances[0]?.beta).toBe('1.5');
    expect(flammable.reasons.some((reason) => reason.en.includes('largest'))).toBe(true);
    const chosen = run(storage([{ chemical: '甲醇', categories: ['W5.1', 'J5'], betaCategory: 'J5', quantityTonnes: 600 }], { residentsWithin500m: 0 }));
    expect(chosen.result.units[0]?.substances[0]?.beta).toBe('1');
  });

  it('unknowns: listed chemical outside table 3 without a category; ambiguous CAS; missing quantity; missing residents', () => {
    const noCategory = run(storage([{ chemical: '甲醇', quantityTonnes: 600 }], { residentsWithin500m: 0 }));
    expect(noCategory.result.units[0]?.isMajorHazard).toBe(true);
    expect(noCategory.status).toBe('unknown');
    expect(noCategory.missing).toEqual(['input.units[0].substances[0].categories']);
    const ambiguous = run(storage([{ chemical: '9004-70-0', quantityTonnes: 5 }]));
    expect(ambiguous.status).toBe('unknown');
    expect(ambiguous.missing).toContain('input.units[0].substances[0].table1No');
    const noQuantity = run(storage([{ chemical: '氨', quantityTonnes: 2 }, { chemical: '氯' }]));
    expect(noQuantity.status).toBe('unknown');
    expect(noQuantity.missing).toEqual(['input.units[0].substances[1].quantityTonnes']);
    const knownEnough = run(storage([{ chemical: '氨', quantityTonnes: 20 }, { chemical: '氯' }]));
    expect(knownEnough.result.units[0]?.isMajorHazard).toBe(true);
    const noResidents = run(storage([{ chemical: '氯', quantityTonnes: 20 }]));
    expect(noResidents.status).toBe('unknown');
    expect(noResidents.missing).toEqual(['input.residentsWithin500m']);
    // R·α spans grade 1 for every α: 250 t chlorine → Σβq/Q = 200 → R between 100 and 400.
    const settled = run(storage([{ chemical: '氯', quantityTonnes: 250 }]));
    expect(settled.status).toBe('decided');
    expect(settled.result.units[0]?.grade).toBe(1);
  });

  it('bad input names the field', () => {
    expect(() => run(storage([{ chemical: '氨', categories: ['W99'], quantityTonnes: 1 }]))).toThrow(InputError);
    try {
      run({ units: [{ kind: 'tank', substances: [] }] });
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues.map((issue) => issue.path)).toEqual(['input.units[0].kind', 'input.units[0].substances']);
    }
  });

  it('no version before 2019-03-01', () => {
    expect(run(storage([{ chemical: '氨', quantityTonnes: 20 }]), '2019-02-28').status).toBe('unknown');
  });
});

describe('GB 18218 properties', () => {
  const listed = fc.constantFrom(...table1.map((row) => ({ no: Number(row.no), q: String(row.thresholdTonnes) })));

  it('q = Q exactly is a major hazard installation; 0.001 t less is not; more is', () => {
    fc.assert(
      fc.property(listed, ({ no, q }) => {
        const at = run(storage([{ table1No: no, quantityTonnes: q }])).result.units[0]?.isMajorHazard;
        const lower = (Number(q) * 1000 - 1) / 1000;
        const under = run(storage([{ table1No: no, quantityTonnes: lower.toFixed(3) }])).result.units[0]?.isMajorHazard;
        const over = run(storage([{ table1No: no, quantityTonnes: (Number(q) * 1000 + 1) / 1000 }])).result.units[0]?.isMajorHazard;
        return at === true && under === false && over === true;
      }),
      { numRuns: 85 },
    );
  });

  it('S = Σ q/Q reaching 1 from n equal decimal shares is exact', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 4, 5, 8, 10, 20), listed, (n, { no, q }) => {
        const share = ((Number(q) * 1_000_000) / n / 1_000_000).toString();
        if (Number(share) * n !== Number(q) && !/^\d+(\.\d{1,6})?$/.test(share)) return true;
        const substances = Array.from({ length: n }, () => ({ table1No: no, quantityTonnes: share }));
        return run(storage(substances)).result.units[0]?.isMajorHazard === true;
      }),
      { numRuns: 60 },
    );
  });

  it('table 6 edges: R at 10, 50, 100 for every α that keeps q terminating, and just below', () => {
    const alphas = [{ residents: 0, alpha: 0.5 }, { residents: 1, alpha: 1 }, { residents: 100, alpha: 2 }];
    fc.assert(
      fc.property(fc.constantFrom(...alphas), fc.constantFrom([10, 3], [50, 2], [100, 1]), fc.integer({ min: 0, max: 1000 }), ({ residents, alpha }, [edge, grade], extra) => {
        // chlorine: R = α·4·q/5 → q = edge·1.25/α
        const q = ((edge ?? 0) * 1.25) / alpha;
        const at = run(storage([{ chemical: '氯', quantityTonnes: q }], { residentsWithin500m: residents + (residents === 100 ? extra : 0) }));
        const under = run(storage([{ chemical: '氯', quantityTonnes: (q - 0.0001).toFixed(4) }], { residentsWithin500m: residents }));
        const unit = at.result.units[0];
        if (!unit?.isMajorHazard) return true;
        return unit.grade === grade && (under.result.units[0]?.grade === (grade ?? 0) + 1 || under.result.units[0]?.isMajorHazard === false);
      }),
      { numRuns: 60 },
    );
  });

  it('table 5 edges: 0, 1–29, 30–49, 50–99, 100 and more', () => {
    const expected: [number, string][] = [[0, '0.5'], [1, '1'], [29, '1'], [30, '1.2'], [49, '1.2'], [50, '1.5'], [99, '1.5'], [100, '2'], [5000, '2']];
    for (const [residents, alpha] of expected) {
      expect(run(storage([{ chemical: '氯', quantityTonnes: 50 }], { residentsWithin500m: residents })).result.units[0]?.alpha).toBe(alpha);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const alphaOf = (residents: number) => Number(run(storage([{ chemical: '氯', quantityTonnes: 50 }], { residentsWithin500m: residents })).result.units[0]?.alpha);
        return alphaOf(low) <= alphaOf(high);
      }),
      { numRuns: 50 },
    );
  });

  it('monotone: more of a chemical never lowers S, never un-identifies, never lowers the grade', () => {
    fc.assert(
      fc.property(listed, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 200 }), ({ no }, base, extra, residents) => {
        const before = run(storage([{ table1No: no, categories: ['W9.2'], quantityTonnes: base / 10 }], { residentsWithin500m: residents })).result.units[0];
        const after = run(storage([{ table1No: no, categories: ['W9.2'], quantityTonnes: (base + extra) / 10 }], { residentsWithin500m: residents })).result.units[0];
        if (!before || !after) return false;
        if (Number(after.S) < Number(before.S)) return false;
        if (before.isMajorHazard && !after.isMajorHazard) return false;
        return before.grade === null || (after.grade !== null && after.grade <= before.grade);
      }),
      { numRuns: 150 },
    );
  });
});
