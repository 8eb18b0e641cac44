// Runs tests/cases: the digest's examples, and for every threshold a fast-check property at, just below
// and just above the number. Expected statuses come from the case files (the digest), not from rules-data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, multiply, subtract, toDecimalString, toRational, type Rational } from '../packages/rules/src/exact/rational.js';
import { addDays } from '../packages/rules/src/calculators/deadline.js';
import { InputError } from '../packages/rules/src/validation/issues.js';
import { loadCaseFiles, type CasesFile } from './support/repository.js';
import { documentById, evaluateRule, factType } from './support/evaluate.js';
import { referencesOf } from './support/rules.js';

type Boundary = CasesFile['boundaries'][number];

const isDate = (value: string | number): boolean => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

const asNumber = (value: Rational): number => Number(toDecimalString(value, 12));

/** How a boundary's count is made: by yes/no facts (countTrue) or by conditions that hold (countHolding). */
type Counted = { facts: readonly string[] } | { conditions: readonly string[]; witnesses: CasesFile['witnesses'] };

/** Facts merged left to right; lists (premises uses …) are joined, so two witnesses can both say "a shop". */
const mergeFacts = (...parts: Record<string, unknown>[]): Record<string, unknown> => {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      const before = merged[name];
      merged[name] = Array.isArray(before) && Array.isArray(value) ? [...new Set([...before, ...value])] : value;
    }
  }
  return merged;
};

/** Facts for one point of a boundary case, or undefined when that point is outside the fact's domain. */
const pointFacts = (
  boundary: Boundary,
  sector: string,
  counted: Counted | undefined,
  value: Rational,
  per: number | undefined,
): Record<string, unknown> | undefined => {
  if (value.n < 0n) return undefined;
  if (counted) {
    const count = asNumber(value);
    if ('facts' in counted) {
      // A count of yes/no answers: the first `value` of them are yes.
      if (!Number.isInteger(count) || count > counted.facts.length) return undefined;
      return { ...boundary.given, ...Object.fromEntries(counted.facts.map((fact, index) => [fact, index < count])) };
    }
    // A count of conditions: the first `value` hold, the rest fail, each by its witness from the case file.
    if (!Number.isInteger(count) || count > counted.conditions.length) return undefined;
    const parts = counted.conditions.map((name, index) => {
      const witness = counted.witnesses[name];
      if (!witness) throw new Error(`no witness for ${name} in the case file`);
      return index < count ? witness.holds : witness.fails;
    });
    return mergeFacts(boundary.given, ...parts.filter((_, index) => index >= count), ...parts.filter((_, index) => index < count));
  }
  const scaled = per === undefined ? value : multiply(value, toRational(per));
  const number = asNumber(scaled);
  if (factType(sector, boundary.vary) === 'integer' && !Number.isInteger(number)) return undefined;
  return { ...boundary.given, ...(boundary.per ? { [boundary.per]: per } : {}), [boundary.vary]: number };
};

