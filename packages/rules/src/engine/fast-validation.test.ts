// The compiled validator accepts exactly what zod accepts and, on bad input, gives zod's own errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFacts, vocabularyFor } from '../facts/vocabulary.js';
import { factsValidatorFor } from './fast-validation.js';

const outcome = (run: () => unknown) => {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

describe('compiled fact validation', () => {
  for (const sector of ['coal-mine', 'fire', 'construction']) {
    it(`${sector}: same answers and same errors as zod on random values of its fields`, () => {
      const vocabulary = vocabularyFor(sector)!;
      const names = Object.keys(vocabulary.shape);
      const value = fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: false }), fc.constantFrom('lots', 'underground', '2024-01-01', null), fc.array(fc.constantFrom('crowded', 'x')));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...names, 'notAFact'), value, { maxKeys: 6 }), (facts) => {
          expect(outcome(() => factsValidatorFor(vocabulary)(facts))).toEqual(outcome(() => validateFacts(vocabulary, facts)));
        }),
        { seed: 1414, numRuns: 400 },
      );
    });
  }
});
