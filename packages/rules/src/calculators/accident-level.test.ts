import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../validation/issues.js';
import { accidentLevel, accidentLevels } from './accident-level.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const asOf = '2026-11-01';
const run = (input: unknown, date = asOf) => accidentLevel(input, { asOf: date });
const rankOf = (level: string | null) => (level === null ? 0 : accidentLevels.indexOf(level as never) + 1);

describe('accident level (条例493号 Art.3)', () => {
  it('digest example: 2 deaths and 12 serious injuries is a larger accident, set by the injuries', () => {
    const result = run({ deaths: 2, seriousInjuries: 12, directEconomicLossYuan: 0 });
    expect(result.status).toBe('decided');
    expect(result.result.level).toBe('larger');
    expect(result.result.byCriterion).toEqual({ deaths: 'general', seriousInjuries: 'larger', directEconomicLoss: 'general' });
    expect(result.citations.some((c) => c.documentId === 'accident-levels' && c.article === 3)).toBe(true);
  });

  it('29 deaths is still major, 30 is extraordinarily serious', () => {
    expect(run({ deaths: 29, seriousInjuries: 0, directEconomicLossYuan: 0 }).result.level).toBe('major');
    expect(run({ deaths: 30, seriousInjuries: 0, directEconomicLossYuan: 0 }).result.level).toBe('extraordinary');
  });

  it('a missing figure leaves the level unknown, naming it, unless the known ones reach the top', () => {
    const partial = run({ deaths: 5 });
    expect(partial.status).toBe('unknown');
    expect(partial.missing).toEqual(['input.seriousInjuries', 'input.directEconomicLossYuan']);
    expect(partial.result.atLeast).toBe('larger');
    expect(partial.result.level).toBeNull();
    const top = run({ directEconomicLossYuan: '100000000' });
    expect(top.status).toBe('decided');
    expect(top.missing).toEqual([]);
    expect(top.result.level).toBe('extraordinary');
  });

  it('bad input names the field', () => {
    expect(() => run({ deaths: -1 })).toThrow(InputError);
    try {
      run({ deaths: 'many', seriousInjuries: 1.5 });
    } catch (error) {
      expect((error as InputError).issues.map((issue) => issue.path)).toEqual(['input.deaths', 'input.seriousInjuries']);
    }
  });

  const edges = [
    { field: 'deaths', edges: [[3, 'larger'], [10, 'major'], [30, 'extraordinary']] },
    { field: 'seriousInjuries', edges: [[10, 'larger'], [50, 'major'], [100, 'extraordinary']] },
  ] as const;
  for (const { field, edges: list } of edges) {
    for (const [edge, level] of list) {
      it(`${field} band edge ${edge}: 以上 includes, 以下 excludes`, () => {
        const base = { deaths: 0, seriousInjuries: 0, directEconomicLossYuan: 0 };
        expect(run({ ...base, [field]: edge }).result.level).toBe(level);
        expect(rankOf(run({ ...base, [field]: edge - 1 }).result.level)).toBe(accidentLevels.indexOf(level));
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 1000 }), (value) => {
            const result = run({ ...base, [field]: value });
            return value >= edge ? rankOf(result.result.level) >= accidentLevels.indexOf(level) + 1 : rankOf(result.result.level) <= accidentLevels.indexOf(level);
          }),
          { numRuns: 50 },
        );
      });
    }
  }

  for (const [edge, level] of [['10000000', 'larger'], ['50000000', 'major'], ['100000000', 'extraordinary']] as const) {
    it(`direct loss edge ${edge} yuan, exactly and one fen below`, () => {
      const base = { deaths: 0, seriousInjuries: 0 };
      expect(run({ ...base, directEconomicLossYuan: edge }).result.level).toBe(level);
      const below = `${BigInt(edge) - 1n}.99`;
      expect(rankOf(run({ ...base, directEconomicLossYuan: below }).result.level)).toBe(accidentLevels.indexOf(level));
      expect(run({ ...base, directEconomicLossYuan: `${edge}.01` }).result.level).toBe(level);
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 300_000_000_00n }), (fen) => {
          const loss = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
          const rank = rankOf(run({ ...base, directEconomicLossYuan: loss }).result.level);
          const reached = fen >= BigInt(edge) * 100n;
          return reached ? rank >= accidentLevels.indexOf(level) + 1 : rank <= accidentLevels.indexOf(level);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('property: more deaths, injuries or loss never lower the level', () => {
    const facts = fc.record({
      deaths: fc.integer({ min: 0, max: 60 }),
      seriousInjuries: fc.integer({ min: 0, max: 200 }),
      directEconomicLossYuan: fc.integer({ min: 0, max: 200_000_000 }),
    });
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 90_000_000 }), (base, d, s, l) => {
        const before = rankOf(run(base).result.level);
        const after = rankOf(run({ deaths: base.deaths + d, seriousInjuries: base.seriousInjuries + s, directEconomicLossYuan: base.directEconomicLossYuan + l }).result.level);
        return after >= before;
      }),
      { numRuns: 200 },
    );
  });

  it('property: a partial answer never claims less than it knows, and completing it never goes below atLeast', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200_000_000 }), (deaths, seriousInjuries, loss) => {
        const partial = run({ deaths });
        const full = run({ deaths, seriousInjuries, directEconomicLossYuan: loss });
        return rankOf(full.result.level) >= rankOf(partial.result.atLeast);
      }),
      { numRuns: 100 },
    );
  });
});

