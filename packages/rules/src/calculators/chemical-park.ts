// Chemical parks: the risk grade by assessment score (应急〔2023〕123号) and the “ten haves, two
// prohibitions” checklist with its deadlines, three-valued.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { toRational } from '../exact/rational.js';
import { InputError, parseInput } from '../validation/issues.js';
import { datasetRows } from './data.js';
import { reason } from './reason.js';
import {
  asOfDate,
  bandReason,
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
  /** The park's risk class as announced (A–D), when no score is given or to check it against the score. */
  parkRiskClass: z.enum(['A', 'B', 'C', 'D']).optional(),
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

export interface ClassConsequence {
  id: string;
  grade: 'A' | 'B' | 'C' | 'D';
  /** null: no verified text states it. */
  consequence: Bilingual | null;
  /** For new, rebuilt or expanded hazardous-chemical projects: not allowed / restricted, in principle. */
  projectEffect: 'notAllowedInPrinciple' | 'restrictedInPrinciple' | null;
  citation: string;
  /** Verified as applying under the version in force (the texts we hold are the 2019 notice's). */
  verified: boolean;
}

export interface ChemicalParkResult {
  riskGrade: 'A' | 'B' | 'C' | 'D' | null;
  /** What follows from the class, each marked verified or not for the version in force. */
  classConsequences: ClassConsequence[];
  riskName: Bilingual | null;
  checklist: ChecklistItem[];
  allMet: boolean | null;
  overdueItems: string[];
}

const gradeRow = z.object({ rank: z.number().int(), grade: z.enum(['A', 'B', 'C', 'D']), zh: z.string(), en: z.string() });
const consequenceRow = z.object({
  grade: z.enum(['A', 'B', 'C', 'D']),
  id: z.string().min(1),
  projectEffect: z.enum(['notAllowedInPrinciple', 'restrictedInPrinciple']).nullable(),
  zh: z.string().min(1).nullable(),
  en: z.string().min(1).nullable(),
  textVerified: z.boolean(),
  verified: z.boolean(),
});

export const chemicalPark = (input: unknown, options?: CalculatorOptions): CalculatorDraft<ChemicalParkResult> => {
  const facts = parseInput(chemicalParkInput, input ?? {}, 'input');
  const asOf = asOfDate(options);
  const result: ChemicalParkResult = { riskGrade: null, classConsequences: [], riskName: null, checklist: [], allMet: null, overdueItems: [] };
  const document = versionInForce(chemicalParkDocumentId, asOf);
  if (!document) {
    return { calculator: 'chemical-park', asOf, status: 'unknown', result, missing: [`document:${chemicalParkDocumentId}`], reasons: [noVersionReason(chemicalParkDocumentId, asOf)], citations: [] };
  }
  const citations = new Citations();
  const reasons: Bilingual[] = [];
  const missing: string[] = [];
  const table = requireTable(document, 'riskGradeByScore');
  citations.add(document, table.citation);
  const grades = datasetRows(document, 'riskGrades', gradeRow);
  if (facts.assessmentScore === undefined) {
    if (facts.parkRiskClass === undefined) missing.push('input.assessmentScore');
    else result.riskGrade = facts.parkRiskClass;
  } else {
    const band = lookupBand(table, toRational(facts.assessmentScore));
    const grade = grades.find((row) => row.rank === Number(band?.value));
    if (band && grade) {
      if (facts.parkRiskClass !== undefined && facts.parkRiskClass !== grade.grade) {
        throw new InputError([{ path: 'input.parkRiskClass', message: `expected ${grade.grade}, the class of score ${String(facts.assessmentScore)}, got ${facts.parkRiskClass}` }]);
      }
      result.riskGrade = grade.grade;
      reasons.push(bandReason(table, band, { input: 'assessmentScore', value: String(facts.assessmentScore), resultLabel: { zh: `${grade.grade} 级（${grade.zh}）`, en: `grade ${grade.grade} (${grade.en})` } }));
    }
  }
  const named = grades.find((row) => row.grade === result.riskGrade);
  if (named) result.riskName = { zh: named.zh, en: named.en };

  if (named) {
    const consequences = requireDataset(document, 'classConsequences');
    citations.add(document, consequences.citation);
    for (const row of datasetRows(document, 'classConsequences', consequenceRow).filter((candidate) => candidate.grade === named.grade)) {
      const consequence = row.zh === null || row.en === null ? null : { zh: row.zh, en: row.en };
      result.classConsequences.push({ id: row.id, grade: row.grade, consequence, projectEffect: row.projectEffect, citation: consequences.citation, verified: row.verified });
      if (consequence === null) reasons.push(reason('chemicalPark.classConsequenceUnknown', { grade: row.grade, gradeName: { zh: named.zh, en: named.en }, verified: false }));
      else {
        reasons.push(
          reason('chemicalPark.classConsequence', {
            grade: row.grade,
            gradeName: { zh: named.zh, en: named.en },
            consequence,
            projectEffect: row.projectEffect,
            citation: consequences.citation,
            textVerified: row.textVerified,
            verified: row.verified,
            verifiedNote: consequences.note ?? null,
          }),
        );
      }
      if (!row.verified) missing.push(`figure:${document.id}@${document.version}/classConsequences.${row.grade}.${row.id}`);
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
