import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesData } from '../documents/load.js';
import { compare, multiply, subtract, toRational } from '../exact/rational.js';
import { InputError } from '../validation/issues.js';
import { safetyCost } from './safety-cost.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const run = (input: unknown, asOf = '2023-03-31') => safetyCost(input, { asOf });
const wan = (n: number) => String(n * 10_000);

describe('safety cost: digest examples', () => {
  it('hazardous goods, 2023, revenue 5000万 → 135万 a year, 11.25万 a month', () => {
    const result = run({ industry: 'hazardousGoods', activity: 'production', prevYearRevenueYuan: wan(5000) });
    expect(result.status).toBe('decided');
    expect(result.result).toMatchObject({ version: '2022', basis: 'marginal', annualAmountYuan: wan(135), monthlyAmountYuan: wan(11.25) });
    expect(result.citations[0]).toMatchObject({ documentId: 'safety-cost-extraction', version: '2022', article: 21 });
  });
  it('the same enterprise accruing in 2022-06 falls under 2012 → 120万', () => {
    expect(run({ industry: 'hazardousGoods', activity: 'production', prevYearRevenueYuan: wan(5000) }, '2022-06-30').result).toMatchObject({ version: '2012', annualAmountYuan: wan(120) });
  });
  it('fireworks 1500万 → 55万; civil explosives 3亿 → 320万', () => {
    expect(run({ industry: 'fireworks', prevYearRevenueYuan: wan(1500) }).result.annualAmountYuan).toBe(wan(55));
    expect(run({ industry: 'civilExplosives', prevYearRevenueYuan: wan(30000) }).result.annualAmountYuan).toBe(wan(320));
  });
  it('high-gas coal mine, 5万 t in March 2023 → 150万; offshore crude 2万 t → 40万', () => {
    expect(run({ industry: 'coal', mineType: 'underground', coalHazards: ['highGas'], monthlyOutput: 50000 }).result.amountYuan).toBe(wan(150));
    expect(run({ industry: 'oilGas', activity: 'crude', monthlyOutput: 20000 }).result.amountYuan).toBe(wan(40));
  });
  it('balance rule: 300万 against 100万 last year pauses extraction, 299万 does not', () => {
    const base = { industry: 'hazardousGoods', activity: 'production', prevYearRevenueYuan: wan(5000), prevYearRequiredAmountYuan: wan(100) };
    expect(run({ ...base, openingBalanceYuan: wan(300) }).result.suspended).toBe(true);
    expect(run({ ...base, openingBalanceYuan: wan(299) }).result.suspended).toBe(false);
    expect(run({ ...base, openingBalanceYuan: wan(300) }, '2022-06-30').result.suspended).toBeNull();
  });
});

