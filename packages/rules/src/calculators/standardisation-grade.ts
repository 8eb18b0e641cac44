// Standardisation grading: the coal-mine management-system grade-1 conditions as the digest verifies
// them, and for the other industries (应急〔2021〕83号) grades from thresholds the caller configures,
// since no verified threshold exists; the GB/T 33000 elements as a checklist.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import type { LoadedDocument } from '../documents/load.js';
import { compare, toRational } from '../exact/rational.js';
import { parseInput } from '../validation/issues.js';
import { accidentLevels } from './accident-level.js';
import { addCalendar } from './deadline.js';
import { datasetRows, listCell } from './data.js';
import {
  asOfDate,
  Citations,
  dateInput,
  decimalInput,
  noVersionReason,
  requireDataset,
  requireParameter,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
  type DecimalInput,
} from './result.js';

export const standardisationDocumentId = 'standardisation-grading';
export const coalStandardisationDocumentId = 'coal-mine-standardisation-grading';
export const standardisationElementsDocumentId = 'gbt33000-standardisation-elements';

export const standardisationIndustries = [
  'coalMine',
  'chemical',
  'pharmaceutical',
  'hazardousChemicals',
  'fireworks',
  'oilExtraction',
  'metallurgy',
  'nonFerrous',
  'buildingMaterials',
  'machinery',
  'lightIndustry',
  'textiles',
  'tobacco',
  'commerce',
  'other',
] as const;

export const standardisationGradeInput = z.strictObject({
  industry: z.enum(standardisationIndustries),
  totalScore: decimalInput.optional(),
  /** Coal mines: the three parts of the management-system score. */
  partScores: z
    .strictObject({ majorDisasterPrevention: decimalInput.optional(), professionalManagement: decimalInput.optional(), safetyFoundation: decimalInput.optional() })
    .optional(),
  /** Fatal accidents with their level; an empty list means none. */
  fatalAccidents: z.array(z.strictObject({ date: dateInput, level: z.enum(accidentLevels) })).optional(),
  /** Dates of failed grade-1 checks by the grading authority; an empty list means none. */
  failedGrade1CheckDates: z.array(dateInput).optional(),
  /** Dates the mine was downgraded or its grade revoked; an empty list means none. */
  downgradeOrRevocationDates: z.array(dateInput).optional(),
  /** Score thresholds the digest could not verify, supplied by the caller from the applicable grading standard. */
  thresholds: z.strictObject({ grade1MinScore: decimalInput.optional(), grade2MinScore: decimalInput.optional(), grade3MinScore: decimalInput.optional() }).optional(),
  /** Coal mines: producing, in the joint trial run of a new mine, or suspended before the resumption acceptance. */
  mineStatus: z.enum(['producing', 'jointTrialRun', 'suspended']).optional(),
  /** Coal mines: the grade the mine holds now ('none': no grade). */
  heldGrade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal('none')]).optional(),
  /** Other industries: who issued the grading standard applied — the ministry, or a province (its own or the GB/T 33000 companion). */
  gradingStandardIssuer: z.enum(['ministry', 'province']).optional(),
});
export type StandardisationGradeInput = z.input<typeof standardisationGradeInput>;

export interface StandardisationGradeResult {
  scheme: 'coal-mine' | 'industry' | null;
  /** 'none': below every grade. */
  grade: 1 | 2 | 3 | 'none' | null;
  checks: { check: string; holds: boolean | null; detail: string }[];
  /** Coal mines need at least grade 3 to produce. */
  mayProduce: boolean | null;
  covered: boolean | null;
  /** Coal mines: graded as a producing mine ('covered'), or may apply (joint trial run, suspended without a grade). */
  grading: 'covered' | 'mayApply' | null;
  /** The grades the applicable grading standard can award. */
  gradesAvailable: number[] | null;
}

type Outcome = Omit<CalculatorDraft<StandardisationGradeResult>, 'calculator' | 'asOf'>;

const atLeast = (value: DecimalInput | undefined, limit: string): boolean | null => (value === undefined ? null : compare(toRational(value), toRational(limit)) >= 0);
const all = (values: (boolean | null)[]): boolean | null => (values.includes(false) ? false : values.includes(null) ? null : true);

