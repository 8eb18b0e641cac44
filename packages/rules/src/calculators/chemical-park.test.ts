import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chemicalPark } from './chemical-park.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const all = {
  hasPlanningSystem: true, hasManagementBodyStaffRules: true, hasDefinedBoundary: true, hasSafetyControlLine: true,
  hasUtilitiesAndSupport: true, hasClosedManagement: true, hasHazmatVehicleParking: true, hasInfoPlatform: true,
  hasTrainingBase: true, hasFireStation: true, hasProhibitRestrictControlCatalogue: true, hasProjectSafetyEntryConditions: true,
  residentsInPark: false, labourIntensiveEnterprisesInPark: false,
};
const grade = (score: number | string) => chemicalPark({ assessmentScore: score }, { asOf: '2025-06-01' }).result.riskGrade;

describe('chemical-park risk grade (2023 guideline)', () => {
  it('digest examples: 45 A, 65 B, 75 C, 92 D', () => {
    expect([grade(45), grade(65), grade(75), grade(92)]).toEqual(['A', 'B', 'C', 'D']);
  });
  it('each bound belongs to the higher band: 60 B, 70 C, 85 D; 59.99 A, 69.99 B, 84.99 C', () => {
    expect([grade(60), grade(70), grade(85)]).toEqual(['B', 'C', 'D']);
    expect([grade('59.99'), grade('69.99'), grade('84.99')]).toEqual(['A', 'B', 'C']);
  });
  it('property: a higher score never gives a higher-risk grade', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return (grade((low / 100).toFixed(2)) ?? '') <= (grade((high / 100).toFixed(2)) ?? '');
      }),
      { numRuns: 100 },
    );
  });
  it('no version before 2024-01-01 (2019 bands not verified)', () => {
    expect(chemicalPark({ assessmentScore: 70 }, { asOf: '2023-06-01' }).status).toBe('unknown');
  });
});

describe('ten haves, two prohibitions', () => {
  it('2024-03-01: no four-sided boundary is overdue; no training base is not yet overdue', () => {
    const result = chemicalPark({ ...all, hasDefinedBoundary: false, hasTrainingBase: false }, { asOf: '2024-03-01' }).result;
    expect(result.checklist.find((item) => item.id === 'hasDefinedBoundary')).toMatchObject({ status: 'notMet', overdue: true });
    expect(result.checklist.find((item) => item.id === 'hasTrainingBase')).toMatchObject({ status: 'notMet', overdue: false });
    expect(result.allMet).toBe(false);
  });
  it('deadline edges: 2022-12-31 is still in time, 2023-01-01 is overdue; 2024-12-31 in time, 2025-01-01 overdue', () => {
    const overdue = (id: string, asOf: string) => chemicalPark({ ...all, [id]: false }, { asOf: asOf < '2024-01-01' ? '2024-01-01' : asOf }).result.checklist.find((item) => item.id === id)?.overdue;
    expect(overdue('hasFireStation', '2024-12-31')).toBe(false);
    expect(overdue('hasFireStation', '2025-01-01')).toBe(true);
    expect(overdue('hasDefinedBoundary', '2024-01-01')).toBe(true);
  });
  it('residents in the park breach the second prohibition; a “no” on labour-intensive enterprises stays unknown (criterion not verified)', () => {
    const result = chemicalPark({ ...all, residentsInPark: true, assessmentScore: 90 }, { asOf: '2025-06-01' });
    expect(result.result.checklist.find((item) => item.id === 'residentsInPark')?.status).toBe('notMet');
    expect(result.result.checklist.find((item) => item.id === 'labourIntensiveEnterprisesInPark')?.status).toBe('unknown');
    // A class D park's consequences are not verified either (CP-GRADE-2019: C and D cut off in the source).
    expect(result.missing).toEqual(['figure:chemical-park-safety@2023/classConsequences.D.notVerified', 'figure:chemical-park-safety@2023/labourIntensiveEnterprisesInPark']);
    expect(result.result.checklist).toHaveLength(14);
  });
});

describe('what follows from a park class (CP-GRADE-2019, as the digest verifies it)', () => {
  const consequences = (input: object) => chemicalPark({ ...all, ...input }, { asOf: '2025-06-01' });

  it('class A: in principle no new, rebuilt or expanded hazardous-chemical projects, and rectification within a deadline', () => {
    const result = consequences({ assessmentScore: 59 });
    expect(result.result.classConsequences.map((item) => [item.id, item.projectEffect])).toEqual([['noNewHazchemProjects', 'notAllowedInPrinciple'], ['rectifyWithinDeadline', null]]);
    expect(result.result.classConsequences[0]!.consequence!.zh).toContain('原则上不得新建、改建、扩建危险化学品建设项目');
    expect(result.result.classConsequences[1]!.consequence!.zh).toContain('限期整改');
  });

  it('class B: new, rebuilt or expanded hazardous-chemical projects restricted in principle', () => {
    const result = consequences({ parkRiskClass: 'B' });
    expect(result.result.riskGrade).toBe('B');
    expect(result.result.classConsequences.map((item) => item.projectEffect)).toEqual(['restrictedInPrinciple']);
    expect(result.result.classConsequences[0]!.consequence!.zh).toContain('原则上限制');
  });

  it('classes C and D: no verified consequence, reported as unknown rather than as none', () => {
    for (const parkRiskClass of ['C', 'D'] as const) {
      const result = consequences({ parkRiskClass });
      expect(result.result.classConsequences).toEqual([expect.objectContaining({ consequence: null, projectEffect: null, verified: false })]);
      expect(result.status).toBe('unknown');
      expect(result.reasons.map((item) => item.code)).toContain('chemicalPark.classConsequenceUnknown');
    }
  });

  it('the 2019 text is not verified as kept by the 2023 revision: never reported as decided', () => {
    const result = consequences({ assessmentScore: 45 });
    expect(result.result.classConsequences.every((item) => item.verified === false)).toBe(true);
    expect(result.status).toBe('unknown');
    expect(result.missing).toContain('figure:chemical-park-safety@2023/classConsequences.A.noNewHazchemProjects');
  });

  it('a class that contradicts the score is an input error naming the field', () => {
    expect(() => consequences({ assessmentScore: 60, parkRiskClass: 'A' })).toThrow(/input\.parkRiskClass: expected B/);
  });

  it('the score reason carries the band it fell in (60 belongs to B: “60–70分（不含70分）”)', () => {
    const band = consequences({ assessmentScore: 60 }).reasons.find((item) => item.code === 'band.lookup')!;
    expect(band.params).toMatchObject({ input: 'assessmentScore', value: '60', from: '60', fromInclusive: true, to: '70', toInclusive: false, interval: '[60, 70)' });
  });
});