for (const { file, cases } of loadCaseFiles()) {
  const document = documentById(cases.document.id, cases.document.version);
  describe(`${document.sector} ${file}`, () => {
    it('asOf falls within the document version', () => {
      expect(cases.asOf >= document.effectiveFrom && (document.effectiveTo === null || cases.asOf <= document.effectiveTo)).toBe(true);
    });

    for (const example of cases.examples) {
      it(`${example.rule}: ${example.name}`, async () => {
        const finding = await evaluateRule(document, example.rule, example.facts);
        expect(finding.status, finding.reasons.map((reason) => reason.text.zh).join('\n')).toBe(example.expect);
      });
    }

    for (const boundary of cases.boundaries.filter((candidate) => isDate(candidate.at))) {
      it(`${boundary.rule} date window ${boundary.vary} @ ${boundary.at}: ${boundary.name}`, async () => {
        // A date window: the day itself, and whole days before and after it (up to about a year and a half).
        const maxDays = boundary.maxStep === undefined ? 500 : Math.max(1, Math.floor(Number(boundary.maxStep)));
        let checked = 0;
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: maxDays }), async (days) => {
            const at = String(boundary.at);
            const points: [string, Boundary['atLimit']][] = [
              [at, boundary.atLimit],
              [addDays(at, -days), boundary.below],
              [addDays(at, days), boundary.above],
            ];
            for (const [date, expected] of points) {
              const finding = await evaluateRule(document, boundary.rule, { ...boundary.given, [boundary.vary]: date });
              expect(finding.status, `${boundary.vary} = ${date}\n${finding.reasons.map((reason) => reason.text.zh).join('\n')}`).toBe(expected);
              checked += 1;
            }
          }),
          { numRuns: 20, seed: 1518 },
        );
        expect(checked, 'the day itself and days beside it were checked').toBe(60);
      });
    }

    for (const boundary of cases.boundaries.filter((candidate) => !isDate(candidate.at))) {
      it(`${boundary.rule} boundary ${boundary.vary} @ ${boundary.at}: ${boundary.name}`, async () => {
        const derived = document.derivedFacts[boundary.vary]?.expression;
        const rule = document.rules.find((candidate) => candidate.id === boundary.rule);
        // Conditions the rule names itself come first, so a count that reaches its limit includes the rule's own element.
        const own = new Set(referencesOf(rule?.conditions));
        const counted: Counted | undefined =
          typeof derived === 'object' && 'countTrue' in derived
            ? { facts: derived.countTrue }
            : typeof derived === 'object' && 'countHolding' in derived
              ? { conditions: [...derived.countHolding].sort((a, b) => Number(own.has(b)) - Number(own.has(a))), witnesses: cases.witnesses }
              : undefined;
        const integerFact = factType(document.sector, boundary.vary) === 'integer';
        // A whole count compared as a share of another (damaged doors of all doors): the total is a multiple
        // of the limit's denominator, so the limit itself is a whole count, and steps are one item at a time.
        const shareOfCount = integerFact && boundary.per !== undefined;
        const integer = counted !== undefined || (integerFact && !shareOfCount);
        const at = toRational(boundary.at);
        // Steps: whole numbers for counts; otherwise from 0.0001 up to 100 in the fact's unit, or up to
        // the case's maxStep where another limit is near.
        const maxTenThousandths = boundary.maxStep === undefined ? 1_000_000 : Math.max(1, Math.floor(Number(boundary.maxStep) * 10_000));
        const maxWhole = boundary.maxStep === undefined ? 5 : Math.max(1, Math.floor(Number(boundary.maxStep)));
        const step = integer ? fc.integer({ min: 1, max: maxWhole }).map((k) => toRational(k)) : fc.integer({ min: 1, max: maxTenThousandths }).map((k) => ({ n: BigInt(k), d: 10_000n }));
        const perValue = shareOfCount
          ? fc.integer({ min: 1, max: 2_000 }).map((multiple) => multiple * Number(at.d))
          : boundary.per
            ? fc.integer({ min: 1, max: 1_000_000 })
            : fc.constant(undefined);
        let checked = 0;
        await fc.assert(
          fc.asyncProperty(step, perValue, fc.integer({ min: 1, max: maxWhole }), async (ratioStep, per, items) => {
            const delta = shareOfCount ? { n: BigInt(items), d: BigInt(per!) } : ratioStep;
            const points: [Rational, Boundary['atLimit']][] = [
              [at, boundary.atLimit],
              [subtract(at, delta), boundary.below],
              [add(at, delta), boundary.above],
            ];
            for (const [value, expected] of points) {
              const facts = pointFacts(boundary, document.sector, counted, value, per);
              if (!facts) continue;
              let finding;
              try {
                finding = await evaluateRule(document, boundary.rule, facts);
              } catch (error) {
                if (error instanceof InputError && error.issues.every((issue) => issue.path === `facts.${boundary.vary}`)) continue;
                throw error;
              }
              expect(finding.status, `${boundary.vary} = ${String(facts[boundary.vary] ?? toDecimalString(value))}\n${finding.reasons.map((reason) => reason.text.zh).join('\n')}`).toBe(expected);
              checked += 1;
            }
          }),
          { numRuns: 20 },
        );
        expect(checked, 'the boundary itself and points beside it were checked').toBeGreaterThan(20);
      });
    }
  });
}