const coalGrade = (facts: z.output<typeof standardisationGradeInput>, asOf: string, document: LoadedDocument, citations: Citations): Outcome => {
  const missing: string[] = [];
  const reasons: Bilingual[] = [];
  const value = (id: string) => String(requireParameter(document, id).value);
  citations.add(document, requireParameter(document, 'grade1MinTotal').citation);
  const parts = facts.partScores ?? {};
  const checks: StandardisationGradeResult['checks'] = [
    { check: 'grade1.total', holds: atLeast(facts.totalScore, value('grade1MinTotal')), detail: `≥ ${value('grade1MinTotal')}` },
    { check: 'grade1.majorDisasterPrevention', holds: atLeast(parts.majorDisasterPrevention, value('grade1MinMajorDisasterPrevention')), detail: `≥ ${value('grade1MinMajorDisasterPrevention')}` },
    { check: 'grade1.professionalManagement', holds: atLeast(parts.professionalManagement, value('grade1MinProfessionalManagement')), detail: `≥ ${value('grade1MinProfessionalManagement')}` },
    { check: 'grade1.safetyFoundation', holds: atLeast(parts.safetyFoundation, value('grade1MinSafetyFoundation')), detail: `≥ ${value('grade1MinSafetyFoundation')}` },
  ];
  if (facts.totalScore === undefined) missing.push('input.totalScore');
  for (const part of ['majorDisasterPrevention', 'professionalManagement', 'safetyFoundation'] as const) if (parts[part] === undefined) missing.push(`input.partScores.${part}`);
  const barYears: Record<(typeof accidentLevels)[number], string> = {
    general: value('grade1BarYearsGeneralAccident'),
    larger: value('grade1BarYearsLargerOrMajorAccident'),
    major: value('grade1BarYearsLargerOrMajorAccident'),
    extraordinary: value('grade1BarYearsExtraordinaryAccident'),
  };
  // 未满N年: the bar lasts until the N-th anniversary, which itself is free.
  const clearOf = (dates: string[] | undefined, years: (date: string) => number, field: string, check: string, label: string) => {
    if (dates === undefined) missing.push(field);
    const barring = dates?.filter((date) => date <= asOf && asOf < addCalendar(date, years(date))) ?? [];
    checks.push({ check, holds: dates === undefined ? null : barring.length === 0, detail: barring.length ? `${label}: ${barring.join(', ')}` : label });
  };
  const levelOf = new Map((facts.fatalAccidents ?? []).map((accident) => [accident.date, accident.level]));
  clearOf(facts.fatalAccidents?.map((accident) => accident.date), (date) => Number(barYears[levelOf.get(date) ?? 'general']), 'input.fatalAccidents', 'grade1.noRecentFatalAccident', 'fatal accident within 1 y (general), 2 y (larger, major), 3 y (extraordinary)');
  clearOf(facts.failedGrade1CheckDates, () => Number(value('grade1BarYearsFailedCheck')), 'input.failedGrade1CheckDates', 'grade1.noRecentFailedCheck', 'failed grade-1 check within 1 y');
  clearOf(facts.downgradeOrRevocationDates, () => Number(value('grade1BarYearsDowngrade')), 'input.downgradeOrRevocationDates', 'grade1.noRecentDowngrade', 'downgrade or revocation within 1 y');
  const grade1 = all(checks.map((check) => check.holds));
  reasons.push({
    zh: `一级：总得分不低于 ${value('grade1MinTotal')} 分，重大灾害防治不低于 ${value('grade1MinMajorDisasterPrevention')} 分、专业管理不低于 ${value('grade1MinProfessionalManagement')} 分，安全基础管理不低于 ${value('grade1MinSafetyFoundation')} 分，且无未满期限的死亡事故（一般事故 ${value('grade1BarYearsGeneralAccident')} 年、较大及重大事故 ${value('grade1BarYearsLargerOrMajorAccident')} 年、特别重大事故 ${value('grade1BarYearsExtraordinaryAccident')} 年）、一级检查考核未通过（${value('grade1BarYearsFailedCheck')} 年）、被降级或撤消（${value('grade1BarYearsDowngrade')} 年） → ${grade1 === null ? '未定' : grade1 ? '满足' : '不满足'}。本库资料未取回的其他不得情形（如失信名单）未检查。`,
    en: `Grade 1: total ≥ 90, major-disaster prevention and professional management ≥ 90, safety foundation ≥ 85, and no barring fatal accident, failed grade-1 check or downgrade → ${grade1 === null ? 'undecided' : grade1 ? 'met' : 'not met'}. Other disqualifications the digest did not retrieve (e.g. credit blacklists) are not checked.`,
  });
  let grade: StandardisationGradeResult['grade'] = null;
  if (grade1 === true) grade = 1;
  else if (grade1 === false) {
    missing.length = 0;
    const scores = [facts.totalScore, parts.majorDisasterPrevention, parts.professionalManagement, parts.safetyFoundation];
    for (const [level, key] of [[2, 'grade2MinScore'], [3, 'grade3MinScore']] as const) {
      const configured = facts.thresholds?.[key];
      if (configured === undefined) {
        missing.push(`figure:${document.id}@${document.version}/${key}`);
        reasons.push({
          zh: `${level}级分数线（总得分及各管理部分得分均不低于若干分）未核实，无默认值：请在 thresholds.${key} 中按原文配置。`,
          en: `The grade-${level} threshold (total and every part at least N) is not verified and has no default: configure thresholds.${key} from the official text.`,
        });
        break;
      }
      scores.forEach((score, index) => { if (score === undefined) missing.push(index === 0 ? 'input.totalScore' : `input.partScores.${['majorDisasterPrevention', 'professionalManagement', 'safetyFoundation'][index - 1]}`); });
      const holds = all(scores.map((score) => atLeast(score, String(configured))));
      checks.push({ check: `grade${level}.allScores`, holds, detail: `≥ ${String(configured)} (configured, not verified)` });
      if (holds === null) break;
      if (holds) { grade = level; break; }
      if (level === 3) grade = 'none';
    }
    if (grade === 2 || grade === 3) reasons.push({ zh: '二、三级的不得情形未取回，未检查；分数线为调用方配置。', en: 'Grade-2/3 disqualifications were not retrieved and are not checked; the thresholds are the caller’s configuration.' });
  }
  const minimum = Number(value('minimumGradeToProduce'));
  citations.add(document, requireParameter(document, 'minimumGradeToProduce').citation);
  // The grade held now decides production; without it, the grade these scores earn does.
  const deciding = facts.heldGrade ?? grade;
  const mayProduce = deciding === null ? null : deciding !== 'none' && deciding <= minimum;
  let grading: StandardisationGradeResult['grading'] = null;
  if (facts.mineStatus !== undefined) {
    const statuses = datasetRows(document, 'mineStatuses', mineStatusRow);
    const row = statuses.find((candidate) => candidate.status === facts.mineStatus);
    if (!row) throw new Error(`${document.file}: mineStatuses has no ${facts.mineStatus}`);
    citations.add(document, requireDataset(document, 'mineStatuses').citation);
    grading = row.grading;
    reasons.push({
      zh: `${row.zh}：${row.grading === 'covered' ? '适用考核定级' : '可申请考核定级（不是义务）'}；达到${gradeZh(minimum)}及以上方可组织生产${facts.mineStatus === 'producing' ? '' : '（复产、投产同样以此为前提，属解释）'}。`,
      en: `${facts.mineStatus}: ${row.grading === 'covered' ? 'graded' : 'may apply for grading (not a duty)'}; production needs grade ${minimum} or better.`,
    });
  }
  if (mayProduce !== null) {
    reasons.push({
      zh: `${facts.heldGrade !== undefined ? `现持有${facts.heldGrade === 'none' ? '无等级' : gradeZh(facts.heldGrade)}` : `按本次得分${grade === 'none' ? '不够任何等级' : `为${gradeZh(grade!)}`}`} → ${mayProduce ? '可以组织生产' : `不得组织生产（须达到${gradeZh(minimum)}及以上）`}。`,
      en: `${facts.heldGrade !== undefined ? `Holds ${String(facts.heldGrade)}` : `Scores earn ${String(grade)}`} → ${mayProduce ? 'may produce' : 'may not produce'}.`,
    });
  }
  const decided = grade !== null || facts.heldGrade !== undefined;
  return { status: decided ? 'decided' : 'unknown', result: { scheme: 'coal-mine', grade, checks, mayProduce, covered: true, grading, gradesAvailable: [1, 2, 3] }, missing: decided ? [] : [...new Set(missing)], reasons, citations: citations.list() };
};

