// Work-safety funds an enterprise must set aside (企业安全生产费用): per-unit, cost-share, revenue-share and
// marginal (超额累退) rates by industry from the version in force, with the balance and under-use rules.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import type { LoadedDocument } from '../documents/load.js';
import { add, compare, divide, multiply, subtract, toRational, type Rational } from '../exact/rational.js';
import { InputError, parseInput } from '../validation/issues.js';
import { datasetRows, decimalCell } from './data.js';
import { addCalendar } from './deadline.js';
import { exactDecimal, monthlySchedule } from './monthly-schedule.js';
import {
  asOfDate,
  Citations,
  dateInput,
  decimalInput,
  type DecimalInput,
  marginalAmount,
  noVersionReason,
  parameterValue,
  requireParameter,
  requireTable,
  show,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
} from './result.js';

export const safetyCostDocumentId = 'safety-cost-extraction';

export const safetyCostIndustries = [
  'coal',
  'nonCoalMining',
  'oilGas',
  'construction',
  'hazardousGoods',
  'transport',
  'fireworks',
  'civilExplosives',
  'metallurgy',
  'machinery',
  'weapons',
  'power',
] as const;

export const coalHazards = ['outburst', 'rockburst', 'highGas', 'hydroComplex', 'hydroVeryComplex', 'selfIgnitingSeam'] as const;

/** 逐月平均提取 as twelve amounts; the measures set no rounding, so the stated rule is ours and said so. */
const schedule = (result: SafetyCostResult, annual: Rational, reasons: Bilingual[]): void => {
  const plan = monthlySchedule(annual);
  result.monthlyScheduleYuan = plan.months;
  reasons.push({
    zh: `逐月平均提取：办法未规定舍入，前11个月各取年额的十二分之一（舍至分）${plan.months[0]} 元，第12个月取余额 ${plan.months[11]} 元，十二个月合计正好等于年额 ${exactDecimal(annual)} 元。`,
    en: `Monthly: no rounding rule in the measures, so months 1–11 take one twelfth cut to the fen (${plan.months[0]}) and month 12 the rest (${plan.months[11]}); the twelve add up to ${exactDecimal(annual)} exactly.`,
  });
};

export const safetyCostInput = z.strictObject({
  industry: z.enum(safetyCostIndustries),
  /** The line of business within the industry (mine class, project category, transport business…). */
  activity: z.string().min(1).optional(),
  mineType: z.enum(['underground', 'openPit']).optional(),
  /** Coal: the mine's disaster classes; an empty list means none. */
  coalHazards: z.array(z.enum(coalHazards)).optional(),
  prevYearRevenueYuan: decimalInput.optional(),
  /** Output of the month: tonnes, or thousand m³ for gas. */
  monthlyOutput: decimalInput.optional(),
  /** Construction and installation cost, direct engineering cost or project cost, by the industry's rule. */
  costBaseYuan: decimalInput.optional(),
  openingBalanceYuan: decimalInput.optional(),
  prevYearRequiredAmountYuan: decimalInput.optional(),
  actualUseYuan: decimalInput.optional(),
  annualRequiredAmountYuan: decimalInput.optional(),
  /** The day the enterprise started operating: new enterprises (under a year) take the current year's revenue. */
  operationStartDate: dateInput.optional(),
  currentYearRevenueYuan: decimalInput.optional(),
  /** Non-coal mines: the effective stored capacity of a tailings pond closed before the measures, in m³. */
  closedTailingsPondCapacityM3: decimalInput.optional(),
});
export type SafetyCostInput = z.input<typeof safetyCostInput>;

export interface SafetyCostResult {
  version: string | null;
  industry: string;
  basis: 'perUnit' | 'costShare' | 'revenueShare' | 'marginal' | null;
  /** false: the activity is outside the measure's classes (a hazardous-goods trader that neither produces nor stores); null: not yet known. */
  covered: boolean | null;
  rate: string | null;
  rateUnit: string | null;
  /** Figures computed from unverified data are returned but marked provisional (status unknown). */
  provisional: boolean;
  /** Per-unit and cost-share bases: the amount for the output or cost given. */
  amountYuan: string | null;
  /** Revenue bases: the year's amount and one twelfth of it accrued each month. */
  annualAmountYuan: string | null;
  monthlyAmountYuan: string | null;
  /** Twelve monthly amounts that add up exactly to the year's amount (the last month takes the remainder of cutting to the fen). */
  monthlyScheduleYuan: string[] | null;
  tiers: { from: string; to: string | null; rate: string; baseYuan: string; amountYuan: string }[];
  /** 2022 Art. 50: extraction paused this month. */
  suspended: boolean | null;
  /** 2022 Art. 51: spending below 60 % of the year's required amount. */
  underUse: boolean | null;
  /** New or under a year in operation on the accrual date (provisional: the rule rests on a secondary source). */
  newEnterprise: boolean | null;
  /** Where the text leaves a step undefined, the amounts it allows. */
  amountRangeYuan: { from: string; to: string } | null;
}

