// Coal facts for contracting (2026 Art.18, Art.20(1)–(2); 2020 Art.16).
import { count, observed } from '../fields.js';

export const contractingFacts = {
  mineContractedOut: observed({ zh: '矿井已对外发包（承包经营）', en: 'the mine is contracted out (run by a contractor)' }),
  mineContractedAsWhole: observed({ zh: '发包采用整体承包形式', en: 'contracted out as a whole-mine contract' }),
  mineContractorHasLegalPersonStatus: observed({ zh: '承包方具备法人资格（个人承包填“否”）', en: 'the contractor is a legal person (answer no for an individual)' }),
  mineContractorHasValidBusinessLicence: observed({ zh: '承包方持有合法有效的营业执照', en: 'the contractor holds a valid business licence' }),
  safetyLicenceReobtainedOrAmendedForContract: observed({
    zh: '整体承包后已重新取得或变更安全生产许可证',
    en: 'safety production licence re-obtained or amended after whole-mine contracting',
  }),
  contractedMineProducing: observed({ zh: '整体承包的矿井正在生产', en: 'the whole-contracted mine is producing' }),
  contractorRecontractedMine: observed({ zh: '承包方将矿井再转包给其他单位或个人', en: 'the contractor passed the mine on (转包) to another unit or individual' }),
  contractorSubcontractedMine: observed({ zh: '承包方将矿井分包给其他单位或个人', en: 'the contractor sub-contracted (分包) the mine to another unit or individual' }),
  safetyManagementAgreementSigned: observed({ zh: '发包方与承包方签订了安全生产管理协议', en: 'safety management agreement signed between owner and contractor' }),
  safetyDutiesAgreedAsRegulations: observed({ zh: '协议按国家规定约定了双方安全生产管理职责', en: 'the agreement sets both parties’ safety duties as the state requires' }),
  undergroundCoalMiningContractedOutSeparately: observed({
    zh: '井下采煤作业作为独立工程发包给其他单位或个人',
    en: 'underground coal-cutting contracted out to another unit or individual as a separate project',
  }),
  inPitCoalMiningContractedOutSeparately: observed({
    zh: '坑下采煤工程（含采装、运输）作为独立工程发包给其他单位或个人',
    en: 'in-pit coal mining (incl. loading and haulage) contracted out as a separate project',
  }),
  inPitContractorFullyDriverlessHaulage: observed({ zh: '该承包单位已完全实现无人驾驶运输', en: 'that contractor runs fully driverless haulage' }),
  headingOrRoadwayRepairContractedOutSeparately: observed({
    zh: '井下掘进作业或井巷维修作业作为独立工程发包给其他单位或个人',
    en: 'underground heading or roadway-repair work contracted out as a separate project',
  }),
  contractedWorkIsShaftBunkerOrNewLevelRockDevelopment: observed({
    zh: '发包的工程仅为井筒、井下煤仓，或井下新水平延深的井底车场、主运输、主通风、主排水、主要机电硐室的岩石开拓工程',
    en: 'the contracted work is only shafts, underground bunkers, or rock development of a new level’s pit bottom, main haulage, ventilation, drainage or electrical chambers',
  }),
  headingContractorInSameCoalEnterprise: observed({ zh: '承包单位与发包矿井同属一个煤矿企业', en: 'the contractor belongs to the same coal enterprise as the mine' }),
  contractorCrewAffiliationFound: observed({ zh: '承包方存在施工队伍挂靠', en: 'contractor uses affiliated (挂靠) crews' }),
  contractorRecontractedShaftBunkerOrNewLevelWork: observed({
    zh: '承包方将井筒、井下煤仓或井下新水平延深岩石开拓工程转包',
    en: 'contractor passed on shaft, bunker or new-level rock development work',
  }),
  // 2020 Art.16(5)
  undergroundMiningOrRepairContractedOut2020: observed({
    zh: '井下采掘作业或井巷维修作业作为独立工程发包给其他企业或个人',
    en: 'underground mining, heading or roadway-repair work contracted out to another enterprise or individual as a separate project',
  }),
  contractedWorkIsShaftOrNewLevelDevelopment: observed({
    zh: '发包的工程仅为井筒，或井下新水平延深的井底车场、主运输、主通风、主排水、主要机电硐室开拓工程',
    en: 'the contracted work is only shafts or development of a new level’s pit bottom, main haulage, ventilation, drainage or electrical chambers',
  }),
  newLevelDevelopmentRecontracted: observed({ zh: '井下新水平延深开拓工程被转包', en: 'new-level development work passed on (转包)' }),
  // 2026 Art.20(1)–(2): open-pit stripping
  strippingContractedOut: observed({ zh: '露天煤矿剥离工程对外发包', en: 'open-pit stripping contracted out' }),
  strippingContractorUnits: count({ zh: '承包剥离工程的单位数', en: 'units holding stripping contracts' }, '家'),
  strippingContractedToIndividual: observed({ zh: '剥离工程发包给个人', en: 'stripping contracted to an individual' }),
  strippingWorkSubcontractedByContractor: observed({ zh: '剥离承包方将剥离工程转包或分包', en: 'stripping contractor passed on or sub-contracted the stripping work' }),
  strippingContractorSafetyManagedByMine: observed({
    zh: '矿方对剥离承包方的安全生产工作统一协调、管理',
    en: 'the mine coordinates and manages the stripping contractor’s safety work',
  }),
} as const;
