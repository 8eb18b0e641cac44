import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../validation/issues.js';
import {
  addCalendar,
  fullYears,
  specialOperationsCatalogue,
  specialOperationsCertificate,
  specialOperationsEligibility,
  specialOperationsExam,
  trainingHours,
} from './certification.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const asOf = '2026-11-01';
const options = { asOf };

describe('special-operations catalogue', () => {
  it('holds 11 categories and 54 operation types (6 electrical, 3 welding, 2 height, 2 refrigeration, 10 coal, 8 metal mine, 1 oil, 1 metallurgy, 16 hazchem, 5 fireworks)', () => {
    const result = specialOperationsCatalogue({}, options);
    expect(result.result).toHaveLength(11);
    expect(result.result.map((entry) => entry.operations.length)).toEqual([6, 3, 2, 2, 10, 8, 1, 1, 16, 5, 0]);
    expect(specialOperationsCatalogue({ category: 9 }, options).result[0]?.operations.map((op) => op.name)).toContain('合成氨工艺作业');
    expect(result.result[0]?.operations.filter((op) => !op.verified).map((op) => op.code)).toEqual(['1.4', '1.5', '1.6']);
  });
});

describe('special-operations exam (80 inclusive, theory first, one re-sit)', () => {
  it('80 passes, 79.5 fails', () => {
    expect(specialOperationsExam({ theoryScore: 80, practicalScore: 80 }, options).result).toMatchObject({ passed: true, next: 'apply-for-certificate' });
    expect(specialOperationsExam({ theoryScore: '79.5' }, options).result).toMatchObject({ theoryPassed: false, next: 'theory-resit', passed: false });
  });
  it('failed re-sit means retraining; veto items fail the practical whatever the score', () => {
    expect(specialOperationsExam({ theoryScore: 70, theoryAttempt: 2 }, options).result.next).toBe('retrain');
    expect(specialOperationsExam({ theoryScore: 90, practicalScore: 95, practicalVetoFailed: true }, options).result).toMatchObject({ practicalPassed: false, next: 'practical-resit' });
    expect(specialOperationsExam({ theoryScore: 90, practicalScore: 60, practicalAttempt: 2 }, options).result.next).toBe('retrain');
  });
  it('missing scores are unknown and named', () => {
    expect(specialOperationsExam({}, options)).toMatchObject({ status: 'unknown', missing: ['input.theoryScore'] });
    expect(specialOperationsExam({ theoryScore: 85 }, options)).toMatchObject({ status: 'unknown', missing: ['input.practicalScore'], result: { next: 'practical' } });
  });
  it('scores above 100 are bad input', () => {
    expect(() => specialOperationsExam({ theoryScore: 101 }, options)).toThrow(InputError);
  });
  it('property: pass exactly when both scores are at least 80', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (t, p) => {
        const result = specialOperationsExam({ theoryScore: (t / 10).toFixed(1), practicalScore: (p / 10).toFixed(1) }, options).result;
        return result.passed === (t >= 800 && p >= 800);
      }),
      { numRuns: 200 },
    );
  });
});

describe('special-operations certificate', () => {
  it('valid 6 years, reviewed every 3; application window opens 60 days before the review', () => {
    const result = specialOperationsCertificate({ issueDate: '2024-03-15' }, options);
    expect(result.status).toBe('decided');
    expect(result.result).toMatchObject({ expiryDate: '2030-03-15', reviewIntervalYears: 3, extended: false, reviewDueDates: ['2027-03-15', '2030-03-15'] });
    expect(result.result.nextReview).toEqual({ due: '2027-03-15', applyFrom: '2027-01-14', applyBy: '2027-03-15' });
    expect(result.result.reviewTrainingMinHours).toBe('8');
  });
  it('10 years in the trade, compliant and with consent: review every 6 years; 9.99 years is not enough', () => {
    const base = { issueDate: '2024-03-15', compliant: true, authorityConsent: true };
    expect(specialOperationsCertificate({ ...base, continuousYearsInTrade: 10 }, options).result).toMatchObject({ extended: true, reviewIntervalYears: 6, reviewDueDates: ['2030-03-15'] });
    expect(specialOperationsCertificate({ ...base, continuousYearsInTrade: '9.99' }, options).result).toMatchObject({ extended: false, reviewIntervalYears: 3 });
    const noConsent = specialOperationsCertificate({ issueDate: '2024-03-15', continuousYearsInTrade: 12, compliant: true }, options);
    expect(noConsent).toMatchObject({ status: 'unknown', missing: ['input.authorityConsent'] });
  });
  it('property: the extension needs 10 years or more (10 included), compliance and consent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.boolean(), fc.boolean(), (tenths, compliant, authorityConsent) => {
        const result = specialOperationsCertificate({ issueDate: '2024-03-15', continuousYearsInTrade: (tenths / 10).toFixed(1), compliant, authorityConsent }, options).result;
        return result.extended === (tenths >= 100 && compliant && authorityConsent);
      }),
      { numRuns: 200 },
    );
  });
  it('29 February rolls to 28 February (reading)', () => {
    expect(addCalendar('2024-02-29', 6)).toBe('2030-02-28');
  });
  it('property: expiry is after every review date and review dates are evenly spaced', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2011-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 30 }), (date, years) => {
        const issueDate = date.toISOString().slice(0, 10);
        const result = specialOperationsCertificate({ issueDate, continuousYearsInTrade: years, compliant: true, authorityConsent: true }, options).result;
        const dates = result.reviewDueDates;
        return dates.every((due) => due <= (result.expiryDate ?? '')) && dates.length === (years >= 10 ? 1 : 2);
      }),
      { numRuns: 100 },
    );
  });
});

