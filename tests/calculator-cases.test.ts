// Runs tests/cases/calculators: each calculator's examples and boundary cases, written from the digests'
// words (expected answers come from the case files, never from rules-data).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calculators } from '../packages/rules/src/calculators/index.js';
import { checkBoundary, expectAt, loadCalculatorCases } from './support/calculator-cases.js';

process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../rules-data', import.meta.url));

for (const { file, cases } of loadCalculatorCases()) {
  describe(`calculator ${cases.calculator} (${file})`, () => {
    const calculator = calculators[cases.calculator];
    it('names a calculator', () => expect(calculator, cases.calculator).toBeDefined());
    if (!calculator) return;
    for (const example of cases.examples) {
      it(example.name, () => expectAt(calculator.run(example.input, { asOf: example.asOf ?? cases.asOf }), example.expect, example.name));
    }
    for (const boundary of cases.boundaries) {
      it(`boundary ${boundary.vary} @ ${boundary.at}: ${boundary.name}`, () => {
        expect(checkBoundary((input, options) => calculator.run(input, options), cases.asOf, boundary)).toBeGreaterThan(20);
      });
    }
  });
}