const mineStatusRow = z.object({ status: z.string(), zh: z.string(), grading: z.enum(['covered', 'mayApply']) });
const gradeZh = (grade: number): string => `${['', '一', '二', '三'][grade] ?? grade}级`;

const industryGrade = (facts: z.output<typeof standardisationGradeInput>, document: LoadedDocument, citations: Citations): Outcome => {
  const missing: string[] = [];
  const reasons: Bilingual[] = [];
  const industries = requireDataset(document, 'industries');
  const gradesCitation = requireParameter(document, 'grade1MinScore').citation;
  citations.add(document, industries.citation);
  citations.add(document, gradesCitation);
  const listed = industries.rows.some((row) => row.industry === facts.industry);
  reasons.push(
    listed
      ? { zh: `该行业在所列行业范围内（${industries.citation}）；定级自愿，分一、二、三级（${gradesCitation}）。`, en: `The industry is listed (${industries.citation}); grading is voluntary, in grades 1–3 (${gradesCitation}).` }
      : { zh: `该行业不在所列行业之中（${industries.citation}，列举以“等”结尾，非封闭），须有对应行业定级标准。`, en: `The industry is not listed (${industries.citation}; the list ends with “etc.”), so it needs an industry grading standard.` },
  );
  const checks: StandardisationGradeResult['checks'] = [];
  let grade: StandardisationGradeResult['grade'] = null;
  if (facts.totalScore === undefined) missing.push('input.totalScore');
  // Art.4: a province's own standard (or the GB/T 33000 companion) grades only the levels the data lists.
  const provincial = requireParameter(document, 'provincialStandardGrades');
  const provincialGrades = listCell.parse(String(provincial.value)).map(Number);
  const gradesAvailable = facts.gradingStandardIssuer === 'province' ? provincialGrades : facts.gradingStandardIssuer === 'ministry' ? [1, 2, 3] : null;
  if (facts.gradingStandardIssuer !== undefined) {
    citations.add(document, provincial.citation);
    reasons.push(
      facts.gradingStandardIssuer === 'province'
        ? { zh: `定级标准由省级部门制定（或参照 GB/T 33000 配套定级标准）：只能定${provincialGrades.map(gradeZh).join('、')}。`, en: `A provincial grading standard awards grades ${provincialGrades.join(', ')} only.` }
        : { zh: '定级标准由应急管理部按行业制定：可定一、二、三级。', en: 'A ministry grading standard awards grades 1–3.' },
    );
  }
  for (const [level, key] of [[1, 'grade1MinScore'], [2, 'grade2MinScore'], [3, 'grade3MinScore']] as const) {
    if (gradesAvailable !== null && !gradesAvailable.includes(level)) continue;
    const configured = facts.thresholds?.[key];
    if (configured === undefined) {
      missing.push(`figure:${document.id}@${document.version}/${key}`);
      reasons.push({
        zh: `${level}级分数线由行业定级标准规定，未核实，无默认值：请在 thresholds.${key} 中配置。`,
        en: `The grade-${level} score is set by the industry grading standard, not verified and without default: configure thresholds.${key}.`,
      });
      break;
    }
    const holds = atLeast(facts.totalScore, String(configured));
    checks.push({ check: `grade${level}.total`, holds, detail: `≥ ${String(configured)} (configured, not verified)` });
    if (holds === null) break;
    if (holds && level === 1 && gradesAvailable === null) {
      // Grade 1 only under a ministry standard: who issued the standard decides.
      missing.push('input.gradingStandardIssuer');
      reasons.push({ zh: '分数达到一级，但省级定级标准不能定一级：须说明定级标准由谁制定。', en: 'The score reaches grade 1, which a provincial standard cannot award: who issued the standard decides.' });
      break;
    }
    if (holds) { grade = level; break; }
    if (level === 3) grade = 'none';
  }
  return { status: grade === null ? 'unknown' : 'decided', result: { scheme: 'industry', grade, checks, mayProduce: null, covered: listed ? true : null, grading: null, gradesAvailable }, missing: grade === null ? [...new Set(missing)] : [], reasons, citations: citations.list() };
};

