// Coal facts for restructuring, merger and division (2026 Art.19; 2020 Art.17).
import { observed } from '../fields.js';

export const restructuringFacts = {
  corporateRestructuringInProgress: observed({ zh: '煤矿正处于改制、合并或分立期间', en: 'restructuring, merger or division in progress' }),
  corporateRestructuringCompleted: observed({ zh: '改制、合并或分立已经完成', en: 'restructuring, merger or division completed' }),
  producingOrConstructingDuringRestructuring: observed({ zh: '期间（或完成后）进行生产建设', en: 'production or construction carried on (during or after the change)' }),
  restructuringResponsibleEntityDesignated: observed({ zh: '已明确安全生产责任主体', en: 'the entity responsible for safety designated' }),
  restructuringFirstResponsiblePersonDesignated: observed({ zh: '已明确安全生产（第一）责任人', en: 'the (first) person responsible for safety designated' }),
  restructuringSafetyBodyAndStaffInPlace: observed({ zh: '已健全安全生产管理机构并配备安全管理人员', en: 'safety management unit complete and safety managers appointed' }),
  safetyLicenceReobtainedOrAmendedAfterRestructuring: observed({ zh: '完成后已重新取得或变更安全生产许可证', en: 'safety production licence re-obtained or amended after the change' }),
  safetyLicenceAmendedWithinPrescribedTime: observed({ zh: '安全生产许可证在规定时间内完成变更或重新取得', en: 'safety production licence amended or re-obtained within the prescribed time' }),
  miningLicenceReobtainedOrAmendedAfterRestructuring: observed({ zh: '完成后已重新取得或变更采矿许可证', en: 'mining licence re-obtained or amended after the change' }),
  businessLicenceReobtainedOrAmendedAfterRestructuring: observed({ zh: '完成后已重新取得或变更营业执照', en: 'business licence re-obtained or amended after the change' }),
} as const;
