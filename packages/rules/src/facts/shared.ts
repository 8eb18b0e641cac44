// Facts that several sectors ask in the same words (a chemical plant and a fireworks plant both have
// a principal person who must pass the assessment): defined once here and spread into each sector's vocabulary.
import { observed } from './fields.js';

export const sharedFacts = {
  principalPersonAssessmentPassed: observed({ zh: '主要负责人已依法经安全生产知识和管理能力考核合格', en: 'the principal person in charge has passed the legally required safety knowledge and management assessment', hint: '未经考核或考核不合格的，填“否”' }),
  safetyManagersAssessmentPassed: observed({ zh: '安全生产管理人员均已依法经考核合格', en: 'all safety management personnel have passed the legally required assessment', hint: '有任一人未经考核合格的，填“否”' }),
  specialOperationWorkersCertified: observed({ zh: '在岗特种作业人员均持有效特种作业操作证', en: 'every special-operation worker on duty holds a valid special-operation certificate', hint: '有任一人无证（含证件过期未复审）上岗的，填“否”' }),
  allStaffResponsibilitySystemEstablished: observed({ zh: '已建立与岗位相匹配的全员安全生产责任制', en: 'an all-staff work-safety responsibility system matched to the posts is in place' }),
  hazardInvestigationSystemImplemented: observed({ zh: '已制定并实施生产安全事故隐患排查治理制度', en: 'a hazard investigation and remediation system has been drawn up and is applied', hint: '只有制度文本、未实际执行的，填“否”' }),
} as const;
