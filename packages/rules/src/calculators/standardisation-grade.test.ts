import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../validation/issues.js';
import { standardisationChecklist, standardisationGrade } from './standardisation-grade.js';

// Read the workspace's rules-data, not a copy left beside dist by an earlier build.
process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));

const asOf = '2026-11-01';
const clean = { fatalAccidents: [], failedGrade1CheckDates: [], downgradeOrRevocationDates: [] };
const coal = (extra: object) => standardisationGrade({ industry: 'coalMine', totalScore: 92, partScores: { majorDisasterPrevention: 90, professionalManagement: 91, safetyFoundation: 85 }, ...clean, ...extra }, { asOf });

describe('coal-mine grade 1 (矿安〔2024〕109号 Art.4)', () => {
  it('90 / 90 / 90 / 85 exactly with a clean record is grade 1 and may produce', () => {
    const result = coal({ totalScore: 90 });
    expect(result.status).toBe('decided');
    expect(result.result).toMatchObject({ grade: 1, mayProduce: true });
  });
  it('each part threshold is inclusive; a hair below fails grade 1', () => {
    for (const [path, below] of [['totalScore', '89.99'], ['majorDisasterPrevention', '89.99'], ['professionalManagement', '89.99'], ['safetyFoundation', '84.99']] as const) {
      const input = path === 'totalScore' ? { totalScore: below } : { partScores: { majorDisasterPrevention: 90, professionalManagement: 90, safetyFoundation: 85, [path]: below } };
      const result = coal(input);
      expect(result.result.checks.find((check) => check.check === `grade1.${path === 'totalScore' ? 'total' : path}`)?.holds).toBe(false);
      expect(result.result.grade).not.toBe(1);
    }
  });
  it('fatal accidents bar grade 1 until the anniversary: general 1 year, larger 2, extraordinary 3', () => {
    expect(coal({ fatalAccidents: [{ date: '2025-11-02', level: 'general' }] }).result.checks.find((c) => c.check === 'grade1.noRecentFatalAccident')?.holds).toBe(false);
    expect(coal({ fatalAccidents: [{ date: '2025-11-01', level: 'general' }] }).result.grade).toBe(1);
    expect(coal({ fatalAccidents: [{ date: '2024-11-02', level: 'larger' }] }).result.grade).not.toBe(1);
    expect(coal({ fatalAccidents: [{ date: '2024-11-01', level: 'major' }] }).result.grade).toBe(1);
    expect(coal({ fatalAccidents: [{ date: '2023-11-02', level: 'extraordinary' }] }).result.grade).not.toBe(1);
    expect(coal({ failedGrade1CheckDates: ['2026-01-01'] }).result.grade).not.toBe(1);
    expect(coal({ downgradeOrRevocationDates: ['2025-10-31'] }).result.grade).toBe(1);
  });
  it('below grade 1 the grade-2/3 threshold is unverified: unknown, naming the figure; with configuration it is decided', () => {
    const result = coal({ totalScore: 85 });
    expect(result).toMatchObject({ status: 'unknown', missing: ['figure:coal-mine-standardisation-grading@2024/grade2MinScore'] });
    const configured = coal({ totalScore: 85, thresholds: { grade2MinScore: 80, grade3MinScore: 70 } });
    expect(configured.result).toMatchObject({ grade: 2, mayProduce: true });
    const none = coal({ totalScore: 60, thresholds: { grade2MinScore: 80, grade3MinScore: 70 } });
    expect(none.result).toMatchObject({ grade: 'none', mayProduce: false });
  });
  it('missing record: unknown and named', () => {
    const result = standardisationGrade({ industry: 'coalMine', totalScore: 95, partScores: { majorDisasterPrevention: 95, professionalManagement: 95, safetyFoundation: 95 } }, { asOf });
    expect(result.status).toBe('unknown');
    expect(result.missing).toEqual(['input.fatalAccidents', 'input.failedGrade1CheckDates', 'input.downgradeOrRevocationDates']);
  });
  it('property: raising any score never lowers the grade (with configured grade-2/3 thresholds)', () => {
    const rank = (grade: unknown) => (grade === 'none' ? 4 : Number(grade));
    const score = fc.integer({ min: 0, max: 1000 }).map((n) => (n / 10).toFixed(1));
    fc.assert(
      fc.property(fc.tuple(score, score, score, score), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 }), (scores, which, bump) => {
        const run = (s: string[]) => coal({ totalScore: s[0], partScores: { majorDisasterPrevention: s[1], professionalManagement: s[2], safetyFoundation: s[3] }, thresholds: { grade2MinScore: 80, grade3MinScore: 70 } }).result.grade;
        const raised = scores.map((value, index) => (index === which ? Math.min(100, Number(value) + bump / 10).toFixed(1) : value));
        return rank(run(raised)) <= rank(run(scores));
      }),
      { numRuns: 150 },
    );
  });
  it('no version before the earliest date the digest shows 109号 in force', () => {
    expect(standardisationGrade({ industry: 'coalMine', totalScore: 95 }, { asOf: '2024-06-01' }).missing).toEqual(['document:coal-mine-standardisation-grading']);
  });
});

describe('other industries (应急〔2021〕83号)', () => {
  it('thresholds are configuration with no default: unknown naming the figure', () => {
    const result = standardisationGrade({ industry: 'machinery', totalScore: 95 }, { asOf });
    expect(result).toMatchObject({ status: 'unknown', missing: ['figure:standardisation-grading@2021/grade1MinScore'], result: { covered: true } });
  });
  it('configured thresholds grade the total score, inclusive at each', () => {
    const thresholds = { grade1MinScore: 90, grade2MinScore: 75, grade3MinScore: 60 };
    const grade = (score: number | string) => standardisationGrade({ industry: 'commerce', totalScore: score, thresholds, gradingStandardIssuer: 'ministry' }, { asOf }).result.grade;
    expect([grade(90), grade('89.9'), grade(75), grade(60), grade('59.9')]).toEqual([1, 2, 2, 3, 'none']);
    // Art.4: grade 1 needs a ministry standard; without the issuer a grade-1 score is not yet grade 1.
    expect(standardisationGrade({ industry: 'commerce', totalScore: 90, thresholds }, { asOf }).result.grade).toBeNull();
  });
  it('an unlisted industry is not known to be covered', () => {
    expect(standardisationGrade({ industry: 'other', totalScore: 95 }, { asOf }).result.covered).toBeNull();
  });
});

describe('GB/T 33000-2016 checklist', () => {
  it('8 first-level elements; unanswered ones are unknown; an absent one decides incompleteness', () => {
    const empty = standardisationChecklist({}, { asOf });
    expect(empty.result.elements.filter((e) => e.level === 1).map((e) => e.name)).toEqual(['目标职责', '制度化管理', '教育培训', '现场管理', '安全风险管控及隐患排查治理', '应急管理', '事故管理', '持续改进']);
    expect(empty.status).toBe('unknown');
    const absent = standardisationChecklist({ present: { '5.6': false } }, { asOf });
    expect(absent.result).toMatchObject({ complete: false, absent: ['5.6'] });
    const every = Object.fromEntries(empty.result.elements.map((e) => [e.id, true]));
    expect(standardisationChecklist({ present: every }, { asOf }).result.complete).toBe(true);
    expect(() => standardisationChecklist({ present: { '9.9': true } }, { asOf })).toThrow(InputError);
  });
});
