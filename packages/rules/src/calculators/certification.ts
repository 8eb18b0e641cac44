// Special-operations certification and safety training: the catalogue, exam pass and re-sit rules,
// certificate validity and review dates (with the extension after 10 years), training hours, eligibility.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import type { LoadedDocument } from '../documents/load.js';
import { add, compare, divide, multiply, toRational } from '../exact/rational.js';
import { InputError, parseInput } from '../validation/issues.js';
import { datasetRows, decimalCell, listCell } from './data.js';
import {
  asOfDate,
  Citations,
  dateInput,
  decimalInput,
  noVersionReason,
  requireDataset,
  requireParameter,
  show,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
} from './result.js';

export const certificationDocumentId = 'special-operations-certification';

export const numberParameter = (document: LoadedDocument, id: string): number => Number(requireParameter(document, id).value);

// Moved to deadline.ts (one concept, one place); re-exported so existing imports keep working.
export { addCalendar, addDays } from './deadline.js';
import { addCalendar, addDays } from './deadline.js';

/** Full years of age on `on`: the birthday itself completes the year (年满). */
export const fullYears = (birthDate: string, on: string): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export const withDocument = <T>(calculator: string, asOf: string, empty: T, body: (document: LoadedDocument, citations: Citations) => Omit<CalculatorDraft<T>, 'calculator' | 'asOf' | 'citations'>): CalculatorDraft<T> => {
  const document = versionInForce(certificationDocumentId, asOf);
  if (!document) return { calculator, asOf, status: 'unknown', result: empty, missing: [`document:${certificationDocumentId}`], reasons: [noVersionReason(certificationDocumentId, asOf)], citations: [] };
  const citations = new Citations();
  const outcome = body(document, citations);
  return { calculator, asOf, ...outcome, citations: citations.list() };
};

// ---------------------------------------------------------------------------------------------- catalogue

export const specialOperationsCatalogueInput = z.strictObject({ category: z.number().int().min(1).optional() });

export interface CatalogueEntry {
  category: number;
  category_zh: string;
  category_en: string;
  scope_zh: string;
  operations: { code: string | null; name: string; verified: boolean }[];
}