describe('safety cost: versions, readings and unknowns', () => {
  it('2022-11-20 is 2012, 2022-11-21 is 2022', () => {
    const facts = { industry: 'coal', mineType: 'underground', coalHazards: ['outburst'], monthlyOutput: 1000 };
    expect(run(facts, '2022-11-20').result).toMatchObject({ version: '2012', amountYuan: '30000' });
    expect(run(facts, '2022-11-21').result).toMatchObject({ version: '2022', amountYuan: '50000' });
  });
  it('several coal disasters take the highest rate; 2012 had no rock-burst class', () => {
    expect(run({ industry: 'coal', mineType: 'underground', coalHazards: ['highGas', 'rockburst'], monthlyOutput: 1 }).result.rate).toBe('50');
    expect(run({ industry: 'coal', mineType: 'underground', coalHazards: ['rockburst'], monthlyOutput: 1 }, '2020-01-31').result.rate).toBe('15');
    expect(run({ industry: 'coal', mineType: 'openPit', monthlyOutput: 1 }).result.rate).toBe('5');
  });
  it('a merely "complex" hydrogeology mine is unknown (the 30 yuan rate is unverified); with high gas it is decided', () => {
    const complex = run({ industry: 'coal', mineType: 'underground', coalHazards: ['hydroComplex'], monthlyOutput: 100 });
    expect(complex.status).toBe('unknown');
    expect(complex.result).toMatchObject({ provisional: true, amountYuan: '3000' });
    expect(complex.missing).toEqual(['figure:safety-cost-extraction@2022/coal/hydroComplex']);
    const withGas = run({ industry: 'coal', mineType: 'underground', coalHazards: ['hydroComplex', 'highGas'], monthlyOutput: 100 });
    expect(withGas.status).toBe('decided');
    expect(withGas.result.amountYuan).toBe('3000');
  });
  it('unverified 2022 figures are unknown and name the figure: non-coal mines, construction, transport, power, metallurgy', () => {
    for (const industry of ['nonCoalMining', 'construction', 'transport', 'power', 'weapons']) {
      const result = run({ industry, prevYearRevenueYuan: 1, costBaseYuan: 1, monthlyOutput: 1 });
      expect(result.status).toBe('unknown');
      expect(result.missing).toEqual([`figure:safety-cost-extraction@2022/${industry}`]);
    }
    const metallurgy = run({ industry: 'metallurgy', prevYearRevenueYuan: wan(1000) });
    expect(metallurgy.status).toBe('unknown');
    expect(metallurgy.result).toMatchObject({ provisional: true, annualAmountYuan: wan(30) });
  });
  it('2012 construction by project category and transport by business', () => {
    expect(run({ industry: 'construction', activity: 'mining', costBaseYuan: wan(1000) }, '2020-01-01').result.amountYuan).toBe(wan(25));
    expect(run({ industry: 'construction', activity: 'highway', costBaseYuan: wan(1000) }, '2020-01-01').result.amountYuan).toBe(wan(15));
    expect(run({ industry: 'transport', activity: 'generalFreight', prevYearRevenueYuan: wan(1200) }, '2020-01-01').result).toMatchObject({ annualAmountYuan: wan(12), monthlyAmountYuan: wan(1) });
  });
  it('SCF-HAZ: a sale-only or use-only hazardous-goods business is outside the class (no producer amount); the activity is asked for', () => {
    expect(run({ industry: 'hazardousGoods', activity: 'saleOnly', prevYearRevenueYuan: wan(5000) }).result).toMatchObject({ covered: false, annualAmountYuan: null });
    expect(run({ industry: 'hazardousGoods', activity: 'useOnly', prevYearRevenueYuan: wan(5000) }, '2020-01-01').result.covered).toBe(false);
    expect(run({ industry: 'hazardousGoods', prevYearRevenueYuan: wan(5000) }).missing).toEqual(['input.activity']);
    expect(() => run({ industry: 'fireworks', activity: 'saleOnly', prevYearRevenueYuan: 1 })).toThrow(InputError);
  });
  it('SCF-OILGAS: oil and gas before 2022-11-21 take the 2012 non-coal mining rates (17 yuan per tonne of crude)', () => {
    expect(run({ industry: 'oilGas', activity: 'crude', monthlyOutput: 100 }, '2020-01-01').result).toMatchObject({ version: '2012', rate: '17', amountYuan: '1700' });
  });
  it('missing inputs are named; bad activity is an input error', () => {
    expect(run({ industry: 'hazardousGoods', activity: 'production' }).missing).toEqual(['input.prevYearRevenueYuan']);
    expect(run({ industry: 'coal', mineType: 'underground' }).missing).toEqual(['input.coalHazards']);
    expect(run({ industry: 'oilGas', monthlyOutput: 1 }).missing).toEqual(['input.activity']);
    expect(() => run({ industry: 'oilGas', activity: 'whaling' })).toThrow(InputError);
    expect(() => run({ industry: 'mining' })).toThrow(InputError);
  });
  it('under-use: below 60 % triggers, exactly 60 % does not', () => {
    const base = { industry: 'hazardousGoods', activity: 'production', prevYearRevenueYuan: wan(1000) }; // 45万 required
    expect(run({ ...base, actualUseYuan: wan(27) }).result.underUse).toBe(false);
    expect(run({ ...base, actualUseYuan: '269999.99' }).result.underUse).toBe(true);
  });
});

// Hazardous goods are computed for producers and storers only: the tier properties use a producer.
const activityOf = (industry: string) => (industry === 'hazardousGoods' ? { activity: 'production' } : {});

