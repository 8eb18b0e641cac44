// Work Safety Law provisions that can be decided: when a safety-management organisation or full-time
// staff is required (Art. 24), who must pass the assessment and employ registered safety engineers
// (Art. 27), the principal's duties as a checklist (Art. 21), and the fine ranges of the penalty chapter.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import type { LoadedDocument } from '../documents/load.js';
import { compare, multiply, toRational } from '../exact/rational.js';
import { InputError, parseInput } from '../validation/issues.js';
import { accidentPenaltiesDocumentId } from './accident-level.js';
import { addCalendar, addDays } from './deadline.js';
import {
  asOfDate,
  Citations,
  countInput,
  dateInput,
  decimalInput,
  noVersionReason,
  parameterValue,
  requireDataset,
  requireParameter,
  show,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
} from './result.js';

export const workSafetyLawDocumentId = 'work-safety-law';

export const workSafetyActivities = [
  'mine',
  'metalSmelting',
  'construction',
  'roadTransport',
  'otherTransport',
  'dangerousGoodsProduction',
  'dangerousGoodsTrading',
  'dangerousGoodsStorage',
  'dangerousGoodsLoading',
] as const;

export const principalDutyIds = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'] as const;

export const workSafetyOrganisationInput = z.strictObject({
  /** The unit's activities among those the law names; an empty list means none of them. */
  activities: z.array(z.enum(workSafetyActivities)).optional(),
  employeeCount: countInput.optional(),
  /** Art. 21 duties observed as fulfilled (d1 … d7). */
  dutiesFulfilled: z.partialRecord(z.enum(principalDutyIds), z.boolean()).optional(),
});

export interface WorkSafetyOrganisationResult {
  version: string | null;
  /** Art. 24: what the unit must have. */
  safetyManagement: 'organisationOrFullTimeStaff' | 'fullTimeOrPartTimeStaff' | null;
  principalAssessmentRequired: boolean | null;
  registeredSafetyEngineer: 'required' | 'encouraged' | null;
  notifyManagerAppointment: boolean | null;
  duties: { id: string; duty: Bilingual; fulfilled: boolean | null }[];
  unmetDuties: string[];
}

