// The generated fact types are what rules-data makes, and they type-check assess()'s facts per sector.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_TYPES_FILE, factTypesSource } from '../../scripts/fact-types.js';
import { assess } from '../engine/assess.js';
import type { CoalMineFacts, FactsOf } from './fact-types.js';

describe('generated fact types', () => {
  it('src/generated/fact-types.ts is current (run scripts/fact-types.ts after editing a facts.json)', () => {
    expect(readFileSync(FACT_TYPES_FILE, 'utf8')).toBe(factTypesSource());
  });

  it("assess('coal-mine', facts) takes the coal-mine facts and rejects others at compile time", async () => {
    const facts: CoalMineFacts = { mineType: 'openPit', approvedCapacityTonnesPerYear: 1_000_000 };
    const assessment = await assess('coal-mine', facts, { asOf: '2025-06-01' });
    expect(assessment.sector).toBe('coal-mine');
    // The lines below are compile-time checks (pnpm typecheck): each must be a type error.
    // @ts-expect-error an option the vocabulary does not have
    const wrongOption: CoalMineFacts = { mineType: 'deepSea' };
    // @ts-expect-error a fact no coal-mine document reads
    const unknownFact: CoalMineFacts = { notAFact: true };
    // @ts-expect-error a number where a yes/no observation is expected
    const unsure: FactsOf<'fire'> = { premisesOutOfOperation: 1 };
    expect([wrongOption, unknownFact, unsure]).toHaveLength(3);
    // A sector id known only at run time takes any facts; validation at run time names the field.
    const sector: string = 'coal-mine';
    await expect(assess(sector, { mineType: 'deepSea' })).rejects.toThrow(/mineType/);
  });
});