export const standardisationGrade = (input: unknown, options?: CalculatorOptions): CalculatorDraft<StandardisationGradeResult> => {
  const facts = parseInput(standardisationGradeInput, input, 'input');
  const asOf = asOfDate(options);
  const documentId = facts.industry === 'coalMine' ? coalStandardisationDocumentId : standardisationDocumentId;
  const document = versionInForce(documentId, asOf);
  const empty: StandardisationGradeResult = { scheme: null, grade: null, checks: [], mayProduce: null, covered: null, grading: null, gradesAvailable: null };
  if (!document) return { calculator: 'standardisation-grade', asOf, status: 'unknown', result: empty, missing: [`document:${documentId}`], reasons: [noVersionReason(documentId, asOf)], citations: [] };
  const citations = new Citations();
  const outcome = facts.industry === 'coalMine' ? coalGrade(facts, asOf, document, citations) : industryGrade(facts, document, citations);
  return { calculator: 'standardisation-grade', asOf, ...outcome };
};

// ------------------------------------------------------------------------------------ GB/T 33000 checklist

export const standardisationChecklistInput = z.strictObject({
  /** Element clause (e.g. "5.1" or "5.1.3") → present. Unanswered elements stay unknown. */
  present: z.record(z.string(), z.boolean()).default({}),
});

