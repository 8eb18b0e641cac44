// Runs tests/cases: the digest's examples, and for every threshold a fast-check property at, just below
// and just above the number. Expected statuses come from the case files (the digest), not from rules-data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, multiply, subtract, toDecimalString, toRational, type Rational } from '../packages/rules/src/exact/rational.js';
import { InputError } from '../packages/rules/src/validation/issues.js';
import { loadCaseFiles, type CasesFile } from './support/repository.js';
import { documentById, evaluateRule, factType } from './support/evaluate.js';

type Boundary = CasesFile['boundaries'][number];

const asNumber = (value: Rational): number => Number(toDecimalString(value, 12));

/** Facts for one point of a boundary case, or undefined when that point is outside the fact's domain. */
const pointFacts = (
  boundary: Boundary,
  sector: string,
  countFacts: readonly string[] | undefined,
  value: Rational,
  per: number | undefined,
): Record<string, unknown> | undefined => {
  if (value.n < 0n) return undefined;
  if (countFacts) {
    // A count of yes/no answers: the first `value` of them are yes.
    const count = asNumber(value);
    if (!Number.isInteger(count) || count > countFacts.length) return undefined;
    return { ...boundary.given, ...Object.fromEntries(countFacts.map((fact, index) => [fact, index < count])) };
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

    for (const boundary of cases.boundaries) {
      it(`${boundary.rule} boundary ${boundary.vary} @ ${boundary.at}: ${boundary.name}`, async () => {
        const derived = document.derivedFacts[boundary.vary]?.expression;
        const countFacts = typeof derived === 'object' && 'countTrue' in derived ? derived.countTrue : undefined;
        const integer = countFacts !== undefined || factType(document.sector, boundary.vary) === 'integer';
        const at = toRational(boundary.at);
        // Steps: whole numbers for counts; otherwise from 0.0001 up to 100 in the fact's unit, or up to
        // the case's maxStep where another limit is near.
        const maxTenThousandths = boundary.maxStep === undefined ? 1_000_000 : Math.max(1, Math.floor(Number(boundary.maxStep) * 10_000));
        const maxWhole = boundary.maxStep === undefined ? 5 : Math.max(1, Math.floor(Number(boundary.maxStep)));
        const step = integer ? fc.integer({ min: 1, max: maxWhole }).map((k) => toRational(k)) : fc.integer({ min: 1, max: maxTenThousandths }).map((k) => ({ n: BigInt(k), d: 10_000n }));
        const perValue = boundary.per ? fc.integer({ min: 1, max: 1_000_000 }) : fc.constant(undefined);
        let checked = 0;
        await fc.assert(
          fc.asyncProperty(step, perValue, async (delta, per) => {
            const points: [Rational, Boundary['atLimit']][] = [
              [at, boundary.atLimit],
              [subtract(at, delta), boundary.below],
              [add(at, delta), boundary.above],
            ];
            for (const [value, expected] of points) {
              const facts = pointFacts(boundary, document.sector, countFacts, value, per);
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