/** One row of the rates dataset, validated at load: a broken row stops with the file and field named. */
const rateRow = z.strictObject({
  industry: z.enum(safetyCostIndustries),
  activity: z.string().nullable(),
  kind: z.enum(['perUnit', 'costShare', 'revenueShare', 'marginal', 'notCovered', 'notAvailable']),
  rate: decimalCell.nullable(),
  table: z.string().nullable(),
  unit: z.string().nullable(),
  verified: z.boolean(),
  citation: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
});
type Row = z.output<typeof rateRow>;

export const safetyCost = (input: unknown, options?: CalculatorOptions): CalculatorDraft<SafetyCostResult> => {
  const facts = parseInput(safetyCostInput, input, 'input');
  const asOf = asOfDate(options);
  const result: SafetyCostResult = {
    version: null,
    industry: facts.industry,
    basis: null,
    covered: null,
    rate: null,
    rateUnit: null,
    provisional: false,
    amountYuan: null,
    annualAmountYuan: null,
    monthlyAmountYuan: null,
    monthlyScheduleYuan: null,
    tiers: [],
    suspended: null,
    underUse: null,
    newEnterprise: null,
    amountRangeYuan: null,
  };
  const document = versionInForce(safetyCostDocumentId, asOf);
  if (!document) {
    return { calculator: 'safety-cost', asOf, status: 'unknown', result, missing: [`document:${safetyCostDocumentId}`], reasons: [noVersionReason(safetyCostDocumentId, asOf)], citations: [] };
  }
  result.version = document.version;
  const citations = new Citations();
  const reasons: Bilingual[] = [{ zh: `计提期 ${asOf} 适用 ${document.number}。`, en: `An accrual on ${asOf} falls under ${document.number}.` }];
  const missing: string[] = [];
  const figure = (row: Row) => `figure:${document.id}@${document.version}/${String(row.industry)}${row.activity ? `/${String(row.activity)}` : ''}`;
  const rows = datasetRows(document, 'rates', rateRow).filter((row) => row.industry === facts.industry);
  const names = datasetRows(document, 'names', nameRow);
  const nameOf = (kind: string, code: string): string => names.find((row) => row.kind === kind && row.code === code)?.zh ?? code;

  const finish = (): CalculatorDraft<SafetyCostResult> => ({
    calculator: 'safety-cost',
    asOf,
    status: missing.length ? 'unknown' : 'decided',
    result,
    missing: [...new Set(missing)],
    reasons,
    citations: citations.list(),
  });

  if (!rows.length) {
    missing.push(`figure:${document.id}@${document.version}/${facts.industry}`);
    reasons.push({
      zh: `${document.number} 未单列${nameOf('industry', facts.industry)}行业；该行业在此版本下如何归类未核实。`,
      en: `${document.number} has no separate rate for ${facts.industry}; how it was classified under this version is not verified.`,
    });
    return finish();
  }

  if (facts.closedTailingsPondCapacityM3 !== undefined) return closedTailingsPond(facts, document, result, citations, reasons, missing, finish);

  let row: Row | undefined;
  if (facts.industry === 'coal') {
    if (facts.mineType === undefined) missing.push('input.mineType');
    else if (facts.mineType === 'underground' && facts.coalHazards === undefined) missing.push('input.coalHazards');
    else {
      const classes = facts.mineType === 'openPit' ? ['openPit'] : ['underground', ...(facts.coalHazards ?? [])];
      const applicable = rows.filter((candidate) => classes.includes(String(candidate.activity)));
      const highest = (list: Row[]) => list.reduce<Row | undefined>((best, next) => (!best || compare(toRational(String(next.rate)), toRational(String(best.rate))) > 0 ? next : best), undefined);
      // Several disasters: the highest rate applies (从高提取).
      row = highest(applicable);
      const verifiedHighest = highest(applicable.filter((candidate) => candidate.verified === true));
      if (row && row.verified !== true && verifiedHighest && compare(toRational(String(verifiedHighest.rate)), toRational(String(row.rate))) === 0) row = verifiedHighest;
      if (applicable.length > 1) {
        reasons.push({
          zh: `多种灾害并存的矿井从高提取：${applicable.map((candidate) => `${String(candidate.zh)} ${String(candidate.rate)}元/吨`).join('，')}。`,
          en: `A mine with several disasters takes the highest rate: ${applicable.map((candidate) => `${String(candidate.en)} CNY ${String(candidate.rate)}/t`).join(', ')}.`,
        });
      }
      const ignored = (facts.coalHazards ?? []).filter((hazard) => !rows.some((candidate) => candidate.activity === hazard));
      if (facts.mineType === 'underground' && ignored.length) {
        reasons.push({
          zh: `本版未单列${ignored.map((hazard) => nameOf('coalHazard', hazard)).join('、')}，按其他类别计。`,
          en: `This version has no separate class for ${ignored.join(', ')}; the other classes decide.`,
        });
      }
    }
  } else {
    const activities = rows.map((candidate) => candidate.activity).filter((activity): activity is string => typeof activity === 'string');
    if (activities.length) {
      if (facts.activity === undefined) {
        missing.push('input.activity');
        reasons.push({ zh: `须指明业务类别：${rows.filter((candidate) => typeof candidate.activity === 'string').map((candidate) => String(candidate.zh)).join('、')}。`, en: `The activity decides the rate: one of ${activities.join(', ')}.` });
      } else {
        row = rows.find((candidate) => candidate.activity === facts.activity);
        if (!row) throw new InputError([{ path: 'input.activity', message: `expected one of ${activities.join(', ')} for ${facts.industry} under ${document.number}, got ${JSON.stringify(facts.activity)}` }]);
      }
    } else {
      // An activity the data does not distinguish for this industry is refused, never silently ignored.
      if (facts.activity !== undefined) throw new InputError([{ path: 'input.activity', message: `${facts.industry} under ${document.number} has no activity classes; leave activity out, got ${JSON.stringify(facts.activity)}` }]);
      row = rows[0];
    }
  }
  if (!row) return finish();
  if (String(row.kind) === 'notCovered') {
    result.covered = false;
    citations.add(document, String(row.citation));
    reasons.push({ zh: `${String(row.zh)}。`, en: `${String(row.en)}.` });
    return finish();
  }
  result.covered = true;

  citations.add(document, String(row.citation));
  const kind = String(row.kind);
  if (kind === 'notAvailable') {
    missing.push(figure(row));
    reasons.push({
      zh: `${String(row.zh)}：提取标准未能从可核实的来源取得，不作推测。`,
      en: `${String(row.en)}: the rate could not be taken from a verified source and is not guessed.`,
    });
    return finish();
  }
  result.basis = kind as SafetyCostResult['basis'];
  result.rateUnit = row.unit === null ? null : String(row.unit);
  if (row.verified !== true) {
    result.provisional = true;
    missing.push(figure(row));
    reasons.push({
      zh: `${String(row.zh)}：该标准未核实，下列金额仅为暂定，不作结论。`,
      en: `${String(row.en)}: this rate is not verified; the amounts below are provisional, not a decision.`,
    });
  }

  const revenueBased = kind === 'marginal' || kind === 'revenueShare';
  const basis = revenueBased ? revenueBasis(facts, asOf, document, result, citations, reasons, missing) : undefined;
  if (kind === 'marginal') {
    const table = requireTable(document, String(row.table));
    if (basis?.revenue === undefined) missing.push(basis?.field ?? 'input.prevYearRevenueYuan');
    else {
      const revenue = toRational(basis.revenue);
      const { total, parts } = marginalAmount(table, revenue);
      result.annualAmountYuan = exactDecimal(total);
      if (basis.monthly) {
        result.monthlyAmountYuan = show(divide(total, toRational(12)), 2);
        schedule(result, total, reasons);
      }
      result.tiers = parts.map((part) => ({ from: part.from, to: part.to, rate: part.rate, baseYuan: show(part.base, 2), amountYuan: show(part.amount, 2) }));
      reasons.push({
        zh: `${basis.zh} ${show(revenue, 2)} 元，超额累退：${parts.map((part) => `${show(part.base, 2)}×${part.rate}`).join(' + ')} = ${show(total, 2)} 元/年${basis.monthly ? `，逐月平均 ${result.monthlyAmountYuan} 元` : ''}。`,
        en: `Revenue CNY ${show(revenue, 2)}, marginal tiers: ${parts.map((part) => `${show(part.base, 2)}×${part.rate}`).join(' + ')} = CNY ${show(total, 2)} a year${basis.monthly ? `, ${result.monthlyAmountYuan} a month` : ''}.`,
      });
    }
  } else {
    const rate = toRational(String(row.rate));
    result.rate = show(rate);
    if (kind === 'revenueShare') {
      if (basis?.revenue === undefined) missing.push(basis?.field ?? 'input.prevYearRevenueYuan');
      else {
        const total = multiply(rate, toRational(basis.revenue));
        result.annualAmountYuan = exactDecimal(total);
        if (basis.monthly) {
          result.monthlyAmountYuan = show(divide(total, toRational(12)), 2);
          schedule(result, total, reasons);
        }
        reasons.push({ zh: `${String(row.zh)}：${basis.zh} × ${show(rate)} = ${result.annualAmountYuan} 元/年。`, en: `${String(row.en)}: previous-year revenue × ${show(rate)} = CNY ${result.annualAmountYuan} a year.` });
      }
    } else if (kind === 'perUnit') {
      if (facts.monthlyOutput === undefined) missing.push('input.monthlyOutput');
      else {
        const amount = multiply(rate, toRational(facts.monthlyOutput));
        result.amountYuan = show(amount, 2);
        reasons.push({
          zh: `${String(row.zh)}：当月实际产量 ${String(facts.monthlyOutput)} × ${show(rate)} ${nameOf('unit', String(row.unit))} = ${result.amountYuan} 元，月末提取。`,
          en: `${String(row.en)}: the month's actual output ${String(facts.monthlyOutput)} × ${show(rate)} ${String(row.unit)} = CNY ${result.amountYuan}, accrued at month end.`,
        });
      }
    } else if (kind === 'costShare') {
      if (facts.costBaseYuan === undefined) missing.push('input.costBaseYuan');
      else {
        const amount = multiply(rate, toRational(facts.costBaseYuan));
        result.amountYuan = show(amount, 2);
        reasons.push({ zh: `${String(row.zh)}：${String(facts.costBaseYuan)} 元 × ${show(rate)} = ${result.amountYuan} 元。`, en: `${String(row.en)}: CNY ${String(facts.costBaseYuan)} × ${show(rate)} = CNY ${result.amountYuan}.` });
      }
    }
  }

  // Balance rule: automatic under 2022 (Art. 50); under 2012 only with approval, so not decided here.
  const suspend = document.parameters.suspendBalanceMultiple;
  if (facts.openingBalanceYuan !== undefined || facts.prevYearRequiredAmountYuan !== undefined) {
    if (!suspend) {
      const small = document.parameters.smallEnterpriseBalanceShare;
      const large = document.parameters.largeEnterpriseBalanceShare;
      if (small) citations.add(document, small.citation);
      const shares = small && large ? `${String(small.value)} / ${String(large.value)}` : '—';
      reasons.push({
        zh: `本版没有自动暂停提取的规则：结余达到上年度营业收入的一定比例（中小微型 / 大型：${shares}）时，经主管部门同意可缓提或少提。`,
        en: `This version has no automatic pause: at a balance of a share of revenue (small and medium / large: ${shares}) the enterprise may defer or reduce with the regulator’s approval.`,
      });
    } else if (facts.openingBalanceYuan === undefined) missing.push('input.openingBalanceYuan');
    else if (facts.prevYearRequiredAmountYuan === undefined) missing.push('input.prevYearRequiredAmountYuan');
    else {
      const limit = multiply(parameterValue(document, 'suspendBalanceMultiple'), toRational(facts.prevYearRequiredAmountYuan));
      result.suspended = compare(toRational(facts.openingBalanceYuan), limit) >= 0;
      citations.add(document, suspend.citation);
      reasons.push({
        zh: `月初结余 ${String(facts.openingBalanceYuan)} 元${result.suspended ? '达到' : '低于'}上一年应计提金额的 ${String(suspend.value)} 倍（${show(limit, 2)} 元）：当月${result.suspended ? '暂停提取' : '照常提取'}（“及以上”含等号）。`,
        en: `Opening balance CNY ${String(facts.openingBalanceYuan)} is ${result.suspended ? 'at or above' : 'below'} ${String(suspend.value)} times last year's required amount (CNY ${show(limit, 2)}): extraction ${result.suspended ? 'pauses' : 'continues'} this month.`,
      });
    }
  }
  const underUse = document.parameters.underUseShare;
  if (underUse && facts.actualUseYuan !== undefined) {
    const required: Rational | null = facts.annualRequiredAmountYuan !== undefined ? toRational(facts.annualRequiredAmountYuan) : result.annualAmountYuan !== null && !result.provisional ? toRational(result.annualAmountYuan) : null;
    if (required === null) missing.push('input.annualRequiredAmountYuan');
    else {
      const limit = multiply(parameterValue(document, 'underUseShare'), required);
      result.underUse = compare(toRational(facts.actualUseYuan), limit) < 0;
      citations.add(document, underUse.citation);
      reasons.push({
        zh: `当年实际使用 ${String(facts.actualUseYuan)} 元${result.underUse ? '不足' : '不低于'}应计提金额的 ${String(underUse.value)} 倍（${show(limit, 2)} 元）${result.underUse ? `：须信息披露，并于下一年度${String(requireParameter(document, 'underUseReportByMonth').value)}月底前报告（报告对象未核实）` : ''}。`,
        en: `Actual spending CNY ${String(facts.actualUseYuan)} is ${result.underUse ? 'below' : 'not below'} ${String(underUse.value)} of the required amount (CNY ${show(limit, 2)})${result.underUse ? `: it must be disclosed and reported by the end of month ${String(requireParameter(document, 'underUseReportByMonth').value)} next year (recipient not verified)` : ''}.`,
      });
    }
  }
  return finish();
};

