import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../validation/issues.js';
import { workSafetyEnforcement, workSafetyOrganisation, workSafetyPenalty } from './work-safety-law.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const asOf = '2026-11-01';

describe('Art. 24 and 27: organisation, assessment, registered safety engineers', () => {
  it('digest examples: property company 150 → organisation or full-time; 80 → full- or part-time', () => {
    expect(workSafetyOrganisation({ activities: [], employeeCount: 150 }, { asOf }).result.safetyManagement).toBe('organisationOrFullTimeStaff');
    expect(workSafetyOrganisation({ activities: [], employeeCount: 80 }, { asOf }).result.safetyManagement).toBe('fullTimeOrPartTimeStaff');
  });
  it('a mine of 8 people: organisation or full-time, assessment and a registered safety engineer required', () => {
    expect(workSafetyOrganisation({ activities: ['mine'], employeeCount: 8 }, { asOf }).result).toMatchObject({ safetyManagement: 'organisationOrFullTimeStaff', principalAssessmentRequired: true, registeredSafetyEngineer: 'required', notifyManagerAppointment: true });
  });
  it('construction and dangerous-goods trading: assessment yes, registered safety engineer only encouraged', () => {
    for (const activity of ['construction', 'dangerousGoodsTrading']) {
      expect(workSafetyOrganisation({ activities: [activity] }, { asOf }).result).toMatchObject({ principalAssessmentRequired: true, registeredSafetyEngineer: 'encouraged', notifyManagerAppointment: false });
    }
  });
  it('100 is the second band, 101 the first (property over headcounts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (count) => {
        const result = workSafetyOrganisation({ activities: [], employeeCount: count }, { asOf }).result.safetyManagement;
        return result === (count > 100 ? 'organisationOrFullTimeStaff' : 'fullTimeOrPartTimeStaff');
      }),
      { numRuns: 200 },
    );
    expect(workSafetyOrganisation({ activities: [], employeeCount: 100 }, { asOf }).result.safetyManagement).toBe('fullTimeOrPartTimeStaff');
    expect(workSafetyOrganisation({ activities: [], employeeCount: 101 }, { asOf }).result.safetyManagement).toBe('organisationOrFullTimeStaff');
  });
  it('2014 text: inland shipping and loading-only units go by headcount; 2021 lists them whatever the headcount', () => {
    expect(workSafetyOrganisation({ activities: ['otherTransport'], employeeCount: 50 }, { asOf: '2021-08-31' }).result).toMatchObject({ version: '2014', safetyManagement: 'fullTimeOrPartTimeStaff', principalAssessmentRequired: false });
    expect(workSafetyOrganisation({ activities: ['otherTransport'], employeeCount: 50 }, { asOf: '2021-09-01' }).result).toMatchObject({ version: '2021', safetyManagement: 'organisationOrFullTimeStaff' });
    expect(workSafetyOrganisation({ activities: ['dangerousGoodsLoading'] }, { asOf: '2021-08-31' }).result.registeredSafetyEngineer).toBe('encouraged');
    expect(workSafetyOrganisation({ activities: ['dangerousGoodsLoading'] }, { asOf }).result.registeredSafetyEngineer).toBe('required');
  });
  it('unknowns are named; Art. 21 duties are a checklist', () => {
    expect(workSafetyOrganisation({}, { asOf }).missing).toEqual(['input.activities']);
    expect(workSafetyOrganisation({ activities: [] }, { asOf }).missing).toEqual(['input.employeeCount']);
    const duties = workSafetyOrganisation({ activities: ['mine'], dutiesFulfilled: { d1: true, d2: true, d3: true, d4: true, d5: false, d6: true, d7: true } }, { asOf });
    expect(duties.result.duties).toHaveLength(7);
    expect(duties.result.unmetDuties).toEqual(['d5']);
    expect(duties.result.duties[0]?.duty.zh).toContain('全员');
    expect(workSafetyOrganisation({ activities: ['mine'] }, { asOf: '2020-01-01' }).result.duties[0]?.duty.zh).not.toContain('全员');
  });
});

