// Accident level (条例493号) from deaths, serious injuries and direct loss, with the reporting and
// investigation deadlines it sets and the fines of the Work Safety Law version in force on the accident date.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import type { LoadedDocument } from '../documents/load.js';
import { compare, multiply, toRational } from '../exact/rational.js';
import { parseInput } from '../validation/issues.js';
import { addDays, hoursDeadline, timeDeadlineReason, type TimeDeadline } from './deadline.js';
import {
  asOfDate,
  Citations,
  countInput,
  dateInput,
  decimalInput,
  lookupBand,
  noVersionReason,
  parameterValue,
  requireDataset,
  requireParameter,
  requireTable,
  show,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
} from './result.js';

export const accidentLevelDocumentId = 'accident-levels';
export const accidentPenaltiesDocumentId = 'work-safety-law-penalties';

export const accidentLevels = ['general', 'larger', 'major', 'extraordinary'] as const;
export type AccidentLevel = (typeof accidentLevels)[number];

const dateTimeInput = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'expected a date-time such as 2025-03-01T08:30:00+08:00');

export const accidentLevelInput = z.strictObject({
  deaths: countInput.optional(),
  /** Serious injuries, acute industrial poisoning included. */
  seriousInjuries: countInput.optional(),
  directEconomicLossYuan: decimalInput.optional(),
  /** The accident date picks the Work Safety Law version whose fines apply; defaults to asOf. */
  accidentDate: dateInput.optional(),
  accidentType: z.enum(['roadTraffic', 'fire', 'other']).optional(),
  principalPrevYearIncomeYuan: decimalInput.optional(),
  especiallySeriousAndBadImpact: z.boolean().optional(),
  unitHeadReceivedAt: dateTimeInput.optional(),
  reportedToGovAt: dateTimeInput.optional(),
  /** A level already determined (by the authority), used when the figures do not decide it. */
  knownLevel: z.enum(accidentLevels).optional(),
  /** Each step of the regulators' escalation (county → city → province → State Council): when it received and when it reported on. */
  escalationSteps: z.array(z.strictObject({ receivedAt: dateTimeInput, reportedAt: dateTimeInput.optional() })).max(10, 'expected at most 10 steps').optional(),
  /** The day the casualty count changed after the report (the figures given are the new ones). */
  casualtyChangeDate: dateInput.optional(),
});
export type AccidentLevelInput = z.input<typeof accidentLevelInput>;

export interface AccidentLevelResult {
  level: AccidentLevel | null;
  /** The lowest level the known figures already reach (the level itself once decided). */
  atLeast: AccidentLevel;
  name: Bilingual | null;
  byCriterion: { deaths: AccidentLevel | null; seriousInjuries: AccidentLevel | null; directEconomicLoss: AccidentLevel | null };
  reporting: {
    unitHeadDeadlineHours: string;
    escalationStepHours: string;
    reportedUpTo: Bilingual | null;
    supplementaryReportDays: string | null;
    unitHeadReportOnTime: boolean | null;
    /** Departments the regulator notifies whatever the level. */
    notify: Bilingual[];
    /** The unit head's report and each escalation step as verdicts. */
    deadlines: TimeDeadline[];
    /** A casualty change: the last day of the window, and whether it must be reported (and the level re-determined). */
    supplementary: { windowEndDate: string; changeDate: string; required: boolean } | null;
  };
  /** The levels the known figures allow (from = to once decided); narrowed by the inputs in `missing`. */
  range: { from: AccidentLevel; to: AccidentLevel };
  investigation: { investigator: Bilingual | null; reportDueDays: string; extensionMaxDays: string; approvalDays: string | null } | null;
  fines: null | {
    lawVersion: string;
    enterprise: { minYuan: string; maxYuan: string };
    enterpriseEspeciallySerious: { minYuan: string; maxYuan: string } | null;
    principal: { incomeRate: string; amountYuan: string | null };
  };
}

const levelOfRank = (rank: number): AccidentLevel => accidentLevels[rank - 1] ?? 'general';