const nameRow = z.object({ kind: z.string(), code: z.string(), zh: z.string() });

type Facts = z.output<typeof safetyCostInput>;

/**
 * Which revenue a revenue-based extraction uses. A new enterprise (under the data's years in operation on
 * the accrual date, “不足” excluding the anniversary) takes the current year's revenue, as the version says:
 * at year end (2022) or monthly (2012). Both rest on secondary sources, so the figures are provisional.
 */
const revenueBasis = (facts: Facts, asOf: string, document: LoadedDocument, result: SafetyCostResult, citations: Citations, reasons: Bilingual[], missing: string[]): { revenue?: DecimalInput; field: string; zh: string; monthly: boolean } => {
  const previous = { revenue: facts.prevYearRevenueYuan, field: 'input.prevYearRevenueYuan', zh: '上一年度营业收入', monthly: true };
  const years = document.parameters.newEnterpriseUnderYears;
  if (facts.operationStartDate === undefined || !years) return previous;
  const anniversary = addCalendar(facts.operationStartDate, Number(years.value));
  result.newEnterprise = asOf < anniversary;
  citations.add(document, years.citation);
  if (!result.newEnterprise) {
    reasons.push({ zh: `${facts.operationStartDate} 投产，至 ${asOf} 已满${String(years.value)}年（自 ${anniversary} 起不再属投产不足一年），按上一年度营业收入提取。`, en: `In operation since ${facts.operationStartDate}: a full ${String(years.value)} year(s) by ${asOf}, so the previous year's revenue applies.` });
    return previous;
  }
  const yearEnd = String(requireParameter(document, 'newEnterpriseBasis').value) === 'yearEndOnCurrentRevenue';
  if (years.verified !== true) {
    result.provisional = true;
    missing.push(`figure:${document.id}@${document.version}/newEnterpriseUnderYears`);
  }
  reasons.push({
    zh: `${facts.operationStartDate} 投产，至 ${asOf} 投产不足${String(years.value)}年（${anniversary} 起满${String(years.value)}年，起算日按投产日属解释）：${yearEnd ? '当年安全生产费用据实列支，年末以当年营业收入为依据计算提取，不逐月平均' : '以当年实际营业收入为依据，按月计提'}。该规则只有二手来源，金额为暂定。`,
    en: `In operation since ${facts.operationStartDate}, under ${String(years.value)} year(s) on ${asOf}: ${yearEnd ? 'actual spending is charged during the year and the extraction is computed on the current year\'s revenue at year end' : 'extraction accrues monthly on the current year\'s actual revenue'}. The rule rests on a secondary source: provisional.`,
  });
  return { revenue: facts.currentYearRevenueYuan, field: 'input.currentYearRevenueYuan', zh: '当年营业收入', monthly: !yearEnd };
};

