// Coal facts for new and reconstructed mines (2026 Art.17; 2020 Art.15).
import { observed } from '../fields.js';

export const constructionFacts = {
  coalExtractedDuringConstruction: observed({ zh: '新建煤矿建设期间组织了采煤', en: 'coal extracted while the new mine is under construction' }),
  coalExtractedInReconstructionArea: observed({ zh: '改扩建煤矿在改扩建区域组织了采煤', en: 'coal extracted in the reconstruction (expansion) area' }),
  coalExtractionIsFiledJointTrialRun: observed({ zh: '该采煤属于经备案的联合试运转', en: 'that extraction is a joint commissioning trial that was filed (备案)' }),
  coalExtractionIsApprovedJointTrialRun: observed({ zh: '该采煤属于经批准的联合试运转', en: 'that extraction is a joint commissioning trial that was approved (批准)' }),
  productionInReconstructionArea: observed({ zh: '改扩建矿井在改扩建区域进行生产', en: 'production carried on in the reconstruction (expansion) area' }),
  nonReconstructionAreaBeyondDesignScopeOrScale: observed({
    zh: '非改扩建区域的生产建设超出设计规定的范围或规模',
    en: 'production or construction outside the reconstruction area goes beyond the scope or scale the design sets',
  }),
  safetyFacilitiesDesignApproved: observed({ zh: '建设项目安全设施设计已经审查批准', en: 'safety-facilities design of the project reviewed and approved' }),
  safetyFacilitiesDesignMajorChangeMade: observed({ zh: '安全设施设计批准后发生重大变更', en: 'major change to the safety-facilities design after approval' }),
  safetyFacilitiesDesignMajorChangeReapproved: observed({ zh: '该重大变更已经再次审查批准', en: 'that major change reviewed and approved again' }),
} as const;