export const workSafetyOrganisation = (input: unknown, options?: CalculatorOptions): CalculatorDraft<WorkSafetyOrganisationResult> => {
  const facts = parseInput(workSafetyOrganisationInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const result: WorkSafetyOrganisationResult = { version: null, safetyManagement: null, principalAssessmentRequired: null, registeredSafetyEngineer: null, notifyManagerAppointment: null, duties: [], unmetDuties: [] };
  const document = versionInForce(workSafetyLawDocumentId, asOf);
  if (!document) return { calculator: 'work-safety-organisation', asOf, status: 'unknown', result, missing: [`document:${workSafetyLawDocumentId}`], reasons: [noVersionReason(workSafetyLawDocumentId, asOf)], citations: [] };
  result.version = document.version;
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const activities = requireDataset(document, 'activities');
  const rows = activities.rows.filter((row) => facts.activities?.includes(row.activity as never));
  citations.add(document, activities.citation);
  if (facts.activities === undefined) missing.push('input.activities');
  else {
    const listed = rows.filter((row) => row.organisationRegardlessOfHeadcount === true);
    result.principalAssessmentRequired = rows.some((row) => row.principalExamRequired === true);
    result.registeredSafetyEngineer = rows.some((row) => row.registeredSafetyEngineerRequired === true) ? 'required' : 'encouraged';
    result.notifyManagerAppointment = rows.some((row) => row.notifyManagerAppointment === true);
    if (listed.length) {
      result.safetyManagement = 'organisationOrFullTimeStaff';
      reasons.push({
        zh: `${listed.map((row) => String(row.zh)).join('、')}单位不论人数多少，都应设置安全生产管理机构或配备专职安全生产管理人员（安全生产法 ${document.version} 版）。`,
        en: `A ${listed.map((row) => String(row.en)).join(', ')} unit needs a safety-management organisation or full-time safety managers whatever its headcount (Work Safety Law ${document.version}).`,
      });
    } else if (facts.employeeCount === undefined) missing.push('input.employeeCount');
    else {
      const threshold = parameterValue(document, 'headcountThreshold');
      const above = compare(toRational(facts.employeeCount), threshold) > 0;
      result.safetyManagement = above ? 'organisationOrFullTimeStaff' : 'fullTimeOrPartTimeStaff';
      citations.add(document, document.parameters.headcountThreshold?.citation ?? activities.citation);
      reasons.push({
        zh: `从业人员 ${facts.employeeCount} 人${above ? `超过${show(threshold)}人：应设置安全生产管理机构或配备专职安全生产管理人员` : `，${show(threshold)}人以下（含本数）：应配备专职或兼职安全生产管理人员`}。`,
        en: `${facts.employeeCount} employees: ${above ? `more than ${show(threshold)}, so an organisation or full-time safety managers` : `${show(threshold)} or fewer, so full-time or part-time safety managers`}.`,
      });
    }
    const byHeadcount = rows.filter((row) => row.organisationRegardlessOfHeadcount !== true);
    if (byHeadcount.length) {
      reasons.push({
        zh: `本版第一款未列${byHeadcount.map((row) => String(row.zh)).join('、')}：这些业务按人数确定。`,
        en: `This version's first paragraph does not list ${byHeadcount.map((row) => String(row.en)).join(', ')}: those go by headcount.`,
      });
    }
    reasons.push({
      zh: `主要负责人和安全生产管理人员${result.principalAssessmentRequired ? '须经主管部门考核合格（不得收费）' : '须具备相应知识和能力，无强制考核'}；注册安全工程师${result.registeredSafetyEngineer === 'required' ? '应当配备' : '为鼓励聘用'}。`,
      en: `Principal and safety managers ${result.principalAssessmentRequired ? 'must pass the regulator’s assessment (free of charge)' : 'need the knowledge and ability, with no compulsory assessment'}; a registered safety engineer is ${result.registeredSafetyEngineer}.`,
    });
  }
  const duties = requireDataset(document, 'principalDuties');
  citations.add(document, duties.citation);
  result.duties = duties.rows.map((row) => ({ id: String(row.id), duty: { zh: String(row.zh), en: String(row.en) }, fulfilled: facts.dutiesFulfilled?.[row.id as (typeof principalDutyIds)[number]] ?? null }));
  result.unmetDuties = result.duties.filter((duty) => duty.fulfilled === false).map((duty) => duty.id);
  if (facts.dutiesFulfilled !== undefined) {
    for (const duty of result.duties) if (duty.fulfilled === null) missing.push(`input.dutiesFulfilled.${duty.id}`);
  }
  return { calculator: 'work-safety-organisation', asOf, status: missing.length ? 'unknown' : 'decided', result, missing, reasons, citations: citations.list() };
};

// --------------------------------------------------------------------------------------------- penalties

export const workSafetyPenaltyInput = z.strictObject({
  article: z.number().int().min(1),
  /** Where an article has several situations (92: inaccurate | fraudulent; 103: unqualifiedContractor | noSafetyAgreement). */
  variant: z.string().min(1).optional(),
  /** false: not corrected within the deadline (or refused): the heavier ranges apply as well. */
  correctedWithinDeadline: z.boolean().optional(),
  illegalIncomeYuan: decimalInput.optional(),
  /** For fines set as a share of the previous year's income. */
  principalPrevYearIncomeYuan: decimalInput.optional(),
});

export interface IncomeRatePenalty {
  party: string;
  rateMin: string;
  rateMax: string;
  minYuan: string | null;
  maxYuan: string | null;
  situation: Bilingual;
  citation: string;
}

export interface OtherSanction {
  /** initial: with the fine; overdue: if not corrected in time; condition: hangs on a further fact the text names. */
  stage: 'initial' | 'overdue' | 'condition';
  sanction: Bilingual;
  citation: string;
}

export interface PenaltyBand {
  party: string;
  stage: 'initial' | 'overdue';
  minYuan: string;
  maxYuan: string;
  situation: Bilingual;
  citation: string;
}

export interface WorkSafetyPenaltyResult {
  version: string | null;
  bands: PenaltyBand[];
  /** Ranges that apply only if the breach is not corrected in time. */
  ifNotCorrected: PenaltyBand[];
  /** Fines as a share of previous-year income. */
  incomeBased: IncomeRatePenalty[];
  /** Dismissal, bans, detention, suspension, void clauses. */
  sanctions: OtherSanction[];
}

export const workSafetyPenalty = (input: unknown, options?: CalculatorOptions): CalculatorDraft<WorkSafetyPenaltyResult> => {
  const facts = parseInput(workSafetyPenaltyInput, input, 'input');
  const asOf = asOfDate(options);
  const result: WorkSafetyPenaltyResult = { version: null, bands: [], ifNotCorrected: [], incomeBased: [], sanctions: [] };
  const document = versionInForce(accidentPenaltiesDocumentId, asOf);
  if (!document) return { calculator: 'work-safety-penalty', asOf, status: 'unknown', result, missing: [`document:${accidentPenaltiesDocumentId}`], reasons: [noVersionReason(accidentPenaltiesDocumentId, asOf)], citations: [] };
  result.version = document.version;
  const dataset = document.datasets.penaltyBands;
  if (!dataset) {
    return {
      calculator: 'work-safety-penalty', asOf, status: 'unknown', result,
      missing: [`figure:${document.id}@${document.version}/penaltyBands`],
      reasons: [{ zh: `安全生产法 ${document.version} 版罚则（事故罚款以外）未核对，不编码。`, en: `The ${document.version} penalty articles (other than accident fines) were not checked and are not encoded.` }],
      citations: [],
    };
  }
  const rows = dataset.rows.filter((row) => row.article === facts.article);
  const incomeRows = (document.datasets.incomeRatePenalties?.rows ?? []).filter((row) => row.article === facts.article);
  const sanctionRows = (document.datasets.otherSanctions?.rows ?? []).filter((row) => row.article === facts.article);
  if (!rows.length && !incomeRows.length && !sanctionRows.length) {
    const articles = [...new Set([...dataset.rows, ...(document.datasets.incomeRatePenalties?.rows ?? [])].map((row) => Number(row.article)))].sort((a, b) => a - b);
    throw new InputError([{ path: 'input.article', message: `expected one of articles ${articles.join(', ')} (accident fines: use accident-level), got ${facts.article}` }]);
  }
  const variants = [...new Set(rows.map((row) => row.variant).filter((variant): variant is string => typeof variant === 'string'))];
  if (variants.length && (facts.variant === undefined || !variants.includes(facts.variant))) {
    if (facts.variant !== undefined) throw new InputError([{ path: 'input.variant', message: `expected one of ${variants.join(', ')}, got ${JSON.stringify(facts.variant)}` }]);
    return {
      calculator: 'work-safety-penalty', asOf, status: 'unknown', result, missing: ['input.variant'],
      reasons: [{ zh: `第${facts.article}条有多种情形：${variants.join('、')}。`, en: `Article ${facts.article} has several situations: ${variants.join(', ')}.` }], citations: [],
    };
  }
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  for (const row of rows.filter((candidate) => variants.length === 0 || candidate.variant === facts.variant)) {
    citations.add(document, String(row.citation));
    let min = row.minYuan === null ? toRational(0) : toRational(String(row.minYuan));
    let max = toRational(String(row.maxYuan));
    const situation = { zh: String(row.zh), en: String(row.en) };
    if (row.incomeThresholdYuan !== null) {
      if (facts.illegalIncomeYuan === undefined) {
        missing.push('input.illegalIncomeYuan');
        continue;
      }
      const income = toRational(facts.illegalIncomeYuan);
      // The illegal-income limit is reached at the figure itself (“以上”), which takes the multiples.
      if (compare(income, toRational(String(row.incomeThresholdYuan))) >= 0) {
        min = multiply(income, toRational(String(row.incomeMultipleMin)));
        max = multiply(income, toRational(String(row.incomeMultipleMax)));
        reasons.push({ zh: `违法所得 ${show(income, 2)} 元达到 ${String(row.incomeThresholdYuan)} 元：没收并处 ${row.incomeMultipleMin}–${row.incomeMultipleMax} 倍罚款。`, en: `Illegal income CNY ${show(income, 2)} reaches ${String(row.incomeThresholdYuan)}: confiscated plus ${row.incomeMultipleMin}–${row.incomeMultipleMax} times.` });
      } else reasons.push({ zh: `违法所得 ${show(income, 2)} 元不足 ${String(row.incomeThresholdYuan)} 元：单处或并处固定区间罚款。`, en: `Illegal income CNY ${show(income, 2)} is below ${String(row.incomeThresholdYuan)}: the fixed range applies.` });
    }
    const band: PenaltyBand = { party: String(row.party), stage: row.stage === 'overdue' ? 'overdue' : 'initial', minYuan: show(min, 2), maxYuan: show(max, 2), situation, citation: String(row.citation) };
    if (band.stage === 'initial' || facts.correctedWithinDeadline === false) result.bands.push(band);
    else result.ifNotCorrected.push(band);
  }
  for (const row of incomeRows) {
    const rateMin = parameterValue(document, String(row.rateMinParameter));
    const rateMax = parameterValue(document, String(row.rateMaxParameter));
    const income = facts.principalPrevYearIncomeYuan === undefined ? null : toRational(facts.principalPrevYearIncomeYuan);
    if (income === null) missing.push('input.principalPrevYearIncomeYuan');
    const penalty: IncomeRatePenalty = {
      party: String(row.party), rateMin: show(rateMin), rateMax: show(rateMax),
      minYuan: income === null ? null : show(multiply(rateMin, income), 2), maxYuan: income === null ? null : show(multiply(rateMax, income), 2),
      situation: { zh: String(row.zh), en: String(row.en) }, citation: String(row.citation),
    };
    result.incomeBased.push(penalty);
    citations.add(document, penalty.citation);
    reasons.push({
      zh: `${penalty.situation.zh}：对${partyName(document, penalty.party)}处上一年年收入 ${show(multiply(rateMin, toRational(100)))}% 至 ${show(multiply(rateMax, toRational(100)))}% 的罚款${income === null ? '（未给出上一年年收入，金额未算）' : `，即 ${penalty.minYuan}–${penalty.maxYuan} 元`}。`,
      en: `${penalty.situation.en}: a fine of ${show(multiply(rateMin, toRational(100)))}–${show(multiply(rateMax, toRational(100)))}% of previous-year income${income === null ? ' (income not given)' : `, CNY ${penalty.minYuan}–${penalty.maxYuan}`}.`,
    });
  }
  for (const row of sanctionRows) {
    const stage = row.stage === 'overdue' ? 'overdue' : row.stage === 'condition' ? 'condition' : 'initial';
    result.sanctions.push({ stage, sanction: { zh: String(row.zh), en: String(row.en) }, citation: String(row.citation) });
    citations.add(document, String(row.citation));
  }
  if (result.sanctions.length) {
    reasons.push({
      zh: `罚款以外：${result.sanctions.map((sanction) => `${sanction.sanction.zh}${sanction.stage === 'condition' ? '（另有条件）' : ''}`).join('；')}。`,
      en: `Besides fines: ${result.sanctions.map((sanction) => sanction.sanction.en).join('; ')}.`,
    });
  }
  if (result.bands.length) reasons.push({
    zh: `${[...new Set(result.bands.map((band) => band.citation))].join('、') || `第${facts.article}条`}：${result.bands.map((band) => `${partyName(document, band.party)} ${band.minYuan}–${band.maxYuan} 元`).join('；')}（区间两端含本数，“以下”无下限）。`,
    en: `Article ${facts.article}: ${result.bands.map((band) => `${band.party} CNY ${band.minYuan}–${band.maxYuan}`).join('; ')} (both ends included; “up to” has no lower bound).`,
  });
  return { calculator: 'work-safety-penalty', asOf, status: missing.length ? 'unknown' : 'decided', result, missing: [...new Set(missing)], reasons, citations: citations.list() };
};

/** A party's name as the law writes it, from the data (never the English code on a Chinese screen). */
const partyName = (document: LoadedDocument, party: string): string =>
  String(document.datasets.parties?.rows.find((row) => row.party === party)?.zh ?? '当事人');

// ------------------------------------------------------------------------------------------- enforcement

export const workSafetyEnforcementInput = z.strictObject({
  /** Art. 112: the day the unit was ordered to correct (it was also fined and refuses to correct). */
  correctionOrderDate: dateInput.optional(),
  finedAndRefusesToCorrect: z.boolean().optional(),
  originalFineYuan: decimalInput.optional(),
  /** Art. 113(1): dates of administrative penalties under this law while a major accident hazard existed. */
  majorHazardPenaltyDates: z.array(dateInput).optional(),
});

export interface WorkSafetyEnforcementResult {
  dailyPenalty: { from: string; amountPerDayYuan: string | null } | null;
  closureTriggered: boolean | null;
  closureWindow: { first: string; last: string; count: number } | null;
}

export const workSafetyEnforcement = (input: unknown, options?: CalculatorOptions): CalculatorDraft<WorkSafetyEnforcementResult> => {
  const facts = parseInput(workSafetyEnforcementInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const result: WorkSafetyEnforcementResult = { dailyPenalty: null, closureTriggered: null, closureWindow: null };
  const document = versionInForce(accidentPenaltiesDocumentId, asOf);
  if (!document?.parameters.closureWindowDays) {
    return { calculator: 'work-safety-enforcement', asOf, status: 'unknown', result, missing: [`document:${accidentPenaltiesDocumentId}`], reasons: [noVersionReason(accidentPenaltiesDocumentId, asOf)], citations: [] };
  }
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  if (facts.correctionOrderDate !== undefined || facts.finedAndRefusesToCorrect !== undefined) {
    citations.add(document, requireParameter(document, 'dailyPenaltyStartOffsetDays').citation);
    if (facts.correctionOrderDate === undefined) missing.push('input.correctionOrderDate');
    else if (facts.finedAndRefusesToCorrect === undefined) missing.push('input.finedAndRefusesToCorrect');
    else if (facts.finedAndRefusesToCorrect) {
      const from = addDays(facts.correctionOrderDate, Number(parameterValue(document, 'dailyPenaltyStartOffsetDays').n));
      result.dailyPenalty = { from, amountPerDayYuan: facts.originalFineYuan === undefined ? null : show(toRational(facts.originalFineYuan), 2) };
      reasons.push({
        zh: `被责令改正且受罚款、拒不改正：可以自 ${from}（责令改正之日的次日）起按原处罚数额${result.dailyPenalty.amountPerDayYuan ? ` ${result.dailyPenalty.amountPerDayYuan} 元` : ''}按日连续处罚（“可以”，裁量；止算日法未规定）。`,
        en: `Ordered to correct, fined, and refusing: a daily penalty of the original amount${result.dailyPenalty.amountPerDayYuan ? ` (CNY ${result.dailyPenalty.amountPerDayYuan})` : ''} may run from ${from}, the day after the order (discretionary; the law sets no end day).`,
      });
    }
  }
  if (facts.majorHazardPenaltyDates === undefined) {
    if (!result.dailyPenalty && !missing.length) missing.push('input.majorHazardPenaltyDates');
  } else {
    citations.add(document, requireParameter(document, 'closureWindowDays').citation);
    const dates = [...facts.majorHazardPenaltyDates].sort();
    const windowDays = Number(parameterValue(document, 'closureWindowDays').n);
    const shortCount = Number(parameterValue(document, 'closurePenaltiesWithin180Days').n);
    const yearCount = Number(parameterValue(document, 'closurePenaltiesWithinOneYear').n);
    // “180日内”“一年内”: a sliding window counted from a penalty, both ends included (the law leaves this open).
    for (let i = 0; i < dates.length && !result.closureWindow; i += 1) {
      const first = dates[i] as string;
      const short = dates[i + shortCount - 1];
      const year = dates[i + yearCount - 1];
      if (short && short <= addDays(first, windowDays)) result.closureWindow = { first, last: short, count: shortCount };
      else if (year && year <= addCalendar(first, 1)) result.closureWindow = { first, last: year, count: yearCount };
    }
    result.closureTriggered = result.closureWindow !== null;
    reasons.push({
      zh: `存在重大事故隐患期间的处罚 ${dates.length} 次：${result.closureTriggered ? `${result.closureWindow?.first} 至 ${result.closureWindow?.last} 达到 ${result.closureWindow?.count} 次，应提请关闭` : `未达到“${windowDays}日内${shortCount}次”或“一年内${yearCount}次”`}（窗口两端含当日，属解释）。`,
      en: `${dates.length} penalties while a major accident hazard existed: ${result.closureTriggered ? `${result.closureWindow?.count} between ${result.closureWindow?.first} and ${result.closureWindow?.last}, so closure must be requested` : 'neither 3 within 180 days nor 4 within one year'} (window ends included: a reading).`,
    });
  }
  return { calculator: 'work-safety-enforcement', asOf, status: missing.length ? 'unknown' : 'decided', result, missing, reasons, citations: citations.list() };
};