describe('penalty bands (2021)', () => {
  it('Art. 94: 2万–5万, then 5万–10万 if not corrected', () => {
    const result = workSafetyPenalty({ article: 94 }, { asOf });
    expect(result.result.bands).toMatchObject([{ party: 'principal', minYuan: '20000', maxYuan: '50000' }]);
    expect(result.result.ifNotCorrected).toMatchObject([{ minYuan: '50000', maxYuan: '100000' }]);
    expect(workSafetyPenalty({ article: 97, correctedWithinDeadline: false }, { asOf }).result.bands.map((band) => [band.party, band.minYuan, band.maxYuan])).toEqual([['unit', '0', '100000'], ['unit', '100000', '200000'], ['persons', '20000', '50000']]);
  });
  it('Art. 92: false report with 30万 illegal income → 60万–150万; exactly 10万 takes the multiples, 99,999 the fixed range', () => {
    const fine = (income: number) => workSafetyPenalty({ article: 92, variant: 'fraudulent', illegalIncomeYuan: income }, { asOf }).result.bands.find((band) => band.party === 'agency');
    expect(fine(300000)).toMatchObject({ minYuan: '600000', maxYuan: '1500000' });
    expect(fine(100000)).toMatchObject({ minYuan: '200000', maxYuan: '500000' });
    expect(fine(99999)).toMatchObject({ minYuan: '100000', maxYuan: '200000' });
  });
  it('property: illegal income from 100,000 up takes 2–5 times, below it the fixed 100,000–200,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (income) => {
        const band = workSafetyPenalty({ article: 103, variant: 'unqualifiedContractor', illegalIncomeYuan: income }, { asOf }).result.bands.find((b) => b.party === 'unit');
        return income >= 100000 ? band?.minYuan === String(income * 2) && band?.maxYuan === String(income * 5) : band?.minYuan === '100000' && band?.maxYuan === '200000';
      }),
      { numRuns: 200 },
    );
  });
  it('asks for the variant and the illegal income; rejects unknown articles', () => {
    expect(workSafetyPenalty({ article: 92 }, { asOf }).missing).toEqual(['input.variant']);
    expect(workSafetyPenalty({ article: 103, variant: 'unqualifiedContractor' }, { asOf }).missing).toEqual(['input.illegalIncomeYuan']);
    expect(() => workSafetyPenalty({ article: 7 }, { asOf })).toThrow(InputError);
  });
  it('2014 penalty articles are not encoded: unknown', () => {
    expect(workSafetyPenalty({ article: 94 }, { asOf: '2020-01-01' }).status).toBe('unknown');
  });
});

describe('daily penalties and closure (Arts. 112, 113)', () => {
  it('digest example: ordered and fined 2万 on 2024-05-10, refusing → 2万 a day from 2024-05-11', () => {
    expect(workSafetyEnforcement({ correctionOrderDate: '2024-05-10', finedAndRefusesToCorrect: true, originalFineYuan: 20000 }, { asOf }).result.dailyPenalty).toEqual({ from: '2024-05-11', amountPerDayYuan: '20000' });
  });
  it('digest example: the fourth penalty within one year, the first three spread over 200+ days → closure', () => {
    const result = workSafetyEnforcement({ majorHazardPenaltyDates: ['2024-01-10', '2024-05-01', '2024-08-20', '2024-12-30'] }, { asOf });
    expect(result.result).toMatchObject({ closureTriggered: true, closureWindow: { first: '2024-01-10', last: '2024-12-30', count: 4 } });
  });
  it('window edges (reading: both ends included): 3 within exactly 180 days triggers, 181 does not; 4 within exactly one year triggers', () => {
    expect(workSafetyEnforcement({ majorHazardPenaltyDates: ['2024-01-01', '2024-03-01', '2024-06-29'] }, { asOf }).result.closureTriggered).toBe(true);
    expect(workSafetyEnforcement({ majorHazardPenaltyDates: ['2024-01-01', '2024-03-01', '2024-06-30'] }, { asOf }).result.closureTriggered).toBe(false);
    expect(workSafetyEnforcement({ majorHazardPenaltyDates: ['2024-01-01', '2024-07-01', '2024-10-01', '2025-01-01'] }, { asOf }).result.closureTriggered).toBe(true);
    expect(workSafetyEnforcement({ majorHazardPenaltyDates: ['2024-01-01', '2024-07-01', '2024-10-01', '2025-01-02'] }, { asOf }).result.closureTriggered).toBe(false);
  });
  it('property: adding a penalty never un-triggers closure', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 8 }), day, (dates, extra) => {
        const before = workSafetyEnforcement({ majorHazardPenaltyDates: dates }, { asOf }).result.closureTriggered;
        const after = workSafetyEnforcement({ majorHazardPenaltyDates: [...dates, extra] }, { asOf }).result.closureTriggered;
        return !before || after === true;
      }),
      { numRuns: 200 },
    );
  });
});
