// Chemical parks: the risk grade by assessment score (应急〔2023〕123号) and the “ten haves, two
// prohibitions” checklist with its deadlines, three-valued.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { toRational } from '../exact/rational.js';
import { parseInput } from '../validation/issues.js';
import {
  asOfDate,
  Citations,
  decimalInput,
  lookupBand,
  noVersionReason,
  requireDataset,
  requireTable,
  versionInForce,
  type CalculatorOptions,
  type CalculatorDraft,
} from './result.js';

export const chemicalParkDocumentId = 'chemical-park-safety';

const observation = z.boolean().optional();

export const chemicalParkInput = z.strictObject({
  assessmentScore: decimalInput.optional(),
  hasPlanningSystem: observation,
  hasManagementBodyStaffRules: observation,
  hasDefinedBoundary: observation,
  hasSafetyControlLine: observation,
  hasUtilitiesAndSupport: observation,
  hasClosedManagement: observation,
  hasHazmatVehicleParking: observation,
  hasInfoPlatform: observation,
  hasTrainingBase: observation,
  hasFireStation: observation,
  hasProhibitRestrictControlCatalogue: observation,
  hasProjectSafetyEntryConditions: observation,
  residentsInPark: observation,
  labourIntensiveEnterprisesInPark: observation,
});
export type ChemicalParkInput = z.input<typeof chemicalParkInput>;

export interface ChecklistItem {
  id: string;
  item: Bilingual;
  status: 'met' | 'notMet' | 'unknown';
  dueBy: string;
  /** Not met and past its deadline on the as-of date; null while unknown. */
  overdue: boolean | null;
}

export interface ChemicalParkResult {
  riskGrade: 'A' | 'B' | 'C' | 'D' | null;
  riskName: Bilingual | null;
  checklist: ChecklistItem[];
  allMet: boolean | null;
  overdueItems: string[];
}

export const chemicalPark = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ChemicalParkResult> => {
  const facts = parseInput(chemicalParkInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const result: ChemicalParkResult = { riskGrade: null, riskName: null, checklist: [], allMet: null, overdueItems: [] };
  const document = versionInForce(chemicalParkDocumentId, asOf);
  if (!document) {
    return { calculator: 'chemical-park', asOf, status: 'unknown', result, missing: [`document:${chemicalParkDocumentId}`], reasons: [noVersionReason(chemicalParkDocumentId, asOf)], citations: [] };
  }
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const table = requireTable(document, 'riskGradeByScore');
  citations.add(document, table.citation);
  if (facts.assessmentScore === undefined) missing.push('input.assessmentScore');
  else {
    const band = lookupBand(table, toRational(facts.assessmentScore));
    const grade = requireDataset(document, 'riskGrades').rows.find((row) => row.rank === Number(band?.value));
    if (grade) {
      result.riskGrade = String(grade.grade) as ChemicalParkResult['riskGrade'];
      result.riskName = { zh: String(grade.zh), en: String(grade.en) };
      reasons.push({
        zh: `评估得分 ${String(facts.assessmentScore)} → ${result.riskGrade} 级（${String(grade.zh)}）：${table.bands.map((b) => `${[b.from === null ? '' : `${b.fromInclusive ? '≥' : '>'}${String(b.from)}`, b.to === null ? '' : `${b.toInclusive ? '≤' : '<'}${String(b.to)}`].filter(Boolean).join(' 且 ')} ${String(requireDataset(document, 'riskGrades').rows.find((row) => row.rank === Number(b.value))?.grade)}`).join('，')}。`,
        en: `Score ${String(facts.assessmentScore)} → grade ${result.riskGrade} (${String(grade.en)}): below 60 A, 60 to under 70 B, 70 to under 85 C, 85 and above D.`,
      });
    }
  }

  const checklist = requireDataset(document, 'tenHavesTwoProhibitions');
  citations.add(document, checklist.citation);
  const observed = facts as Record<string, boolean | undefined>;
  for (const row of checklist.rows) {
    const id = String(row.id);
    const value = observed[id];
    const dueBy = String(row.dueBy);
    let status: ChecklistItem['status'];
    if (value === undefined) status = 'unknown';
    else if (value === row.violatedWhen) status = 'notMet';
    // The labour-intensive criterion is not verified: an answer of “none” cannot be confirmed.
    else status = row.criterionVerified === true ? 'met' : 'unknown';
    const overdue = status === 'unknown' ? null : status === 'notMet' && asOf > dueBy;
    if (value === undefined) missing.push(`input.${id}`);
    else if (status === 'unknown') {
      missing.push(`figure:${document.id}@${document.version}/${id}`);
      reasons.push({ zh: `${String(row.zh)}：判定标准未核实，无法确认。`, en: `${String(row.en)}: the criterion is not verified, so this cannot be confirmed.` });
    }
    if (overdue) result.overdueItems.push(id);
    result.checklist.push({ id, item: { zh: String(row.zh), en: String(row.en) }, status, dueBy, overdue });
  }
  const statuses = result.checklist.map((item) => item.status);
  result.allMet = statuses.includes('notMet') ? false : statuses.includes('unknown') ? null : true;
  const overdue = result.checklist.filter((item) => item.overdue);
  if (overdue.length) {
    reasons.push({
      zh: `截至 ${asOf} 已逾期未完成：${overdue.map((item) => `${item.item.zh}（限 ${item.dueBy} 前完成，含当日）`).join('；')}。`,
      en: `Overdue on ${asOf}: ${overdue.map((item) => `${item.item.en} (due by ${item.dueBy})`).join('; ')}.`,
    });
  }
  return { calculator: 'chemical-park', asOf, status: missing.length ? 'unknown' : 'decided', result, missing, reasons, citations: citations.list() };
};