export interface ChecklistResult {
  elements: { id: string; name: string; level: number; present: boolean | null; verified: boolean }[];
  absent: string[];
  complete: boolean | null;
}

export const standardisationChecklist = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ChecklistResult> => {
  const facts = parseInput(standardisationChecklistInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const document = versionInForce(standardisationElementsDocumentId, asOf);
  const empty: ChecklistResult = { elements: [], absent: [], complete: null };
  if (!document) return { calculator: 'standardisation-checklist', asOf, status: 'unknown', result: empty, missing: [`document:${standardisationElementsDocumentId}`], reasons: [noVersionReason(standardisationElementsDocumentId, asOf)], citations: [] };
  const citations = new Citations();
  const dataset = requireDataset(document, 'elements');
  const elements = dataset.rows.map((row) => ({ id: String(row.id), name: String(row.zh), level: Number(row.level), present: facts.present[String(row.id)] ?? null, verified: row.verified === true }));
  const known = new Set(elements.map((element) => element.id));
  const unknownKeys = Object.keys(facts.present).filter((key) => !known.has(key));
  if (unknownKeys.length) parseInput(z.strictObject({}), Object.fromEntries(unknownKeys.map((key) => [key, true])), 'input.present');
  for (const element of elements) citations.add(document, element.id.split('.').slice(0, 2).join('.'));
  const absent = elements.filter((element) => element.present === false).map((element) => element.id);
  const unanswered = elements.filter((element) => element.present === null).map((element) => `input.present.${element.id}`);
  const complete = absent.length ? false : unanswered.length ? null : true;
  return {
    calculator: 'standardisation-checklist',
    asOf,
    status: complete === null ? 'unknown' : 'decided',
    result: { elements, absent, complete },
    missing: complete === null ? unanswered : [],
    reasons: [{
      zh: `GB/T 33000-2016：${elements.filter((e) => e.level === 1).length} 个一级要素、${elements.filter((e) => e.level === 2).length} 个二级要素；缺少 ${absent.length} 项，未答 ${unanswered.length} 项。标准本身不给分值。`,
      en: `GB/T 33000-2016: ${elements.filter((e) => e.level === 1).length} first-level and ${elements.filter((e) => e.level === 2).length} second-level elements; ${absent.length} absent, ${unanswered.length} unanswered. The standard itself gives no scores.`,
    }],
    citations: citations.list(),
  };
};
