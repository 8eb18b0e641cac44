// Work-safety liability insurance (安全生产责任保险): whether a business must insure, by the measures in
// force on the policy date, and whether its death-and-disability cover per person reaches the minimum.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { compare, toRational } from '../exact/rational.js';
import { parseInput } from '../validation/issues.js';
import { datasetRows, listCell } from './data.js';
import {
  asOfDate,
  Citations,
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

export const liabilityInsuranceDocumentId = 'safety-liability-insurance';

export const liabilityInsuranceInput = z.strictObject({
  /** The business's industry (coalMine, nonCoalMine, hazardousChemicals, fireworks, transport, construction, civilExplosives, metalSmelting, fishery, or another). */
  industry: z.string().min(1).max(60).optional(),
  insured: z.boolean().optional(),
  deathDisabilityLimitPerPersonYuan: decimalInput.optional(),
  /** The date of the policy or of the inspection: it picks the measures in force (default: asOf). */
  policyDate: dateInput.optional(),
});

export interface LiabilityInsuranceResult {
  version: string | null;
  /** true: a listed high-risk industry; null: not listed, but the list ends with “etc.”, or no industry given. */
  mustInsure: boolean | null;
  insuredAsRequired: boolean | null;
  minimumLimitYuan: string | null;
  minimumLimitVerified: boolean | null;
  limitMeetsMinimum: boolean | null;
}

const industryRow = z.object({ zh: z.string().min(1), industries: listCell });

export const liabilityInsurance = (input: unknown, options?: CalculatorOptions): CalculatorDraft<LiabilityInsuranceResult> => {
  const facts = parseInput(liabilityInsuranceInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const date = facts.policyDate ?? asOf;
  const result: LiabilityInsuranceResult = { version: null, mustInsure: null, insuredAsRequired: null, minimumLimitYuan: null, minimumLimitVerified: null, limitMeetsMinimum: null };
  const document = versionInForce(liabilityInsuranceDocumentId, date);
  if (!document) {
    return { calculator: 'liability-insurance', asOf, status: 'unknown', result, missing: [`document:${liabilityInsuranceDocumentId}`], reasons: [noVersionReason(liabilityInsuranceDocumentId, date)], citations: [] };
  }
  result.version = document.version;
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const list = requireDataset(document, 'mandatoryIndustries');
  const rows = datasetRows(document, 'mandatoryIndustries', industryRow);
  citations.add(document, list.citation);
  if (facts.industry === undefined) missing.push('input.industry');
  else {
    const row = rows.find((candidate) => candidate.industries.includes(facts.industry!));
    result.mustInsure = row ? true : null;
    reasons.push(
      row
        ? { zh: `${row.zh}属应当投保安全生产责任保险的高危行业、领域（${list.citation}）。`, en: `The industry is a listed high-risk industry that must insure (${list.citation}).` }
        : { zh: `该行业不在所列高危行业、领域之中（${rows.map((r) => r.zh).join('、')}等）；列举以“等”结尾，是否须投保取决于国家或地方的其他规定，无法判定。`, en: 'The industry is not listed; the list ends with “etc.”, so whether it must insure cannot be decided here.' },
    );
    if (!row) missing.push(`figure:${document.id}@${document.version}/mandatoryIndustries`);
  }
  if (result.mustInsure) {
    if (facts.insured === undefined) missing.push('input.insured');
    else {
      result.insuredAsRequired = facts.insured;
      if (!facts.insured) reasons.push({ zh: '应当投保而未投保：按安全生产法罚则处理（见安全生产法罚款区间计算器）。', en: 'Must insure but does not: see the Work Safety Law penalty calculator.' });
    }
  }
  const minimum = requireParameter(document, 'minimumDeathDisabilityLimitPerPersonYuan');
  const minimumValue = parameterValue(document, 'minimumDeathDisabilityLimitPerPersonYuan');
  result.minimumLimitYuan = show(minimumValue);
  result.minimumLimitVerified = minimum.verified;
  citations.add(document, minimum.citation);
  if (facts.deathDisabilityLimitPerPersonYuan !== undefined) {
    const meets = compare(toRational(facts.deathDisabilityLimitPerPersonYuan), minimumValue) >= 0;
    if (minimum.verified) result.limitMeetsMinimum = meets;
    else missing.push(`figure:${document.id}@${document.version}/minimumDeathDisabilityLimitPerPersonYuan`);
    reasons.push({
      zh: `每人死亡伤残责任限额 ${show(toRational(facts.deathDisabilityLimitPerPersonYuan), 2)} 元，${minimum.label.zh} ${result.minimumLimitYuan} 元 → ${meets ? '达到' : '未达到'}${minimum.verified ? '' : '（该最低限额未核实，仅供参考）'}。`,
      en: `Cover CNY ${show(toRational(facts.deathDisabilityLimitPerPersonYuan), 2)} per person against the minimum ${result.minimumLimitYuan} → ${meets ? 'meets' : 'falls short'}${minimum.verified ? '' : ' (minimum unverified)'}.`,
    });
  }
  return { calculator: 'liability-insurance', asOf, status: missing.length ? 'unknown' : 'decided', result, missing, reasons, citations: citations.list() };
};
