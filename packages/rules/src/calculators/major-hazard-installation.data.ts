// The shape of GB 18218 and 40号令 calculator data in rules-data, one zod schema per dataset.
import { z } from 'zod';
import { decimalCell, listCell } from './data.js';

export const namedChemicalRow = z.object({
  no: z.number().int().positive(),
  nameZh: z.string().min(1),
  baseNameZh: z.string().min(1).nullable(),
  qualifierZh: z.string().min(1).nullable(),
  listedNamesZh: listCell,
  aliasesZh: listCell,
  cas: listCell,
  thresholdTonnes: decimalCell,
});

export const hazardCategoryRow = z.object({ symbol: z.string().min(1), classZh: z.string().min(1), criterionZh: z.string().min(1), thresholdTonnes: decimalCell });
export const toxicGasBetaRow = z.object({ nameZh: z.string().min(1), table1No: z.number().int().nullable(), beta: decimalCell, table1Reading: z.string().nullable().optional(), nameEnGloss: z.string().optional() });
export const categoryBetaRow = z.object({ symbol: z.string().min(1), beta: decimalCell });
export const flammableLiquidCategoryRow = z.object({
  symbol: z.string().min(1),
  ghsCategories: listCell.pipe(z.array(z.enum(['1', '2', '3']))),
  condition: z.enum(['workingTemperatureAboveBoilingPoint', 'specialProcessConditions']).nullable(),
  zh: z.string().min(1),
});
export const scopeSettingRow = z.object({ setting: z.string().min(1), inScope: z.boolean(), zh: z.string().min(1), en: z.string().min(1) });

export const gradeDutyRow = z.object({
  id: z.string().min(1),
  grades: z.string().transform((value) => value.split(/[,;]/).map((part) => Number(part.trim()))),
  condition: z.string().nullable(),
  zh: z.string().min(1),
  en: z.string().min(1),
  citation: z.string().min(1),
});
export const ratioSumClassRow = z.object({ condition: z.string().min(1), categories: listCell, table3: z.boolean(), fact: z.string().nullable() });
export const dateDutyRow = z.object({
  id: z.string().min(1),
  parameter: z.string().min(1),
  from: z.enum(['lastAssessmentDate', 'assessmentReportDate']),
  done: z.enum(['reassessmentDate', 'filingDate']),
  lastDayIncluded: z.boolean(),
  zh: z.string().min(1),
  en: z.string().min(1),
});
export const countThresholdRow = z.object({
  input: z.enum(['accidentDeathsSinceAssessment', 'accidentInjuredSinceAssessment', 'monitoringDataRetentionDays']),
  parameter: z.string().min(1),
  inclusive: z.boolean(),
  effect: z.enum(['reassessment', 'compliant']),
});