describe('training hours', () => {
  it('general 32/12, high-risk 48/16, new workers 24 (72 high-risk, 32 construction), not less than is inclusive', () => {
    const hours = (input: object) => trainingHours(input, options).result.minimumHours;
    expect(hours({ role: 'principal', industry: 'other', trainingType: 'initial' })).toBe('32');
    expect(hours({ role: 'principal', industry: 'metalSmelting', trainingType: 'annual' })).toBe('16');
    expect(hours({ role: 'safetyManager', industry: 'hazardousChemicals', trainingType: 'initial' })).toBe('48');
    expect(hours({ role: 'newWorker', industry: 'coalMine', trainingType: 'initial' })).toBe('72');
    expect(hours({ role: 'newWorker', industry: 'construction', trainingType: 'initial' })).toBe('32');
    expect(hours({ role: 'principal', industry: 'construction', trainingType: 'initial' })).toBe('32');
    expect(hours({ role: 'newWorker', industry: 'other', trainingType: 'annual' })).toBe('8');
    expect(trainingHours({ role: 'principal', industry: 'other', trainingType: 'initial', hoursCompleted: 32 }, options).result.sufficient).toBe(true);
    expect(trainingHours({ role: 'principal', industry: 'other', trainingType: 'initial', hoursCompleted: '31.5' }, options).result.sufficient).toBe(false);
    expect(trainingHours({ role: 'principal', trainingType: 'initial' }, options).missing).toEqual(['input.industry']);
  });
  it('property: hours are sufficient exactly from the minimum up, for every role, industry and training type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('principal', 'safetyManager', 'newWorker'),
        fc.constantFrom('coalMine', 'nonCoalMine', 'hazardousChemicals', 'fireworks', 'metalSmelting', 'construction', 'other'),
        fc.constantFrom('initial', 'annual'),
        fc.integer({ min: 0, max: 1000 }),
        (role, industry, trainingType, tenths) => {
          const minimum = Number(trainingHours({ role, industry, trainingType }, options).result.minimumHours);
          const hours = (tenths / 10).toFixed(1);
          return trainingHours({ role, industry, trainingType, hoursCompleted: hours }, options).result.sufficient === tenths >= minimum * 10;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('eligibility', () => {
  const complete = { operationCategory: 1, education: 'juniorMiddle', statutoryRetirementAgeYears: 60, healthOk: true };
  it('18th birthday counts; the day before does not', () => {
    expect(specialOperationsEligibility({ ...complete, birthDate: '2008-11-01' }, options).result.eligible).toBe(true);
    expect(specialOperationsEligibility({ ...complete, birthDate: '2008-11-02' }, options).result.eligible).toBe(false);
  });
  it('hazardous chemicals need senior high school; coal from 2018-06-01 too', () => {
    const person = { ...complete, birthDate: '1990-01-01' };
    expect(specialOperationsEligibility({ ...person, operationCategory: 9 }, options).result).toMatchObject({ eligible: false, minimumEducation: 'seniorHigh' });
    expect(specialOperationsEligibility({ ...person, operationCategory: 5, firstOnDutyDate: '2018-05-31' }, options).result.eligible).toBe(true);
    expect(specialOperationsEligibility({ ...person, operationCategory: 5, firstOnDutyDate: '2018-06-01' }, options).result.eligible).toBe(false);
  });
  it('the retirement age has no default: without it the answer is unknown and says so', () => {
    const result = specialOperationsEligibility({ ...complete, statutoryRetirementAgeYears: undefined, birthDate: '1990-01-01' }, options);
    expect(result).toMatchObject({ status: 'unknown', missing: ['input.statutoryRetirementAgeYears'] });
  });
  it('property: full years change exactly on the birthday', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }), (date) => {
        const birth = date.toISOString().slice(0, 10);
        if (birth.endsWith('02-29')) return true;
        const eighteenth = addCalendar(birth, 18);
        const dayBefore = new Date(Date.parse(`${eighteenth}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return fullYears(birth, eighteenth) === 18 && fullYears(birth, dayBefore) === 17;
      }),
      { numRuns: 100 },
    );
  });
});
