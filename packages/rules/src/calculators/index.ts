// The calculators by name: what the CLI (`anquan calc <name>`) and the package index expose.
import type { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { accidentLevel as accidentLevelDraft, accidentLevelInput } from './accident-level.js';
import {
  specialOperationsCatalogue as specialOperationsCatalogueDraft,
  specialOperationsCatalogueInput,
  specialOperationsCertificate as specialOperationsCertificateDraft,
  specialOperationsCertificateInput,
  specialOperationsEligibility as specialOperationsEligibilityDraft,
  specialOperationsEligibilityInput,
  specialOperationsExam as specialOperationsExamDraft,
  specialOperationsExamInput,
  trainingHours as trainingHoursDraft,
  trainingHoursInput,
} from './certification.js';
import { chemicalPark as chemicalParkDraft, chemicalParkInput } from './chemical-park.js';
import { liabilityInsurance as liabilityInsuranceDraft, liabilityInsuranceInput } from './liability-insurance.js';
import { managerCertificate as managerCertificateDraft, managerCertificateInput } from './manager-certificate.js';
import { majorHazardInstallation as majorHazardInstallationDraft, majorHazardInstallationInput } from './major-hazard-installation.js';
import { structured, type CalculatorOptions, type CalculatorResult } from './result.js';
import { safetyCost as safetyCostDraft, safetyCostInput } from './safety-cost.js';
import { specialOperationsReturnToPost as specialOperationsReturnToPostDraft, specialOperationsReturnToPostInput } from './special-operations-return-to-post.js';
import { trainingReentry as trainingReentryDraft, trainingReentryInput } from './training-reentry.js';
import { specialOperationsReview as specialOperationsReviewDraft, specialOperationsReviewInput } from './special-operations-review.js';
import { standardisationChecklist as standardisationChecklistDraft, standardisationChecklistInput, standardisationGrade as standardisationGradeDraft, standardisationGradeInput } from './standardisation-grade.js';
import {
  workSafetyEnforcement as workSafetyEnforcementDraft,
  workSafetyEnforcementInput,
  workSafetyOrganisation as workSafetyOrganisationDraft,
  workSafetyOrganisationInput,
  workSafetyPenalty as workSafetyPenaltyDraft,
  workSafetyPenaltyInput,
} from './work-safety-law.js';


// Every calculator through `structured`: its reasons reach callers as code, parameters and sentences.
export const accidentLevel = structured(accidentLevelDraft);
export const chemicalPark = structured(chemicalParkDraft);
export const liabilityInsurance = structured(liabilityInsuranceDraft);
export const managerCertificate = structured(managerCertificateDraft);
export const specialOperationsReturnToPost = structured(specialOperationsReturnToPostDraft);
export const specialOperationsReview = structured(specialOperationsReviewDraft);
export const standardisationChecklist = structured(standardisationChecklistDraft);
export const standardisationGrade = structured(standardisationGradeDraft);
export const workSafetyEnforcement = structured(workSafetyEnforcementDraft);
export const workSafetyOrganisation = structured(workSafetyOrganisationDraft);
export const workSafetyPenalty = structured(workSafetyPenaltyDraft);
export const majorHazardInstallation = structured(majorHazardInstallationDraft);
export const safetyCost = structured(safetyCostDraft);
export const specialOperationsCatalogue = structured(specialOperationsCatalogueDraft);
export const specialOperationsCertificate = structured(specialOperationsCertificateDraft);
export const specialOperationsEligibility = structured(specialOperationsEligibilityDraft);
export const specialOperationsExam = structured(specialOperationsExamDraft);
export const trainingHours = structured(trainingHoursDraft);
export const trainingReentry = structured(trainingReentryDraft);

export interface Calculator {
  title: Bilingual;
  /** The rules-data document whose versions the calculator reads (others it cites are named in its results). */
  documentId: string;
  input: z.ZodType;
  run(input: unknown, options?: CalculatorOptions): CalculatorResult<unknown>;
}

export const calculators: Record<string, Calculator> = {
  'accident-level': {
    title: { zh: '事故等级、报告时限与罚款', en: 'Accident level, reporting deadlines and fines' },
    documentId: 'accident-levels',
    input: accidentLevelInput,
    run: accidentLevel,
  },
  'major-hazard-installation': {
    title: { zh: '危险化学品重大危险源辨识与分级（GB 18218）', en: 'Major hazard installation identification and grade (GB 18218)' },
    documentId: 'gb18218-major-hazard-installations',
    input: majorHazardInstallationInput,
    run: majorHazardInstallation,
  },
  'safety-cost': {
    title: { zh: '企业安全生产费用提取', en: 'Work-safety funds to set aside' },
    documentId: 'safety-cost-extraction',
    input: safetyCostInput,
    run: safetyCost,
  },
  'special-operations-catalogue': {
    title: { zh: '特种作业目录', en: 'Special-operations catalogue' },
    documentId: 'special-operations-certification',
    input: specialOperationsCatalogueInput,
    run: specialOperationsCatalogue,
  },
  'special-operations-exam': {
    title: { zh: '特种作业考试合格与补考', en: 'Special-operations exam: pass and re-sit' },
    documentId: 'special-operations-certification',
    input: specialOperationsExamInput,
    run: specialOperationsExam,
  },
  'special-operations-certificate': {
    title: { zh: '特种作业操作证有效期与复审', en: 'Special-operations certificate validity and review dates' },
    documentId: 'special-operations-certification',
    input: specialOperationsCertificateInput,
    run: specialOperationsCertificate,
  },
  'special-operations-review': {
    title: { zh: '特种作业操作证复审：申请时限与是否通过', en: 'Special-operations certificate review: when to apply, pass or refusal' },
    documentId: 'special-operations-certification',
    input: specialOperationsReviewInput,
    run: specialOperationsReview,
  },
  'special-operations-return-to-post': {
    title: { zh: '离开特种作业岗位后回岗：是否须重新实操考试', en: 'Back at a special-operations post: is the practical exam retaken' },
    documentId: 'special-operations-certification',
    input: specialOperationsReturnToPostInput,
    run: specialOperationsReturnToPost,
  },
  'manager-certificate': {
    title: { zh: '主要负责人、安全生产管理人员安全资格证与煤矿考核时限', en: 'Principal’s and safety manager’s certificate, and coal-mine assessment deadlines' },
    documentId: 'special-operations-certification',
    input: managerCertificateInput,
    run: managerCertificate,
  },
  'special-operations-eligibility': {
    title: { zh: '特种作业操作证申请条件', en: 'Eligibility for a special-operations certificate' },
    documentId: 'special-operations-certification',
    input: specialOperationsEligibilityInput,
    run: specialOperationsEligibility,
  },
  'training-hours': {
    title: { zh: '安全培训学时', en: 'Safety training hours' },
    documentId: 'special-operations-certification',
    input: trainingHoursInput,
    run: trainingHours,
  },
  'training-reentry': {
    title: { zh: '调岗、离岗后重新上岗：是否须重新培训、是否按时', en: 'Back at work after time away or a post change: training again, on time or late' },
    documentId: 'special-operations-certification',
    input: trainingReentryInput,
    run: trainingReentry,
  },
  'standardisation-grade': {
    title: { zh: '安全生产标准化等级', en: 'Work-safety standardisation grade' },
    documentId: 'standardisation-grading',
    input: standardisationGradeInput,
    run: standardisationGrade,
  },
  'standardisation-checklist': {
    title: { zh: 'GB/T 33000 要素清单', en: 'GB/T 33000 element checklist' },
    documentId: 'gbt33000-standardisation-elements',
    input: standardisationChecklistInput,
    run: standardisationChecklist,
  },
  'work-safety-organisation': {
    title: { zh: '安全生产管理机构、人员与主要负责人职责', en: 'Safety-management organisation, staff and the principal’s duties' },
    documentId: 'work-safety-law',
    input: workSafetyOrganisationInput,
    run: workSafetyOrganisation,
  },
  'work-safety-penalty': {
    title: { zh: '安全生产法罚款区间', en: 'Work Safety Law fine ranges' },
    documentId: 'work-safety-law-penalties',
    input: workSafetyPenaltyInput,
    run: workSafetyPenalty,
  },
  'work-safety-enforcement': {
    title: { zh: '按日连续处罚与提请关闭', en: 'Daily penalties and closure' },
    documentId: 'work-safety-law-penalties',
    input: workSafetyEnforcementInput,
    run: workSafetyEnforcement,
  },
  'liability-insurance': {
    title: { zh: '安全生产责任保险：是否须投保与最低限额', en: 'Work-safety liability insurance: who must insure, minimum cover' },
    documentId: 'safety-liability-insurance',
    input: liabilityInsuranceInput,
    run: liabilityInsurance,
  },
  'chemical-park': {
    title: { zh: '化工园区安全风险等级与“十有两禁”', en: 'Chemical-park risk grade and the ten haves, two prohibitions' },
    documentId: 'chemical-park-safety',
    input: chemicalParkInput,
    run: chemicalPark,
  },
};

export type { CalculatorCitation, CalculatorOptions, CalculatorResult } from './result.js';
export { reasonSchema, reasonTemplates, type CalculatorReason, type ReasonParam, type ReasonParams } from './reason.js';
export { describeCalculator, listCalculators, type CalculatorEntry, type CalculatorInputField } from './catalogue.js';