describe('accident consequences', () => {
  it('2021 law: general accident fines the enterprise 30万–100万 and the principal 40% of income', () => {
    const result = run({ deaths: 1, seriousInjuries: 0, directEconomicLossYuan: 500000, accidentDate: '2023-05-01', principalPrevYearIncomeYuan: '300000' });
    expect(result.result.fines).toMatchObject({
      lawVersion: '2021',
      enterprise: { minYuan: '300000', maxYuan: '1000000' },
      enterpriseEspeciallySerious: { minYuan: '600000', maxYuan: '5000000' },
      principal: { incomeRate: '0.4', amountYuan: '120000' },
    });
    expect(result.citations.some((c) => c.documentId === 'work-safety-law-penalties' && c.article === 114)).toBe(true);
    expect(result.result.reporting.reportedUpTo?.zh).toContain('设区的市级');
    expect(result.result.investigation?.approvalDays).toBe('15');
  });

  it('work-safety-law digest example: general accident, previous-year income 20万 → principal fined 8万 (40 %)', () => {
    expect(run({ deaths: 1, seriousInjuries: 0, directEconomicLossYuan: 0, accidentDate: '2025-01-01', principalPrevYearIncomeYuan: 200000 }).result.fines?.principal.amountYuan).toBe('80000');
  });

  it('2014 law applies to an accident on 2021-08-31, 2021 law from 2021-09-01 (chosen by the accident date)', () => {
    const facts = { deaths: 12, seriousInjuries: 0, directEconomicLossYuan: 0, principalPrevYearIncomeYuan: 100000 };
    const old = run({ ...facts, accidentDate: '2021-08-31' });
    expect(old.result.fines).toMatchObject({ lawVersion: '2014', enterprise: { minYuan: '1000000', maxYuan: '5000000' }, principal: { incomeRate: '0.6', amountYuan: '60000' } });
    const current = run({ ...facts, accidentDate: '2021-09-01' });
    expect(current.result.fines).toMatchObject({ lawVersion: '2021', enterprise: { minYuan: '2000000', maxYuan: '10000000' }, principal: { incomeRate: '0.8', amountYuan: '80000' } });
  });

  it('2014 law: extraordinarily serious with especially serious circumstances 1000万–2000万', () => {
    const result = run({ deaths: 35, seriousInjuries: 0, directEconomicLossYuan: 0, accidentDate: '2018-01-01' });
    expect(result.result.fines?.enterpriseEspeciallySerious).toEqual({ minYuan: '10000000', maxYuan: '20000000' });
    expect(result.result.investigation?.approvalDays).toBe('30');
  });

  it('no fines for an accident before 2014-12-01 (amounts not encoded)', () => {
    expect(run({ deaths: 1, seriousInjuries: 0, directEconomicLossYuan: 0, accidentDate: '2010-01-01' }).result.fines).toBeNull();
  });

  it('unit head report: exactly 60 minutes is on time, 61 is late; road and fire accidents have 7 days for supplementary reports', () => {
    const base = { deaths: 1, seriousInjuries: 0, directEconomicLossYuan: 0, accidentType: 'fire' as const };
    expect(run({ ...base, unitHeadReceivedAt: '2025-01-01T08:00:00+08:00', reportedToGovAt: '2025-01-01T09:00:00+08:00' }).result.reporting.unitHeadReportOnTime).toBe(true);
    expect(run({ ...base, unitHeadReceivedAt: '2025-01-01T08:00:00+08:00', reportedToGovAt: '2025-01-01T09:01:00+08:00' }).result.reporting.unitHeadReportOnTime).toBe(false);
    expect(run(base).result.reporting.supplementaryReportDays).toBe('7');
    expect(run({ ...base, accidentType: 'other' }).result.reporting.supplementaryReportDays).toBe('30');
  });

  it('before the regulation took effect there is no version: unknown', () => {
    const result = run({ deaths: 1 }, '2007-05-31');
    expect(result.status).toBe('unknown');
    expect(result.missing).toEqual(['document:accident-levels']);
  });
});
