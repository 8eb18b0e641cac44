// Coal facts for spontaneous combustion (2026 Art.12; 2020 Art.12).
// Observations an assessor records; the rules do the comparing. Shared by both versions where the observation is the same.
import { observed } from '../fields.js';

export const spontaneousCombustionFacts = {
  longwallUsesBackfillMining: observed({ zh: '采煤工作面为充填开采', en: 'the longwall uses backfill mining' }),
  longwallFirePreventionPerPlan: observed({ zh: '已按工作面防灭火技术措施采取灌浆、注惰性气体或喷洒阻化剂等措施', en: 'grouting, inert gas, inhibitor spraying or similar are applied as the face\'s fire-prevention measures require' }),
  groutingUsedForFirePrevention: observed({ zh: '采用灌浆防火', en: 'grouting is used for fire prevention' }),
  groutPipeLaidToGroutingPoint: observed({ zh: '灌浆管路直接铺设到灌浆地点', en: 'the grouting pipe runs right to the grouting point' }),
  inertGasUsedForFirePrevention: observed({ zh: '采用注惰性气体防火', en: 'inert-gas injection is used for fire prevention' }),
  inertGasOutletInGoafOxidationZone: observed({ zh: '注惰释放口保持在采空区氧化带内', en: 'the inert-gas outlet is kept in the goaf oxidation zone' }),
  spontaneousCombustionSignsObserved: observed({ zh: '井下出现自然发火征兆', en: 'signs of spontaneous combustion appeared underground' }),
  threatenedAreaWorkStoppedAndTreated: observed({ zh: '受威胁区域已停止作业并进行处理', en: 'work in the threatened area was stopped and the signs treated' }),
  combustionSignsUnderControl: observed({ zh: '自然发火征兆得到有效控制', en: 'the signs are effectively under control' }),
  combustionDangerAreaPersonsWithdrawn: observed({ zh: '危险区域人员已撤出', en: 'people were withdrawn from the danger area' }),
  fireSealingUnderway: observed({ zh: '正在进行封闭施工', en: 'sealing work is under way' }),
  sealingUnrelatedPersonsWithdrawn: observed({ zh: '与封闭施工无关的人员已全部撤出', en: 'everyone not involved in the sealing was withdrawn' }),
  fireZoneSealingCarriedOut: observed({ zh: '进行了火区封闭', en: 'a fire zone was sealed' }),
  fireZoneSealedPerRegulations: observed({ zh: '火区封闭符合《煤矿安全规程》', en: 'the sealing followed the Regulations' }),
  fireZoneUnsealingCarriedOut: observed({ zh: '进行了火区启封', en: 'a fire zone was unsealed' }),
  fireZoneUnsealedPerRegulations: observed({ zh: '火区启封符合《煤矿安全规程》', en: 'the unsealing followed the Regulations' }),
  fireControlSpecialDesignPrepared: observed({ zh: '编制了防灭火专项设计', en: 'a dedicated fire-prevention design was prepared' }),
  comprehensiveFireControlMeasuresTaken: observed({ zh: '采取了综合防灭火措施', en: 'comprehensive fire-prevention measures are taken' }),
  topCoalCavingUsed: observed({ zh: '采用放顶煤采煤法', en: 'top-coal caving is used' }),
  topCoalCavingCombustionControlled: observed({ zh: '放顶煤开采能有效防治煤层自然发火', en: 'spontaneous combustion is effectively controlled under top-coal caving' }),
  combustionPrecautionsTaken: observed({ zh: '针对自然发火征兆采取了相应的安全防范措施', en: 'precautions matching the combustion signs were taken' }),
  productionContinuedDespiteCombustionSigns: observed({ zh: '出现征兆后继续生产建设', en: 'production/construction continued after the signs appeared' }),
} as const;