describe('safety cost: properties at every tier bound', () => {
  const documents = loadRulesData().documents.filter((doc) => doc.id === 'safety-cost-extraction');
  const cases = documents.flatMap((doc) =>
    (doc.datasets.rates?.rows ?? [])
      .filter((row) => row.kind === 'marginal')
      .map((row) => ({ version: doc.version, asOf: doc.effectiveFrom, industry: String(row.industry), table: doc.tables[String(row.table)] })),
  );
  const amount = (industry: string, asOf: string, revenue: string) => Number(run({ industry, ...activityOf(industry), prevYearRevenueYuan: revenue }, asOf).result.annualAmountYuan);

  for (const { version, asOf, industry, table } of cases) {
    const bounds = (table?.bands ?? []).map((band) => band.to).filter((to): to is string => typeof to === 'string');
    for (const [index, bound] of bounds.entries()) {
      it(`${industry} ${version}: tier bound ${bound} — below it the lower rate, above it the next rate, exactly (property)`, () => {
        const lowerRate = toRational(String(table?.bands[index]?.value));
        const nextRate = toRational(String(table?.bands[index + 1]?.value));
        const lowerFrom = BigInt(String(table?.bands[index]?.from ?? '0'));
        const nextTo = table?.bands[index + 1]?.to;
        const room = [BigInt(bound) - lowerFrom, nextTo ? BigInt(String(nextTo)) - BigInt(bound) : 10n ** 12n].reduce((a, b) => (a < b ? a : b));
        const exact = (revenue: bigint) => toRational(run({ industry, ...activityOf(industry), prevYearRevenueYuan: String(revenue) }, asOf).result.annualAmountYuan ?? 'x');
        const at = exact(BigInt(bound));
        fc.assert(
          // steps of whole hundreds of yuan keep every tier's part an exact number of fen
          fc.property(fc.bigInt({ min: 1n, max: room / 100n }), (hundreds) => {
            const step = hundreds * 100n;
            const delta = toRational(String(step));
            const fromBelow = subtract(at, exact(BigInt(bound) - step));
            const toAbove = subtract(exact(BigInt(bound) + step), at);
            return compare(fromBelow, multiply(lowerRate, delta)) === 0 && compare(toAbove, multiply(nextRate, delta)) === 0;
          }),
          { numRuns: 40 },
        );
      });
    }
    it(`${industry} ${version}: amount is continuous, never decreases with revenue, and never exceeds the top rate × revenue`, () => {
      const top = Number(table?.bands[0]?.value);
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 20_000_000_000n }), fc.bigInt({ min: 0n, max: 2_000_000_000n }), (revenue, extra) => {
          const low = amount(industry, asOf, String(revenue));
          const high = amount(industry, asOf, String(revenue + extra));
          return high >= low && low <= top * Number(revenue) + 0.01;
        }),
        { numRuns: 60 },
      );
    });
  }

  it('the cumulative figures of the digest at the bounds (2022 hazardous goods 45万 / 247.5万 / 742.5万)', () => {
    const at = (revenue: number) => run({ industry: 'hazardousGoods', activity: 'production', prevYearRevenueYuan: wan(revenue) }).result.annualAmountYuan;
    expect([at(1000), at(10000), at(100000)]).toEqual([wan(45), wan(247.5), wan(742.5)]);
    const machinery = (revenue: number) => run({ industry: 'machinery', prevYearRevenueYuan: wan(revenue) }).result.annualAmountYuan;
    expect([machinery(1000), machinery(10000), machinery(100000), machinery(500000)]).toEqual([wan(23.5), wan(136), wan(361), wan(761)]);
  });

  it('balance: exactly three times pauses, one fen less does not (property over last year’s amount)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (required) => {
        const base = { industry: 'fireworks', prevYearRevenueYuan: 1, prevYearRequiredAmountYuan: required };
        const at = run({ ...base, openingBalanceYuan: required * 3 }).result.suspended;
        const below = run({ ...base, openingBalanceYuan: `${required * 3 - 1}.99` }).result.suspended;
        return at === true && below === false;
      }),
      { numRuns: 60 },
    );
  });
});