/** Tailings ponds closed before the 2012 measures: a yearly amount by stored capacity, in steps with a ceiling; removed in 2022. */
const closedTailingsPond = (
  facts: Facts,
  document: LoadedDocument,
  result: SafetyCostResult,
  citations: Citations,
  reasons: Bilingual[],
  missing: string[],
  finish: () => CalculatorDraft<SafetyCostResult>,
): CalculatorDraft<SafetyCostResult> => {
  if (facts.industry !== 'nonCoalMining') throw new InputError([{ path: 'input.closedTailingsPondCapacityM3', message: `expected industry nonCoalMining for a closed tailings pond, got ${facts.industry}` }]);
  if (facts.activity !== undefined) throw new InputError([{ path: 'input.activity', message: 'leave activity out for a closed tailings pond' }]);
  const rule = requireParameter(document, 'closedTailingsPondByCapacity');
  citations.add(document, rule.citation);
  if (rule.value !== true) {
    result.covered = false;
    reasons.push({ zh: `已闭库尾矿库：${document.number} 不再按库容提取安全生产费用。`, en: `Closed tailings pond: ${document.number} no longer extracts by capacity.` });
    return finish();
  }
  result.covered = true;
  const value = (id: string) => parameterValue(document, id);
  const capacity = toRational(facts.closedTailingsPondCapacityM3!);
  const baseCapacity = value('closedPondBaseCapacityM3');
  const step = value('closedPondStepM3');
  const ceiling = value('closedPondCapYuan');
  const capped = (amount: Rational) => (compare(amount, ceiling) > 0 ? ceiling : amount);
  const amountFor = (steps: bigint) => capped(add(value('closedPondBaseYuan'), multiply(value('closedPondStepYuan'), toRational(steps))));
  let low: Rational;
  let high: Rational;
  if (compare(capacity, baseCapacity) <= 0) low = high = amountFor(0n);
  else {
    const excess = divide(subtract(capacity, baseCapacity), step);
    const whole = excess.n / excess.d;
    low = amountFor(whole);
    high = excess.n % excess.d === 0n ? low : amountFor(whole + 1n);
  }
  const unit = (id: string) => show(value(id), 2);
  if (compare(low, high) === 0) {
    result.annualAmountYuan = show(low, 2);
    reasons.push({
      zh: `办法下发前已闭库的尾矿库，已堆存尾砂有效库容 ${show(capacity, 2)} 立方米：${unit('closedPondBaseCapacityM3')} 立方米以下（含本数）每年 ${unit('closedPondBaseYuan')} 元，超过部分每增加 ${unit('closedPondStepM3')} 立方米增加 ${unit('closedPondStepYuan')} 元，每年最高不超过 ${unit('closedPondCapYuan')} 元 → 每年 ${result.annualAmountYuan} 元。`,
      en: `Tailings pond closed before the measures, capacity ${show(capacity, 2)} m³: CNY ${result.annualAmountYuan} a year.`,
    });
  } else {
    result.amountRangeYuan = { from: show(low, 2), to: show(high, 2) };
    missing.push(`figure:${document.id}@${document.version}/closedPondStepYuan`);
    reasons.push({
      zh: `已堆存尾砂有效库容 ${show(capacity, 2)} 立方米：超过 ${unit('closedPondBaseCapacityM3')} 立方米的部分不是 ${unit('closedPondStepM3')} 立方米的整数倍，零头是否计一档原文未规定 → 每年 ${result.amountRangeYuan.from} 至 ${result.amountRangeYuan.to} 元。`,
      en: `Capacity ${show(capacity, 2)} m³: the excess is not a whole number of steps and the text does not say whether a part counts → CNY ${result.amountRangeYuan.from} to ${result.amountRangeYuan.to} a year.`,
    });
  }
  return finish();
};
