// Facts about the whole coal mine that many items read: asked once, first, in a self-assessment.
import { count, oneOf, quantity } from '../fields.js';

export const mineFacts = {
  mineType: oneOf(['underground', 'openPit'], { zh: '煤矿类型', en: 'mine type' }, { underground: '井工煤矿', openPit: '露天煤矿' }),
  mineStage: oneOf(
    ['producing', 'underConstruction', 'reconstruction'],
    { zh: '矿井所处阶段', en: 'stage of the mine' },
    { producing: '生产矿井', underConstruction: '新建（建设）矿井', reconstruction: '改扩建矿井' },
  ),
  constructionPhase: oneOf(
    ['I', 'II', 'III'],
    { zh: '建设矿井所处工程阶段', en: 'construction phase of a mine under construction' },
    { I: '一期工程', II: '二期工程', III: '三期工程' },
  ),
  mineGasClass: oneOf(
    ['lowGas', 'highGas', 'outburst'],
    { zh: '矿井瓦斯等级', en: 'gas class of the mine' },
    { lowGas: '低瓦斯矿井', highGas: '高瓦斯矿井', outburst: '突出矿井' },
  ),
  seamSpontaneousCombustionClass: oneOf(
    ['easy', 'prone', 'notProne'],
    { zh: '开采煤层自燃倾向性', en: 'spontaneous-combustion liability of the seams mined' },
    { easy: '容易自燃', prone: '自燃', notProne: '不易自燃' },
  ),
  rockBurstSeamGrade: oneOf(
    ['none', 'weak', 'medium', 'strong'],
    { zh: '开采煤层冲击地压危险等级', en: 'rock-burst grade of the seams mined' },
    { none: '非冲击地压煤层', weak: '弱冲击地压', medium: '中等冲击地压', strong: '强冲击地压' },
  ),
  hydrogeologicalType: oneOf(
    ['simple', 'medium', 'complex', 'veryComplex'],
    { zh: '矿井水文地质类型', en: 'hydrogeological type of the mine' },
    { simple: '简单', medium: '中等', complex: '复杂', veryComplex: '极复杂' },
  ),
  approvedCapacityTonnesPerYear: quantity(
    { zh: '核定（设计）生产能力', en: 'approved (design) production capacity', hint: '尚未核定的，填设计生产能力' },
    't/a',
  ),
  simultaneousProductionLevels: count({ zh: '同时生产的水平数', en: 'production levels operating at once' }),
} as const;
