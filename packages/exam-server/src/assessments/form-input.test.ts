import { describe, expect, it } from 'vitest';
import { formLayout } from './fields.js';
import { factsFromForm, typedFromFacts } from './form-input.js';

const layout = formLayout('coal-mine', '2026-09-01');

describe('factsFromForm', () => {
  it('leaves blank answers out (unknown) and reads yes/no, options, decimals and checkbox lists', () => {
    const { facts, issues } = factsFromForm(layout, {
      'f.mineType': 'openPit',
      'f.mineGasClass': '',
      'f.approvedCapacityTonnesPerYear': '１,000,000',
      'f.annualRawCoalOutputTonnes': '1200000.5',
      'f.returnAirwayGasWorkStopped': 'false',
      'f.rockBurstSeamManningRulesFollowed': '',
      'k.waterBarrierPillarMissingAt': 'known',
    });
    expect(issues).toEqual([]);
    expect(facts).toEqual({ mineType: 'openPit', approvedCapacityTonnesPerYear: 1000000, annualRawCoalOutputTonnes: 1200000.5, returnAirwayGasWorkStopped: false, waterBarrierPillarMissingAt: [] });
  });

  it('refuses a non-number with the field named and keeps what was typed', () => {
    const { facts, typed, issues } = factsFromForm(layout, { 'f.annualRawCoalOutputTonnes': 'lots', 'f.districtActiveCoalFaces': '1.5', 'f.mineType': 'somewhere' });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['facts.annualRawCoalOutputTonnes', 'facts.districtActiveCoalFaces', 'facts.mineType']);
    expect(issues.find((issue) => issue.path === 'facts.annualRawCoalOutputTonnes')!.message).toContain('全年原煤产量');
    expect(typed.annualRawCoalOutputTonnes).toBe('lots');
    expect(facts).toEqual({});
  });

  it('round-trips stored facts into form values', () => {
    expect(typedFromFacts({ mineType: 'openPit', returnAirwayGasWorkStopped: true, waterBarrierPillarMissingAt: ['waterloggedGoaf'] })).toEqual({ mineType: 'openPit', returnAirwayGasWorkStopped: 'true', waterBarrierPillarMissingAt: ['waterloggedGoaf'] });
  });
});
