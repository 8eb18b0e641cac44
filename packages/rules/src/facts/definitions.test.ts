// The definitions read straight from facts.json answer as the zod vocabulary built from them does:
// the same accepted facts and errors, the same labels, the same finite domains.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesData } from '../documents/load.js';
import { finiteDomainsOf } from '../engine/fast-validation.js';
import { definitionsFor, describeDefinedFact, factsValidatorOfSector, finiteDomainsOfSector, hasVocabulary } from './definitions.js';
import { loadVocabularies } from './load.js';
import { describeFact, validateFacts, vocabularyFor } from './vocabulary.js';

const outcome = (run: () => unknown) => {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const sectors = [...loadVocabularies().files.keys()];

describe('fact definitions without zod', () => {
  it('covers every sector with a vocabulary, in the vocabulary order', () => {
    expect(sectors.length).toBeGreaterThan(5);
    for (const sector of sectors) {
      expect(hasVocabulary(sector)).toBe(true);
      expect([...definitionsFor(sector)!.keys()]).toEqual(Object.keys(vocabularyFor(sector)!.shape));
    }
    expect(hasVocabulary('no-such-sector')).toBe(false);
    expect(definitionsFor('no-such-sector')).toBeUndefined();
  });

  for (const sector of sectors) {
    it(`${sector}: same answers and errors as zod on random values of its fields (seed 1415)`, () => {
      const vocabulary = vocabularyFor(sector)!;
      const names = Object.keys(vocabulary.shape);
      const options = [...definitionsFor(sector)!.values()].flatMap((definition) => ('options' in definition ? Object.keys(definition.options) : [])).slice(0, 20);
      const value = fc.oneof(
        fc.boolean(),
        fc.integer({ min: -5, max: 120 }),
        fc.double({ noNaN: false }),
        fc.constantFrom('lots', '2024-01-01', '2024-1-1', null, undefined, 9007199254740992, -0),
        fc.constantFrom(...options, 'x'),
        fc.array(fc.constantFrom(...options, 'x'), { maxLength: 3 }),
      );
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...names, 'notAFact'), value, { maxKeys: 6 }), (facts) => {
          expect(outcome(() => factsValidatorOfSector(sector)(facts))).toEqual(outcome(() => validateFacts(vocabulary, facts)));
        }),
        { seed: 1415, numRuns: 300 },
      );
      expect(outcome(() => factsValidatorOfSector(sector)([]))).toEqual(outcome(() => validateFacts(vocabulary, [])));
    });

    it(`${sector}: the same labels and finite domains as the zod vocabulary`, () => {
      const vocabulary = vocabularyFor(sector)!;
      const documents = loadRulesData().documents.filter((document) => document.sector === sector);
      for (const document of documents.length > 0 ? documents : [{ derivedFacts: {} }]) {
        for (const fact of [...Object.keys(vocabulary.shape), ...Object.keys(document.derivedFacts), 'notAFact']) {
          expect(describeDefinedFact(sector, document, fact)).toEqual(describeFact(vocabulary, document, fact));
        }
      }
      expect(finiteDomainsOfSector(sector)).toEqual(finiteDomainsOf(vocabulary));
    });
  }
});