export const specialOperationsCatalogue = (input: unknown, options?: CalculatorOptions): CalculatorDraft<CatalogueEntry[]> => {
  const facts = parseInput(specialOperationsCatalogueInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  return withDocument('special-operations-catalogue', asOf, [], (document, citations) => {
    const dataset = requireDataset(document, 'catalogue');
    citations.add(document, dataset.citation);
    const entries = new Map<number, CatalogueEntry>();
    for (const row of dataset.rows) {
      const category = Number(row.category);
      if (facts.category !== undefined && facts.category !== category) continue;
      const entry = entries.get(category) ?? { category, category_zh: String(row.categoryZh), category_en: String(row.categoryEn), scope_zh: String(row.definitionZh), operations: [] };
      if (row.operationZh !== null) entry.operations.push({ code: row.code === null ? null : String(row.code), name: String(row.operationZh), verified: row.verified === true });
      entries.set(category, entry);
    }
    const list = [...entries.values()];
    return {
      status: 'decided',
      result: list,
      missing: [],
      reasons: [{ zh: `特种作业目录共 ${list.length} 类、${list.reduce((n, e) => n + e.operations.length, 0)} 个作业项目。`, en: `${list.length} categories, ${list.reduce((n, e) => n + e.operations.length, 0)} operation types.` }],
    };
  });
};

// ------------------------------------------------------------------------------------------------- exams

export const specialOperationsExamInput = z.strictObject({
  theoryScore: decimalInput.optional(),
  /** 1 = first sitting, 2 = the one re-sit. */
  theoryAttempt: z.union([z.literal(1), z.literal(2)]).default(1),
  practicalScore: decimalInput.optional(),
  practicalAttempt: z.union([z.literal(1), z.literal(2)]).default(1),
  /** A veto item of the practical exam was failed (一票否决). */
  practicalVetoFailed: z.boolean().optional(),
  /** Each part of the practical exam scored out of the full marks (K1…K4 as the exam standard names them); the total is their weighted sum. */
  practicalParts: z.record(z.string().regex(/^K\d$/, 'expected a part such as K1'), decimalInput).optional(),
  /** Catalogue code of the operation examined (1.2 low-voltage electrical …): the part weights are verified per operation. */
  operationCode: z.string().regex(/^\d+\.\d+$/, 'expected a catalogue code such as "1.2"').optional(),
});

const practicalPartRow = z.object({ part: z.string(), zh: z.string(), weightPercent: decimalCell, verifiedFor: listCell });

export interface ExamResult {
  theoryPassed: boolean | null;
  practicalPassed: boolean | null;
  passed: boolean | null;
  /** What the candidate does next. */
  next: 'theory-resit' | 'retrain' | 'practical' | 'practical-resit' | 'apply-for-certificate' | null;
  passMark: string;
  passResultValidMonths: string;
  /** The practical total: as given, or the weighted sum of its parts (exact decimal). */
  practicalTotal: string | null;
}

export const specialOperationsExam = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ExamResult> => {
  const facts = parseInput(specialOperationsExamInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const empty: ExamResult = { theoryPassed: null, practicalPassed: null, passed: null, next: null, passMark: '', passResultValidMonths: '', practicalTotal: null };
  return withDocument('special-operations-exam', asOf, empty, (document, citations) => {
    const passMark = toRational(String(requireParameter(document, 'passScore').value));
    const full = toRational(String(requireParameter(document, 'fullScore').value));
    citations.add(document, requireParameter(document, 'passScore').citation);
    citations.add(document, requireParameter(document, 'resitsAllowed').citation);
    const reasons: Bilingual[] = [];
    const missing: string[] = [];
    const result: ExamResult = { ...empty, passMark: String(requireParameter(document, 'passScore').value), passResultValidMonths: String(requireParameter(document, 'passResultValidMonths').value) };
    const passes = (score: z.infer<typeof decimalInput>, field: string) => {
      const value = toRational(score);
      if (compare(value, full) > 0) throw new InputError([{ path: `input.${field}`, message: `expected a score from 0 to ${String(requireParameter(document, 'fullScore').value)}, got ${String(score)}` }]);
      return compare(value, passMark) >= 0;
    };
    if (facts.theoryScore === undefined) {
      missing.push('input.theoryScore');
      return { status: 'unknown', result, missing, reasons: [{ zh: '须先参加安全生产知识考试。', en: 'The theory exam comes first.' }] };
    }
    result.theoryPassed = passes(facts.theoryScore, 'theoryScore');
    reasons.push({
      zh: `安全生产知识考试 ${String(facts.theoryScore)} 分：${result.theoryPassed ? '合格' : '不合格'}（达到 ${result.passMark} 分即合格）。`,
      en: `Theory ${String(facts.theoryScore)}: ${result.theoryPassed ? 'pass' : 'fail'} (${result.passMark} or more passes).`,
    });
    if (!result.theoryPassed) {
      result.next = facts.theoryAttempt === 1 ? 'theory-resit' : 'retrain';
      result.passed = false;
      reasons.push(
        facts.theoryAttempt === 1
          ? { zh: '允许补考一次（按考试部分分别计次，属解释）。', en: 'One re-sit is allowed (counted per exam part: a reading).' }
          : { zh: '补考仍不及格，须重新参加相应的安全技术培训。', en: 'Failed the re-sit: the candidate must retrain.' },
      );
      return { status: 'decided', result, missing, reasons };
    }
    if (facts.practicalScore !== undefined && facts.practicalParts !== undefined) {
      throw new InputError([{ path: 'input.practicalParts', message: 'expected either practicalScore or practicalParts, not both' }]);
    }
    if (facts.practicalScore === undefined && facts.practicalParts === undefined) {
      result.next = 'practical';
      missing.push('input.practicalScore');
      reasons.push({ zh: '知识考试合格后方可参加实际操作考试。', en: 'The practical exam follows a passed theory exam.' });
      return { status: 'unknown', result, missing, reasons };
    }
    let total = facts.practicalScore === undefined ? undefined : toRational(facts.practicalScore);
    if (facts.practicalScore !== undefined) passes(facts.practicalScore, 'practicalScore');
    let weightsVerified = true;
    if (facts.practicalParts !== undefined) {
      const given = facts.practicalParts;
      const dataset = requireDataset(document, 'practicalExamParts');
      const parts = datasetRows(document, 'practicalExamParts', practicalPartRow);
      citations.add(document, dataset.citation);
      for (const key of Object.keys(given)) {
        if (!parts.some((row) => row.part === key)) throw new InputError([{ path: `input.practicalParts.${key}`, message: `expected one of ${parts.map((row) => row.part).join(', ')}` }]);
      }
      let sum = toRational(0);
      const shown: string[] = [];
      for (const row of parts) {
        const score = given[row.part];
        if (score === undefined) throw new InputError([{ path: `input.practicalParts.${row.part}`, message: `expected the score of ${row.part}` }]);
        passes(score, `practicalParts.${row.part}`);
        sum = add(sum, divide(multiply(toRational(score), toRational(row.weightPercent)), toRational(100)));
        shown.push(`${row.zh} ${String(score)} 分×${row.weightPercent}%`);
      }
      total = sum;
      // The weights are verified only for the operations whose exam standards the digest holds.
      const verifiedFor = new Set(parts.flatMap((row) => row.verifiedFor));
      if (facts.operationCode === undefined) {
        weightsVerified = false;
        missing.push('input.operationCode');
      } else if (!verifiedFor.has(facts.operationCode)) {
        weightsVerified = false;
        missing.push('figure:special-operations-certification/practicalExamParts');
      }
      reasons.push({
        zh: `实际操作考试总分按科目权重合成：${shown.join(' + ')} = ${show(sum)} 分${weightsVerified ? '' : `（该权重只对作业项目 ${[...verifiedFor].join('、')} 核实）`}。`,
        en: `Practical total as the weighted sum of its parts = ${show(sum)}${weightsVerified ? '' : ` (weights verified only for operations ${[...verifiedFor].join(', ')})`}.`,
      });
    }
    const vetoed = facts.practicalVetoFailed === true;
    const totalPasses = compare(total!, passMark) >= 0;
    result.practicalTotal = show(total!);
    result.practicalPassed = !vetoed && totalPasses;
    reasons.push({
      zh: `实际操作考试 ${result.practicalTotal} 分${vetoed ? '，但否决项未通过（一票否决，不论总分）' : ''}：${result.practicalPassed ? '合格' : '不合格'}（达到 ${result.passMark} 分即合格）。`,
      en: `Practical ${result.practicalTotal}${vetoed ? ', but a veto item failed (fails whatever the total)' : ''}: ${result.practicalPassed ? 'pass' : 'fail'}.`,
    });
    // A failed veto decides the outcome whatever the weights; otherwise unverified weights leave it open.
    if (!vetoed && !weightsVerified) {
      result.practicalPassed = null;
      result.passed = null;
      return { status: 'unknown', result, missing, reasons };
    }
    result.passed = result.practicalPassed;
    result.next = result.practicalPassed ? 'apply-for-certificate' : facts.practicalAttempt === 1 ? 'practical-resit' : 'retrain';
    if (result.passed) {
      citations.add(document, requireParameter(document, 'passResultValidMonths').citation);
      reasons.push({ zh: `考试合格成绩有效期${result.passResultValidMonths}个月（起算点未核实）。`, en: `A pass result is valid for ${result.passResultValidMonths} months (start not verified).` });
    }
    return { status: 'decided', result, missing, reasons };
  });
};

// ------------------------------------------------------------------------------------------- certificate

export const specialOperationsCertificateInput = z.strictObject({
  issueDate: dateInput.optional(),
  /** Years in the same trade without a break while the certificate was valid. */
  continuousYearsInTrade: decimalInput.optional(),
  /** Strictly observed the work-safety laws and rules. */
  compliant: z.boolean().optional(),
  /** The issuing (or local) authority agreed to the extension. */
  authorityConsent: z.boolean().optional(),
});

export interface CertificateResult {
  expiryDate: string | null;
  reviewIntervalYears: number | null;
  extended: boolean | null;
  /** Review dates within the validity, the last one being the renewal (延期复审) at expiry. */
  reviewDueDates: string[];
  nextReview: { due: string; applyFrom: string; applyBy: string } | null;
  reviewTrainingMinHours: string;
}

export const specialOperationsCertificate = (input: unknown, options?: CalculatorOptions): CalculatorDraft<CertificateResult> => {
  const facts = parseInput(specialOperationsCertificateInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const empty: CertificateResult = { expiryDate: null, reviewIntervalYears: null, extended: null, reviewDueDates: [], nextReview: null, reviewTrainingMinHours: '' };
  return withDocument('special-operations-certificate', asOf, empty, (document, citations) => {
    const validity = numberParameter(document, 'certificateValidityYears');
    const interval = numberParameter(document, 'reviewIntervalYears');
    const extendedInterval = numberParameter(document, 'extendedReviewIntervalYears');
    const minYears = toRational(String(requireParameter(document, 'extensionMinYearsInTrade').value));
    const windowDays = numberParameter(document, 'reviewApplicationDays');
    for (const id of ['certificateValidityYears', 'reviewIntervalYears', 'reviewApplicationDays', 'reviewTrainingMinHours']) citations.add(document, requireParameter(document, id).citation);
    const result: CertificateResult = { ...empty, reviewTrainingMinHours: String(requireParameter(document, 'reviewTrainingMinHours').value) };
    const missing: string[] = [];
    const reasons: Bilingual[] = [];
    // The extension is something the worker applies for: without any of its facts, the ordinary interval holds.
    const claimsExtension = facts.continuousYearsInTrade !== undefined || facts.compliant !== undefined || facts.authorityConsent !== undefined;
    if (!claimsExtension) result.extended = false;
    else {
      const years = facts.continuousYearsInTrade === undefined ? null : compare(toRational(facts.continuousYearsInTrade), minYears) >= 0;
      const parts = [years, facts.compliant ?? null, facts.authorityConsent ?? null];
      if (parts.includes(false)) result.extended = false;
      else if (parts.includes(null)) {
        result.extended = null;
        if (years === null) missing.push('input.continuousYearsInTrade');
        if (facts.compliant === undefined) missing.push('input.compliant');
        if (facts.authorityConsent === undefined) missing.push('input.authorityConsent');
      } else result.extended = true;
      citations.add(document, requireParameter(document, 'extendedReviewIntervalYears').citation);
      reasons.push({
        zh: `复审延长至每${extendedInterval}年一次须同时满足：有效期内连续从事本工种${show(minYears)}年以上（含${show(minYears)}年，属解释）、严格遵守安全生产法律法规、经考核发证机关同意 → ${result.extended === null ? '未定' : result.extended ? '满足' : '不满足'}。`,
        en: `Review every ${extendedInterval} years needs all of: ${show(minYears)} or more continuous years in the trade (inclusive: a reading), compliance, and the authority's consent → ${result.extended === null ? 'undecided' : result.extended ? 'met' : 'not met'}.`,
      });
    }
    result.reviewIntervalYears = result.extended === null ? null : result.extended ? extendedInterval : interval;
    if (facts.issueDate === undefined) missing.push('input.issueDate');
    else {
      result.expiryDate = addCalendar(facts.issueDate, validity);
      if (result.reviewIntervalYears !== null) {
        for (let years = result.reviewIntervalYears; years <= validity; years += result.reviewIntervalYears) result.reviewDueDates.push(addCalendar(facts.issueDate, years));
        const due = result.reviewDueDates.find((date) => date >= asOf);
        if (due) result.nextReview = { due, applyFrom: addDays(due, -windowDays), applyBy: due };
      }
      reasons.push({
        zh: `发证 ${facts.issueDate}，有效期${validity}年至 ${result.expiryDate}（同月同日对应，属解释）；${result.reviewIntervalYears ? `每${result.reviewIntervalYears}年复审：${result.reviewDueDates.join('、')}` : '复审周期未定'}；期满前${windowDays}日内申请（${requireParameter(document, 'reviewApplicationDays').note?.zh ?? ''}）。`,
        en: `Issued ${facts.issueDate}, valid ${validity} years to ${result.expiryDate}; ${result.reviewIntervalYears ? `review every ${result.reviewIntervalYears} years: ${result.reviewDueDates.join(', ')}` : 'review interval undecided'}; apply within ${windowDays} days before the due date (${requireParameter(document, 'reviewApplicationDays').note?.en ?? ''}).`,
      });
    }
    return { status: missing.length ? 'unknown' : 'decided', result, missing, reasons };
  });
};

// ---------------------------------------------------------------------------------------- training hours

export const trainingIndustries = ['coalMine', 'nonCoalMine', 'hazardousChemicals', 'fireworks', 'metalSmelting', 'construction', 'other'] as const;

export const trainingHoursInput = z.strictObject({
  role: z.enum(['principal', 'safetyManager', 'newWorker']),
  industry: z.enum(trainingIndustries).optional(),
  trainingType: z.enum(['initial', 'annual']),
  hoursCompleted: decimalInput.optional(),
});

export interface TrainingHoursResult {
  industryClass: 'general' | 'highRisk' | 'construction' | null;
  minimumHours: string | null;
  sufficient: boolean | null;
}

export const trainingHours = (input: unknown, options?: CalculatorOptions): CalculatorDraft<TrainingHoursResult> => {
  const facts = parseInput(trainingHoursInput, input, 'input');
  const asOf = asOfDate(options);
  const empty: TrainingHoursResult = { industryClass: null, minimumHours: null, sufficient: null };
  return withDocument('training-hours', asOf, empty, (document, citations) => {
    const result = { ...empty };
    const missing: string[] = [];
    const reasons: Bilingual[] = [];
    if (facts.industry === undefined) {
      missing.push('input.industry');
      return { status: 'unknown', result, missing, reasons: [{ zh: '学时取决于行业类别。', en: 'The hours depend on the industry.' }] };
    }
    const highRisk = requireDataset(document, 'highRiskIndustries').rows.some((row) => row.industry === facts.industry);
    // 安委〔2012〕10号 sets construction's own hours only for new workers; principals and managers follow the general hours.
    const industryClass = highRisk ? 'highRisk' : facts.industry === 'construction' && facts.role === 'newWorker' ? 'construction' : 'general';
    const row = requireDataset(document, 'trainingHours').rows.find((candidate) => candidate.role === facts.role && candidate.industryClass === industryClass);
    if (!row) throw new Error(`${document.file}: no training hours for ${facts.role}/${industryClass}`);
    citations.add(document, String(row.citation));
    const minimum = String(facts.trainingType === 'initial' ? row.initialMinHours : row.annualMinHours);
    result.industryClass = industryClass;
    result.minimumHours = minimum;
    reasons.push({
      zh: `${facts.role === 'newWorker' ? '新上岗从业人员' : facts.role === 'principal' ? '主要负责人' : '安全生产管理人员'}（${industryClass === 'highRisk' ? requireDataset(document, 'highRiskIndustries').rows.map((candidate) => String(candidate.zh)).join('、') : industryClass === 'construction' ? '建筑企业' : '一般行业'}）${facts.trainingType === 'initial' ? '初次（岗前）' : '每年再'}培训不得少于 ${minimum} 学时。`,
      en: `${facts.role} (${industryClass}): ${facts.trainingType === 'initial' ? 'initial' : 'annual refresher'} training of at least ${minimum} hours.`,
    });
    if (facts.hoursCompleted !== undefined) {
      result.sufficient = compare(toRational(facts.hoursCompleted), toRational(minimum)) >= 0;
      reasons.push({ zh: `已完成 ${String(facts.hoursCompleted)} 学时：${result.sufficient ? '满足' : '不足'}（“不得少于”含本数）。`, en: `${String(facts.hoursCompleted)} hours done: ${result.sufficient ? 'enough' : 'not enough'} (“not less than” includes the number).` });
    }
    return { status: 'decided', result, missing, reasons };
  });
};

// ------------------------------------------------------------------------------------------- eligibility

export const specialOperationsEligibilityInput = z.strictObject({
  birthDate: dateInput.optional(),
  /** Catalogue category number (1 electrical … 10 fireworks). */
  operationCategory: z.number().int().min(1).max(11).optional(),
  education: z.enum(['primary', 'juniorMiddle', 'seniorHigh', 'college']).optional(),
  /** The statutory retirement age that applies to the applicant: configuration, no default (see the 2025 reform). */
  statutoryRetirementAgeYears: z.number().int().min(40).max(80).optional(),
  /** Health declaration or certificate without the listed disqualifying conditions. */
  healthOk: z.boolean().optional(),
  /** First day on duty in the operation (coal mines: senior high school from 2018-06-01). */
  firstOnDutyDate: dateInput.optional(),
});

export interface EligibilityResult {
  eligible: boolean | null;
  ageYears: number | null;
  minimumEducation: string | null;
  checks: { check: string; holds: boolean | null }[];
}

export const specialOperationsEligibility = (input: unknown, options?: CalculatorOptions): CalculatorDraft<EligibilityResult> => {
  const facts = parseInput(specialOperationsEligibilityInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const empty: EligibilityResult = { eligible: null, ageYears: null, minimumEducation: null, checks: [] };
  return withDocument('special-operations-eligibility', asOf, empty, (document, citations) => {
    const result = { ...empty, checks: [] as EligibilityResult['checks'] };
    const missing: string[] = [];
    const reasons: Bilingual[] = [];
    citations.add(document, requireParameter(document, 'minimumAgeYears').citation);
    const minimumAge = numberParameter(document, 'minimumAgeYears');
    const age = facts.birthDate === undefined ? null : fullYears(facts.birthDate, asOf);
    result.ageYears = age;
    if (age === null) missing.push('input.birthDate');
    result.checks.push({ check: 'minimumAge', holds: age === null ? null : age >= minimumAge });
    // 不超过国家法定退休年龄: the figure is not in the data (no verified value), so the caller supplies it.
    const retirement = facts.statutoryRetirementAgeYears;
    if (retirement === undefined) missing.push('input.statutoryRetirementAgeYears');
    result.checks.push({ check: 'belowRetirementAge', holds: age === null || retirement === undefined ? null : age < retirement });
    if (facts.healthOk === undefined) missing.push('input.healthOk');
    result.checks.push({ check: 'health', holds: facts.healthOk ?? null });

    const levels = requireDataset(document, 'educationLevels').rows;
    const rankOf = (level: unknown) => Number(levels.find((row) => row.level === level)?.rank ?? 0);
    let minimum: string | null = null;
    if (facts.operationCategory === undefined) missing.push('input.operationCategory');
    else {
      const rules = requireDataset(document, 'educationRequirements').rows;
      const general = rules.find((row) => row.category === null);
      const specific = rules.find((row) => row.category === facts.operationCategory);
      let rule = specific ?? general;
      if (specific && typeof specific.fromDate === 'string') {
        if (facts.firstOnDutyDate === undefined) {
          missing.push('input.firstOnDutyDate');
          rule = undefined;
        } else if (facts.firstOnDutyDate < specific.fromDate) rule = general;
      }
      if (rule) {
        minimum = String(rule.minimum);
        citations.add(document, String(rule.citation));
      }
    }
    result.minimumEducation = minimum;
    if (facts.education === undefined) missing.push('input.education');
    result.checks.push({ check: 'education', holds: minimum === null || facts.education === undefined ? null : rankOf(facts.education) >= rankOf(minimum) });
    const values = result.checks.map((check) => check.holds);
    result.eligible = values.includes(false) ? false : values.includes(null) ? null : true;
    reasons.push({
      zh: `年龄 ${age ?? '未知'} 周岁（年满18周岁、不超过法定退休年龄），学历要求 ${minimum ?? '未定'}：${result.eligible === null ? '未定' : result.eligible ? '符合申请条件' : '不符合'}。`,
      en: `Age ${age ?? 'unknown'} (18 reached, below retirement age), education needed ${minimum ?? 'undecided'}: ${result.eligible === null ? 'undecided' : result.eligible ? 'eligible' : 'not eligible'}.`,
    });
    const status = result.eligible === false ? 'decided' : missing.length ? 'unknown' : 'decided';
    return { status, result, missing: status === 'decided' ? [] : missing, reasons };
  });
};