const rowOf = (document: LoadedDocument, dataset: string, level: AccidentLevel) =>
  requireDataset(document, dataset).rows.find((row) => row.level === level);

const text = (value: unknown): string => String(value);

export const accidentLevel = (input: unknown, options?: CalculatorOptions): CalculatorDraft<AccidentLevelResult> => {
  const facts = parseInput(accidentLevelInput, input, 'input');
  const asOf = asOfDate(options);
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const document = versionInForce(accidentLevelDocumentId, asOf);
  const emptyResult: AccidentLevelResult = {
    level: null,
    atLeast: 'general',
    name: null,
    byCriterion: { deaths: null, seriousInjuries: null, directEconomicLoss: null },
    reporting: { unitHeadDeadlineHours: '', escalationStepHours: '', reportedUpTo: null, supplementaryReportDays: null, unitHeadReportOnTime: null, notify: [], deadlines: [], supplementary: null },
    range: { from: 'general', to: accidentLevels[accidentLevels.length - 1]! },
    investigation: null,
    fines: null,
  };
  if (!document) {
    return { calculator: 'accident-level', asOf, status: 'unknown', result: emptyResult, missing: [`document:${accidentLevelDocumentId}`], reasons: [noVersionReason(accidentLevelDocumentId, asOf)], citations: [] };
  }

  const criteria = [
    { field: 'deaths', table: 'levelByDeaths', value: facts.deaths, zh: '死亡人数', en: 'deaths', unit: '人' },
    { field: 'seriousInjuries', table: 'levelBySeriousInjuries', value: facts.seriousInjuries, zh: '重伤人数', en: 'serious injuries', unit: '人' },
    { field: 'directEconomicLossYuan', table: 'levelByDirectLoss', value: facts.directEconomicLossYuan, zh: '直接经济损失', en: 'direct economic loss', unit: '元' },
  ] as const;
  const ranks: (number | null)[] = criteria.map((criterion) => {
    const table = requireTable(document, criterion.table);
    citations.add(document, table.citation);
    if (criterion.value === undefined) {
      missing.push(`input.${criterion.field}`);
      return null;
    }
    const band = lookupBand(table, toRational(criterion.value));
    if (!band) throw new Error(`${document.file}: ${criterion.table} has no band for ${String(criterion.value)}`);
    const rank = Number(band.value);
    const levelName = requireDataset(document, 'levels').rows.find((row) => row.rank === rank);
    const edges = [band.from === null ? '' : `${band.fromInclusive ? '≥' : '>'} ${String(band.from)}`, band.to === null ? '' : `${band.toInclusive ? '≤' : '<'} ${String(band.to)}`].filter(Boolean).join(' 且 ');
    reasons.push({
      zh: `${criterion.zh} ${String(criterion.value)}${criterion.unit} → ${text(levelName?.zh)}（${edges}${criterion.unit}，${table.citation}）`,
      en: `${criterion.en} ${String(criterion.value)} → ${text(levelName?.en)} (${edges}, ${table.citation})`,
    });
    return rank;
  });
  const knownRanks = ranks.filter((rank): rank is number => rank !== null);
  const highestKnown = knownRanks.length ? Math.max(...knownRanks) : 1;
  // The level is the highest any criterion reaches; a missing figure can only raise it, so the
  // known figures decide once they reach the top level.
  const fromFigures = missing.length === 0 || highestKnown === accidentLevels.length;
  // An officer may give the level already determined; figures that decide it take precedence.
  const givenRank = facts.knownLevel === undefined ? null : accidentLevels.indexOf(facts.knownLevel) + 1;
  const decided = fromFigures || (givenRank !== null && givenRank >= highestKnown);
  if (!fromFigures && givenRank !== null) {
    reasons.push(
      givenRank >= highestKnown
        ? { zh: `按已认定的等级计（已知指标与之不矛盾）。`, en: 'The level given as determined is used (the known figures do not contradict it).' }
        : { zh: `已认定的等级低于已知指标达到的等级，不予采用。`, en: 'The level given is below what the known figures reach; it is not used.' },
    );
  }
  if (decided) missing.length = 0;
  const rank = fromFigures ? highestKnown : decided ? givenRank : null;
  const level = rank === null ? null : levelOfRank(rank);
  const levels = requireDataset(document, 'levels');
  const row = level ? levels.rows.find((candidate) => candidate.level === level) : undefined;
  if (level && row) {
    reasons.push({
      zh: `三项指标中达到的最高等级为${text(row.zh)}（各项以“或者”连接，取最高者：通行解释）。`,
      en: `The highest level any criterion reaches is: ${text(row.en)} (the criteria are joined by “or”; the usual reading takes the highest).`,
    });
  } else {
    const floor = levels.rows.find((candidate) => candidate.rank === highestKnown);
    reasons.push({
      zh: `已知指标至少构成${text(floor?.zh)}；缺少的指标可能使等级更高。`,
      en: `The known figures reach at least: ${text(floor?.en)}; the missing ones could raise the level.`,
    });
  }

  const unitHeadHours = parameterValue(document, 'unitHeadReportHours');
  citations.add(document, requireParameter(document, 'unitHeadReportHours').citation);
  citations.add(document, requireParameter(document, 'escalationStepHours').citation);
  const deadlineRows = new Map(requireDataset(document, 'reportingDeadlines').rows.map((row) => [text(row.id), row]));
  const periodOf = (id: string) => {
    const row = deadlineRows.get(id);
    if (!row) throw new Error(`${document.file}: reportingDeadlines has no row ${id}`);
    const parameter = requireParameter(document, text(row.parameter));
    return { id, duty: { zh: text(row.zh), en: text(row.en) }, amount: Number(parameter.value), dueDateIncluded: row.lastIncluded === true, citation: parameter.citation, reading: text(row.reading) };
  };
  const timeDeadlines: TimeDeadline[] = [];
  if (facts.unitHeadReceivedAt) timeDeadlines.push(hoursDeadline(periodOf('unitHead'), facts.unitHeadReceivedAt, facts.reportedToGovAt));
  for (const step of facts.escalationSteps ?? []) timeDeadlines.push(hoursDeadline(periodOf('escalation'), step.receivedAt, step.reportedAt));
  for (const verdict of timeDeadlines) reasons.push(timeDeadlineReason(verdict));
  let onTime: boolean | null = null;
  if (facts.unitHeadReceivedAt && facts.reportedToGovAt) {
    const minutes = toRational((Date.parse(facts.reportedToGovAt) - Date.parse(facts.unitHeadReceivedAt)) / 60_000);
    // “1小时内”: the text does not say whether the 60th minute counts; we read it as included.
    onTime = compare(minutes, multiply(unitHeadHours, toRational(60))) <= 0;
    reasons.push({
      zh: `单位负责人接到报告后 ${show(minutes)} 分钟报告政府部门：${onTime ? '在' : '超过'} ${show(unitHeadHours)} 小时内（恰在时限上按合规，属解释）。`,
      en: `The unit head reported ${show(minutes)} minutes after receiving the report: ${onTime ? 'within' : 'beyond'} ${show(unitHeadHours)} h (exactly on the limit read as on time).`,
    });
  }
  const roadOrFire = facts.accidentType === 'roadTraffic' || facts.accidentType === 'fire';
  const supplementaryParameter = roadOrFire ? 'supplementaryReportDaysRoadTrafficOrFire' : 'supplementaryReportDays';
  const supplementaryDays = facts.accidentType === undefined ? null : show(parameterValue(document, supplementaryParameter));
  citations.add(document, requireParameter(document, supplementaryParameter).citation);
  let supplementary: AccidentLevelResult['reporting']['supplementary'] = null;
  if (facts.casualtyChangeDate !== undefined) {
    if (facts.accidentDate === undefined || facts.accidentType === undefined) {
      reasons.push({ zh: '判断补报须给出事故发生日期和事故类型（道路交通、火灾或其他）。', en: 'Whether a casualty change must be reported needs the accident date and type.' });
    } else {
      const period = periodOf(roadOrFire ? 'supplementaryRoadTrafficOrFire' : 'supplementary');
      const windowEndDate = addDays(facts.accidentDate, period.amount);
      const required = period.dueDateIncluded ? facts.casualtyChangeDate <= windowEndDate : facts.casualtyChangeDate < windowEndDate;
      supplementary = { windowEndDate, changeDate: facts.casualtyChangeDate, required };
      reasons.push({
        zh: `伤亡人数于 ${facts.casualtyChangeDate} 变化；补报期限至 ${windowEndDate}（含当日）→ ${required ? '须补报，并按变化后的人数重新确定等级' : '已过补报期限，不触发补报，也不改变据以调查的等级'}。${period.reading}`,
        en: `Casualties changed on ${facts.casualtyChangeDate}; the window ends ${windowEndDate} → ${required ? 'must be reported, and the level re-determined on the new figures' : 'past the window: no supplementary report, the level used for the investigation stands'}.`,
      });
    }
  }
  if (supplementaryDays !== null && facts.accidentDate) {
    reasons.push({
      zh: `伤亡人数自事故发生之日起 ${supplementaryDays} 日内发生变化的应及时补报（至 ${addDays(facts.accidentDate, Number(supplementaryDays))}，按日历日推算）。`,
      en: `A change in casualties within ${supplementaryDays} days of the accident must be reported (until ${addDays(facts.accidentDate, Number(supplementaryDays))}, counting calendar days).`,
    });
  }

  const result: AccidentLevelResult = {
    level,
    atLeast: levelOfRank(highestKnown),
    name: row ? { zh: text(row.zh), en: text(row.en) } : null,
    byCriterion: {
      deaths: ranks[0] ? levelOfRank(ranks[0]) : null,
      seriousInjuries: ranks[1] ? levelOfRank(ranks[1]) : null,
      directEconomicLoss: ranks[2] ? levelOfRank(ranks[2]) : null,
    },
    reporting: {
      unitHeadDeadlineHours: show(unitHeadHours),
      escalationStepHours: show(parameterValue(document, 'escalationStepHours')),
      reportedUpTo: row ? { zh: text(row.reportEndpointZh), en: text(row.reportEndpointEn) } : null,
      supplementaryReportDays: supplementaryDays,
      unitHeadReportOnTime: onTime,
      notify: requireDataset(document, 'notifiedDepartments').rows.map((department) => ({ zh: text(department.zh), en: text(department.en) })),
      deadlines: timeDeadlines,
      supplementary,
    },
    range: { from: level ?? levelOfRank(highestKnown), to: level ?? accidentLevels[accidentLevels.length - 1]! },
    investigation: row
      ? {
          investigator: { zh: text(row.investigatorZh), en: text(row.investigatorEn) },
          reportDueDays: show(parameterValue(document, 'investigationReportDays')),
          extensionMaxDays: show(parameterValue(document, 'investigationExtensionMaxDays')),
          approvalDays: show(parameterValue(document, level === 'extraordinary' ? 'approvalDaysExtraordinary' : 'approvalDays')),
        }
      : null,
    fines: null,
  };
  citations.add(document, requireDataset(document, 'notifiedDepartments').citation);
  if (row) {
    citations.add(document, levels.citation);
    citations.add(document, requireParameter(document, 'investigationReportDays').citation);
    citations.add(document, requireParameter(document, level === 'extraordinary' ? 'approvalDaysExtraordinary' : 'approvalDays').citation);
  }
  if (!level) {
    reasons.push({
      zh: `已知指标允许的等级范围：${text(levels.rows.find((candidate) => candidate.rank === highestKnown)?.zh)}至${text(levels.rows.find((candidate) => candidate.rank === accidentLevels.length)?.zh)}；补充${criteria.filter((criterion) => criterion.value === undefined).map((criterion) => criterion.zh).join('、')}可确定。`,
      en: `The known figures allow ${levelOfRank(highestKnown)} to ${accidentLevels[accidentLevels.length - 1]}; the missing inputs would decide it.`,
    });
  }

  if (level) {
    const accidentDate = facts.accidentDate ?? asOf;
    const law = versionInForce(accidentPenaltiesDocumentId, accidentDate);
    if (!law) {
      reasons.push({
        zh: `事故发生日 ${accidentDate} 没有收录的 ${accidentPenaltiesDocumentId} 版本（更早的数额未编码），不计算罚款。`,
        en: `No version of ${accidentPenaltiesDocumentId} covers an accident on ${accidentDate} (earlier amounts are not encoded); no fines computed.`,
      });
    } else {
      const fine = rowOf(law, 'accidentFines', level);
      if (!fine) throw new Error(`${law.file}: accidentFines has no row for ${level}`);
      citations.add(law, text(fine.enterpriseCitation));
      citations.add(law, text(fine.principalCitation));
      const rate = toRational(text(fine.principalIncomeRate));
      const amount = facts.principalPrevYearIncomeYuan === undefined ? null : multiply(rate, toRational(facts.principalPrevYearIncomeYuan));
      let especially: { minYuan: string; maxYuan: string } | null = null;
      if (fine.especiallySeriousMinYuan != null && fine.especiallySeriousMaxYuan != null) {
        especially = { minYuan: text(fine.especiallySeriousMinYuan), maxYuan: text(fine.especiallySeriousMaxYuan) };
      } else if (law.parameters.especiallySeriousMultiplierMin && law.parameters.especiallySeriousMultiplierMax) {
        const low = parameterValue(law, 'especiallySeriousMultiplierMin');
        const high = parameterValue(law, 'especiallySeriousMultiplierMax');
        especially = {
          minYuan: show(multiply(low, toRational(text(fine.enterpriseMinYuan)))),
          maxYuan: show(multiply(high, toRational(text(fine.enterpriseMaxYuan)))),
        };
        citations.add(law, law.parameters.especiallySeriousMultiplierMin.citation);
      }
      result.fines = {
        lawVersion: law.version,
        enterprise: { minYuan: text(fine.enterpriseMinYuan), maxYuan: text(fine.enterpriseMaxYuan) },
        enterpriseEspeciallySerious: especially,
        principal: { incomeRate: show(rate), amountYuan: amount === null ? null : show(amount, 2) },
      };
      reasons.push({
        zh: `事故发生日 ${accidentDate} 适用安全生产法 ${law.version} 版：对负有责任的单位处 ${text(fine.enterpriseMinYuan)} 元以上 ${text(fine.enterpriseMaxYuan)} 元以下罚款（两端含本数）；主要负责人未履职导致事故的，处上一年年收入 ${show(multiply(rate, toRational(100)))}% 的罚款${amount === null ? '（未提供上一年年收入，金额未算）' : `，即 ${show(amount, 2)} 元`}。`,
        en: `An accident on ${accidentDate} falls under the ${law.version} Work Safety Law: the responsible enterprise is fined CNY ${text(fine.enterpriseMinYuan)}–${text(fine.enterpriseMaxYuan)} (both ends included); a principal whose failure of duty led to it is fined ${show(multiply(rate, toRational(100)))}% of previous-year income${amount === null ? ' (no income given, amount not computed)' : `, i.e. CNY ${show(amount, 2)}`}.`,
      });
      if (especially && facts.especiallySeriousAndBadImpact) {
        reasons.push({
          zh: `情节特别严重、影响特别恶劣：单位罚款可为 ${especially.minYuan} 元至 ${especially.maxYuan} 元（“可以”，属裁量）。`,
          en: `Especially serious with especially bad impact: the enterprise fine may be CNY ${especially.minYuan}–${especially.maxYuan} (discretionary).`,
        });
      }
    }
  }

  return {
    calculator: 'accident-level',
    asOf,
    status: decided ? 'decided' : 'unknown',
    result,
    missing: [...missing],
    reasons,
    citations: citations.list(),
  };
};

