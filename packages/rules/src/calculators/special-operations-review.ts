// The review (复审) of a special-operations certificate: whether it was applied for in time, whether it
// passes or is refused on the listed grounds, and when a refusal makes the certificate void.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { compare, toRational } from '../exact/rational.js';
import { parseInput } from '../validation/issues.js';
import { numberParameter, withDocument } from './certification.js';
import { datasetRows } from './data.js';
import { addDays, deadline, deadlineReason, type Deadline } from './deadline.js';
import { asOfDate, countInput, dateInput, decimalInput, requireDataset, requireParameter, show, type CalculatorOptions, type CalculatorDraft } from './result.js';

export const specialOperationsReviewInput = z.strictObject({
  /** The review (or expiry) date the certificate states. */
  reviewDueDate: dateInput.optional(),
  /** The day the worker or the employer applied for the review. */
  applicationDate: dateInput.optional(),
  healthOk: z.boolean().optional(),
  /** Violations established as fact since the last review. */
  violationCount: countInput.optional(),
  /** A violation that had serious consequences. */
  seriousViolation: z.boolean().optional(),
  /** An administrative penalty for a work-safety offence. */
  adminPenalty: z.boolean().optional(),
  /** Refused or obstructed an inspection by the work-safety authorities. */
  obstructedInspection: z.boolean().optional(),
  /** A ground on which the certificate must be revoked or cancelled. */
  revocationGround: z.boolean().optional(),
  reviewTrainingHours: decimalInput.optional(),
  reviewExamPassed: z.boolean().optional(),
  /** This is the review again after retraining that followed a refusal. */
  afterRefusal: z.boolean().default(false),
});

export interface ReviewResult {
  /** pass; refused (retrain, pass the exam, then apply again); refused (no retraining route); void (失效). */
  outcome: 'pass' | 'refusedRetrain' | 'refused' | 'void' | null;
  grounds: { ground: string; zh: string; holds: boolean | null }[];
  application: (Deadline & { windowOpens: string; tooEarly: boolean | null }) | null;
  minimumTrainingHours: string;
}

const refusalRow = z.object({ ground: z.string(), zh: z.string(), retrainThenReview: z.boolean(), citation: z.string() });

