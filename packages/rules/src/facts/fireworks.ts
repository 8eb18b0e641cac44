// The fireworks fact vocabulary (烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）, 2017).
// Distances, barriers and zoning are judged against GB 50161 / GB 11652 by the assessor.
import { z } from 'zod';
import { count, observed, oneOf, quantity, someOf } from './fields.js';
import { sharedFacts } from './shared.js';

export const fireworksFacts = z.strictObject({
  ...sharedFacts,
  // The kind of unit: item 20 applies to retail outlets only.
  fireworksUnitType: oneOf(
    ['manufacturer', 'wholesaler', 'retailer'],
    { zh: '单位类别', en: 'kind of fireworks unit' },
    { manufacturer: '生产单位（含烟火药、引火线生产）', wholesaler: '批发经营单位', retailer: '零售经营单位（零售点）' },
  ),
  // Observations per item. Headcount and composition are compared per building (the worst one).
  maintenanceWithResidualComposition: observed({ zh: '作业人员在设备设施带药（未清除残药）状态下进行检修、维修', en: 'workers repair or maintain equipment or facilities while pyrotechnic composition is still in it' }),
  ownToolsUsedForCompositionWork: observed({ zh: '职工自行携带工器具、机器设备进厂从事涉药作业', en: 'employees bring their own tools, machines or equipment into the plant for work with composition' }),
  buildingActualPersons: count({ zh: '工（库）房内实际作业人数', en: 'people actually working in the workshop or storehouse', hint: '逐栋核查；填实际人数超出核定人数最多的一栋' }, '人'),
  buildingApprovedPersons: count({ zh: '该工（库）房核定人数', en: 'approved number of people for that workshop or storehouse' }, '人'),
  buildingActualCompositionKg: quantity({ zh: '工（库）房内实际滞留、存放的药量', en: 'composition actually held or stored in the workshop or storehouse', hint: '逐栋核查；填实际药量超出核定药量最多的一栋；与核定药量使用同一计量单位' }, 'kg'),
  buildingApprovedCompositionKg: quantity({ zh: '该工（库）房核定药量', en: 'approved composition quantity for that workshop or storehouse' }, 'kg'),
  internalSafetyDistanceM: quantity({ zh: '工（库）房实际内部安全距离', en: 'actual internal safety distance of the workshop or storehouse', hint: '逐栋核查；填与要求值相差最多的一处' }, 'm'),
  requiredInternalSafetyDistanceM: quantity({ zh: '该处设计标准要求的内部安全距离', en: 'internal safety distance the design standard requires there', hint: '按GB 50161等标准确定' }, 'm'),
  externalSafetyDistanceM: quantity({ zh: '工（库）房实际外部安全距离', en: 'actual external safety distance of the workshop or storehouse', hint: '逐栋核查；填与要求值相差最多的一处' }, 'm'),
  requiredExternalSafetyDistanceM: quantity({ zh: '该处设计标准要求的外部安全距离', en: 'external safety distance the design standard requires there', hint: '按GB 50161等标准确定' }, 'm'),
  protectiveBarrierRequired: observed({ zh: '按标准应设置防护屏障', en: 'the standards require a protective barrier' }),
  protectiveBarrierPresent: observed({ zh: '防护屏障已设置', en: 'the protective barrier is in place' }),
  protectiveBarrierCompliant: observed({ zh: '防护屏障符合要求', en: 'the protective barrier meets the requirements' }),
  antiStaticFacilitiesEffective: observed({ zh: '防静电设备设施齐全有效', en: 'anti-static equipment and facilities are present and effective' }),
  fireProtectionFacilitiesEffective: observed({ zh: '防火设备设施齐全有效', en: 'fire-prevention equipment and facilities are present and effective' }),
  lightningProtectionEffective: observed({ zh: '防雷设备设施齐全有效', en: 'lightning-protection equipment and facilities are present and effective' }),
  buildingUseChangedWithoutApproval: observed({ zh: '未经批准改变工房、库房用途', en: 'the use of a workshop or storehouse was changed without approval' }),
  unauthorisedConstruction: observed({ zh: '有违规私搭乱建', en: 'there is unauthorised or illegal construction' }),
  plantBoundaryWallComplete: observed({ zh: '工厂围墙完整', en: 'the plant boundary wall is complete' }),
  plantZoningCompliant: observed({ zh: '厂区分区设置符合国家标准', en: 'the zoning of the plant complies with the national standards' }),
  oxidizerReducerSameStore: observed({ zh: '氧化剂与还原剂同库储存', en: 'oxidizers and reducing agents are stored in the same storehouse' }),
  oxidizerReducerPremixedIllegally: observed({ zh: '氧化剂与还原剂违规预混', en: 'oxidizers and reducing agents are premixed against the rules' }),
  oxidizerReducerProcessedSameWorkshop: observed({ zh: '氧化剂与还原剂在同一工房内粉碎、称量', en: 'oxidizers and reducing agents are ground or weighed in the same workshop' }),
  compositionMachinesSafetyDemonstrated: observed({ zh: '在用涉药机械设备均经安全性论证', en: 'every machine in service that handles composition has had a safety demonstration' }),
  compositionMachineModifiedOrRepurposed: observed({ zh: '在用涉药机械设备被擅自更改或改变用途', en: 'a machine handling composition has been modified or repurposed without authorisation' }),
  transitStoreCapacityMatches: observed({ zh: '中转库储存能力与设计产能相匹配', en: 'transit-store capacity matches the design production capacity' }),
  compositionMainStoreCapacityMatches: observed({ zh: '药物总库储存能力与设计产能相匹配', en: 'main composition-store capacity matches the design production capacity' }),
  finishedProductMainStoreCapacityMatches: observed({ zh: '成品总库储存能力与设计产能相匹配', en: 'main finished-product-store capacity matches the design production capacity' }),
  licenceMisuseFound: observed({ zh: '有出租、出借、转让、买卖、冒用或伪造许可证的行为', en: 'the licence is rented out, lent, transferred, traded, fraudulently used or forged' }),
  productTypesBeyondLicence: observed({ zh: '生产、经营的产品种类超出许可范围', en: 'product types produced or sold are outside the licence' }),
  productHazardClasses: someOf(
    ['A', 'B', 'C', 'D'],
    {
      zh: '实际生产、经营的产品危险等级',
      en: 'hazard classes of the products actually produced or sold',
      hint: '选出实际生产、经营的全部危险等级',
      aliases: [{ name: 'hazardClassesBeyondLicence', deprecatedIn: '0.2.0', values: { true: { productHazardClasses: ['A'], licensedHazardClasses: [] }, false: { productHazardClasses: [], licensedHazardClasses: [] } } }],
    },
    { A: 'A级', B: 'B级', C: 'C级', D: 'D级' },
  ),
  licensedHazardClasses: someOf(['A', 'B', 'C', 'D'], { zh: '许可证载明的产品危险等级', en: 'product hazard classes the licence covers' }, { A: 'A级', B: 'B级', C: 'C级', D: 'D级' }),
  prohibitedChemicalUsed: observed({ zh: '生产中使用违禁药物', en: 'prohibited chemicals are used in production' }),
  productionLineOrBuildingSubcontracted: observed({ zh: '将生产线、工房、库房分包、转包给他人组织生产经营', en: 'production lines, workshops or storehouses are subcontracted or sub-let to others for production or business' }),
  sitesUnderOneLicence: count({ zh: '同一张许可证对应的厂（点）数', en: 'number of plants or sites operated under one licence' }, '个'),
  shareholdersOperateIndependently: observed({ zh: '多个股东各自独立组织生产经营', en: 'several shareholders each run production or business on their own' }),
  operatedAfterLicenceExpiry: observed({ zh: '许可证有效期届满后仍组织生产经营', en: 'production or business continued after the licence expired', hint: '有效期届满日当天生产经营不算过期' }),
  operatedDuringRectification: observed({ zh: '整顿改造停产停业期间仍组织生产经营', en: 'production or business continued during a rectification or renovation shutdown' }),
  operatedDuringSevereWeatherShutdown: observed({ zh: '恶劣天气停产停业期间仍组织生产经营', en: 'production or business continued during a severe-weather shutdown' }),
  operatedDuringOtherShutdown: observed({ zh: '其他要求停产停业期间仍组织生产经营', en: 'production or business continued during another required shutdown' }),
  otherExplosivesInFireworksStore: observed({ zh: '烟花爆竹仓库内存放其他爆炸物等危险物品', en: 'other explosives or dangerous goods are kept in a fireworks warehouse' }),
  prohibitedOrNonStandardProductsHandled: observed({ zh: '生产经营违禁、超标产品', en: 'prohibited or non-standard (over-limit) products are produced or sold' }),
  retailOutletInSameBuildingAsDwelling: observed({ zh: '零售点与居民居住场所设在同一建筑物内', en: 'the retail outlet is in the same building as living quarters', hint: '相邻但分属不同建筑物的，填“否”' }),
  openFlameInRetailPremises: observed({ zh: '在零售场所使用明火', en: 'open flames are used in the retail premises' }),
});

export type FireworksFacts = z.infer<typeof fireworksFacts>;