export const specialOperationsReview = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ReviewResult> => {
  const facts = parseInput(specialOperationsReviewInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const empty: ReviewResult = { outcome: null, grounds: [], application: null, minimumTrainingHours: '' };
  return withDocument('special-operations-review', asOf, empty, (document, citations) => {
    const missing: string[] = [];
    const reasons: Bilingual[] = [];
    const minimumHours = String(requireParameter(document, 'reviewTrainingMinHours').value);
    const violationsFail = toRational(String(requireParameter(document, 'reviewViolationsFail').value));
    const windowDays = numberParameter(document, 'reviewApplicationDays');
    const result: ReviewResult = { ...empty, grounds: [], minimumTrainingHours: minimumHours };

    // 1. Applied in time: 30号令 reads “within 60 days before expiry”; applying on the due date itself still counts (a reading).
    let lateApplication = false;
    if (facts.reviewDueDate === undefined) missing.push('input.reviewDueDate');
    else {
      const label = requireParameter(document, 'reviewApplicationDays');
      citations.add(document, label.citation);
      const windowOpens = addDays(facts.reviewDueDate, -windowDays);
      const verdict = deadline({ id: 'reviewApplication', duty: { zh: '申请复审', en: 'Apply for the review' }, amount: windowDays, unit: 'd', dueDateIncluded: true, citation: label.citation }, windowOpens, facts.applicationDate, asOf);
      const tooEarly = facts.applicationDate === undefined ? null : facts.applicationDate < windowOpens;
      result.application = { ...verdict, windowOpens, tooEarly };
      lateApplication = verdict.status === 'late';
      reasons.push(deadlineReason(verdict));
      reasons.push({
        zh: `期满前${windowDays}日内申请：申请期自 ${windowOpens} 起${tooEarly ? '；申请日早于申请期' : ''}（另一文件写作“期满${windowDays}日前”，措辞不一致，按部门规章的写法）。`,
        en: `Apply within ${windowDays} days before the due date: the window opens ${windowOpens}${tooEarly ? '; the application came before it' : ''} (another text words it “${windowDays} days before”; we follow the ministerial rules).`,
      });
    }

    // 2. The grounds for refusal, from the data, each with the facts that decide it.
    const hours = facts.reviewTrainingHours === undefined ? null : compare(toRational(facts.reviewTrainingHours), toRational(minimumHours)) >= 0;
    const trainingFails = hours === false || facts.reviewExamPassed === false ? true : hours === null || facts.reviewExamPassed === undefined ? null : false;
    const violationsHold =
      facts.seriousViolation === true || (facts.violationCount !== undefined && compare(toRational(facts.violationCount), violationsFail) >= 0)
        ? true
        : facts.seriousViolation === undefined || facts.violationCount === undefined
          ? null
          : false;
    const holds: Record<string, { value: boolean | null; fields: string[] }> = {
      health: { value: facts.healthOk === undefined ? null : !facts.healthOk, fields: ['input.healthOk'] },
      violations: { value: violationsHold, fields: [...(facts.violationCount === undefined ? ['input.violationCount'] : []), ...(facts.seriousViolation === undefined ? ['input.seriousViolation'] : [])] },
      adminPenalty: { value: facts.adminPenalty ?? null, fields: ['input.adminPenalty'] },
      obstructedInspection: { value: facts.obstructedInspection ?? null, fields: ['input.obstructedInspection'] },
      training: { value: trainingFails, fields: [...(hours === null ? ['input.reviewTrainingHours'] : []), ...(facts.reviewExamPassed === undefined ? ['input.reviewExamPassed'] : [])] },
      revocation: { value: facts.revocationGround ?? null, fields: ['input.revocationGround'] },
    };
    const rows = datasetRows(document, 'reviewRefusals', refusalRow);
    citations.add(document, requireDataset(document, 'reviewRefusals').citation);
    for (const row of rows) {
      const ground = holds[row.ground];
      if (!ground) throw new Error(`${document.file}: reviewRefusals ground ${row.ground} has no facts`);
      result.grounds.push({ ground: row.ground, zh: row.zh, holds: ground.value });
      if (ground.value === null) missing.push(...ground.fields);
      if (ground.value) citations.add(document, row.citation);
    }
    if (facts.reviewTrainingHours !== undefined) {
      reasons.push({ zh: `复审培训 ${String(facts.reviewTrainingHours)} 学时：${hours ? '满足' : '不足'}（不少于 ${minimumHours} 学时，含本数）。`, en: `Review training ${String(facts.reviewTrainingHours)} hours: ${hours ? 'enough' : 'not enough'} (at least ${minimumHours}).` });
    }
    if (facts.violationCount !== undefined) {
      reasons.push({ zh: `经查证的违章行为 ${facts.violationCount} 次（${show(violationsFail)} 次以上不予通过，含本数属解释）。`, en: `${facts.violationCount} established violations (${show(violationsFail)} or more refuse the review; inclusive: a reading).` });
    }

    const found = rows.filter((row) => holds[row.ground]?.value === true);
    const open = rows.some((row) => holds[row.ground]?.value === null);
    if (lateApplication) {
      result.outcome = 'void';
      reasons.push({ zh: '未按期复审：特种作业操作证失效（逾期申请视为未按期复审，属解释）。', en: 'Not reviewed in time: the certificate is void (a late application read as not reviewed in time).' });
    } else if (found.length) {
      const retrain = found.every((row) => row.retrainThenReview);
      result.outcome = facts.afterRefusal && retrain ? 'void' : retrain ? 'refusedRetrain' : 'refused';
      reasons.push({
        zh: `复审不予通过：${found.map((row) => row.zh).join('；')}。${result.outcome === 'void' ? '重新培训后再复审仍不合格：特种作业操作证失效。' : retrain ? '经重新安全培训考试合格后，可再办理复审。' : ''}`,
        en: `Review refused on ${found.length} ground(s).${result.outcome === 'void' ? ' Refused again after retraining: the certificate is void.' : retrain ? ' After retraining and passing the exam, the review may be applied for again.' : ''}`,
      });
    } else if (open || facts.reviewDueDate === undefined) result.outcome = null;
    else {
      result.outcome = 'pass';
      reasons.push({ zh: '没有不予通过的情形：复审合格。', en: 'No ground for refusal: the review passes.' });
    }
    const decided = result.outcome !== null;
    return { status: decided ? 'decided' : 'unknown', result, missing: decided ? [] : [...new Set(missing)], reasons };
  });
};
