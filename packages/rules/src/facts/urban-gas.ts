// The urban-gas (城镇燃气) fact vocabulary for 建城规〔2023〕4号: observations about the gas operator, its
// stations, pipelines and cylinders, and what its own inspections of customers found and did about it.
import { z } from 'zod';
import { observed, oneOf, quantity } from './fields.js';

export const urbanGasFacts = z.strictObject({
  // 第四条 安全生产管理
  engagedInGasOperation: observed({ zh: '从事燃气经营活动', en: 'carries on a gas business' }),
  holdsGasOperationLicence: observed({ zh: '持有有效的燃气经营许可证', en: 'holds a valid gas operation licence' }),
  riskGradedControlSystemEstablished: observed({ zh: '已建立安全风险分级管控制度', en: 'a graded safety-risk control system is established' }),
  hazardInvestigationSystemEstablished: observed({ zh: '已建立事故隐患排查治理制度', en: 'a hazard identification and remediation system is established' }),
  emergencyRescuePlanPrepared: observed({ zh: '已制定生产安全事故应急救援预案', en: 'an emergency rescue plan for production-safety accidents is prepared' }),
  userFacilityInspectionSystemEstablished: observed({ zh: '已建立对燃气用户燃气设施定期安全检查的制度', en: 'a system of periodic safety inspection of customers\' gas facilities is established' }),
  // 第五条 燃气厂站
  operatesGasStations: observed({ zh: '经营燃气厂站（门站、储配站、气化站、充装站、加气站等）', en: 'operates gas stations or plants (city-gate, storage and distribution, vaporisation, filling, refuelling …)' }),
  hasGasStorageTanks: observed({ zh: '厂站有燃气储罐', en: 'the station has gas storage tanks' }),
  tankMonitoringProvided: observed({ zh: '燃气储罐设置了压力、罐容或液位显示等监测装置', en: 'the tanks have pressure, volume or level monitoring' }),
  tankMonitoringOverLimitAlarm: observed({ zh: '储罐监测装置具备超限报警功能', en: 'the tank monitoring raises an alarm on exceeding its limits' }),
  stationOverpressureAutoShutoffProvided: observed({ zh: '厂站设备和管道设置了防止压力超过限值的自动切断装置', en: 'station equipment and piping have automatic shut-off against overpressure' }),
  stationOverpressureReliefProvided: observed({ zh: '厂站设备和管道设置了防止压力超过限值的放散装置', en: 'station equipment and piping have relief (venting) against overpressure' }),
  hasCngLngLpgLoadingSystem: observed({ zh: '有压缩天然气、液化天然气或液化石油气装卸系统', en: 'has CNG, LNG or LPG loading or unloading systems' }),
  hosePullAwayInterlockProvided: observed({ zh: '装卸系统设置了防止装卸用管拉脱的联锁保护装置', en: 'the loading systems have an interlock protecting against hose pull-away' }),
  hazardousAreaEquipmentExSuitable: observed({ zh: '厂站爆炸危险环境内的电气、仪表装置防爆性能与该区域爆炸危险等级相适应', en: 'electrical and instrument equipment in the station\'s hazardous areas has explosion protection suited to the zone' }),
  hasAreasWhereLeakMayReach20PctLel: observed({ zh: '厂站内有可燃气体泄漏浓度可能达到爆炸下限20%的燃气设施区域或建（构）筑物', en: 'the station has gas-facility areas or buildings where leaked gas may reach 20 % of the lower explosive limit', hint: '按设计、爆炸危险区域划分判断，不是某次实测值' }),
  leakAreasFixedGasAlarmProvided: observed({ zh: '上述区域和建（构）筑物内设置了固定式可燃气体浓度报警装置', en: 'those areas and buildings have fixed flammable-gas concentration alarms' }),
  // 第六条 燃气管道和调压设施
  structureOverBuriedMainInProtectionZone: observed({ zh: '地下燃气管线保护范围内建有压占管线的建筑物、构筑物或其他设施', en: 'a building, structure or other facility stands over a buried gas main within its protection zone' }),
  encroachedMainPressureClass: oneOf(
    ['low', 'medium', 'subHigh', 'high'],
    { zh: '被压占管线的压力级制（有多条的填最高者）', en: 'pressure class of the encroached main (the highest, if several)', hint: '压力级制按《燃气工程项目规范》等标准划分' },
    { low: '低压', medium: '中压', subHigh: '次高压', high: '高压' },
  ),
  pipeLaidInsideUndergroundStructure: observed({ zh: '输配管道敷设在排水管（沟）、供水管渠、热力管沟、电缆沟、城市交通隧道、城市轨道交通隧道或地下人行通道等地下构筑物内', en: 'a distribution pipe is laid inside a drain, water conduit, heating or cable trench, road or metro tunnel, pedestrian underpass or similar underground structure' }),
  crossingNecessary: observed({ zh: '该管道确需穿过上述地下构筑物', en: 'the pipe genuinely has to pass through that structure' }),
  crossingEffectivelyProtected: observed({ zh: '该穿越已采取有效的防护措施', en: 'the crossing is effectively protected' }),
  operatesPressureRegulators: observed({ zh: '有调压装置', en: 'operates pressure regulators' }),
  regulatorOverpressureProtectionProvided: observed({ zh: '调压装置设置了防止出口压力超过下游允许压力的安全保护措施', en: 'regulators have protection against outlet pressure exceeding what downstream allows' }),
  // 第七条 气瓶
  fillsCylinders: observed({ zh: '从事气瓶充装', en: 'fills gas cylinders' }),
  fillsNonOwnedCylinders: observed({ zh: '为非本单位自有的气瓶充装燃气', en: 'fills cylinders it does not own' }),
  nonOwnedCylinderFillingAuthorised: observed({ zh: '为非自有气瓶充装有合法依据（非擅自）', en: 'filling those cylinders has a lawful basis (is not unauthorised)' }),
  sellsBottledGas: observed({ zh: '销售瓶装燃气', en: 'sells bottled gas' }),
  bottledGasFillersAllLicensed: observed({ zh: '所销售瓶装燃气的充装单位均经许可', en: 'every filler of the bottled gas it sells is licensed' }),
  soldGasFilledIntoFillersNonOwnedCylinders: observed({ zh: '所销售瓶装燃气中有充装单位擅自为非自有气瓶充装的', en: 'some bottled gas it sells was filled by a filler into cylinders the filler does not own, without authority' }),
  // 第八条 燃气加臭
  suppliedGasOdorisedToStandard: observed({ zh: '供应的燃气具有标准要求的警示性臭味', en: 'the gas supplied carries the warning odour the standards require', hint: '加臭量要求见相关标准，本标准不给数值' }),
  // 第九条 燃气用户（经营者安全检查发现的情形）
  hasGasUsers: observed({ zh: '向燃气用户供气并负有用户安全检查责任', en: 'supplies gas users and must inspect their installations' }),
  undergroundInstallationFound: observed({ zh: '安全检查发现燃气管道、调压装置或燃具设在地下室、半地下室、地下箱体或其他密闭地下空间内', en: 'inspection found gas pipes, regulators or appliances in a basement, semi-basement, underground box or other enclosed underground space' }),
  undergroundInstallationGasRelativeDensity: quantity({ zh: '上述设施所用燃气的相对密度（空气为1）', en: 'relative density (air = 1) of the gas those installations carry', hint: '天然气约0.55–0.6，液化石油气约1.5–2.0' }, 'ratio'),
  undergroundInstallationMeasuresTaken: observed({ zh: '对该情形按规定采取了书面告知用户整改等措施', en: 'the required measures (written rectification notice to the user …) were taken for that finding' }),
  mainPipesInBathroomFound: observed({ zh: '安全检查发现燃气引入管、立管或水平干管设在卫生间内', en: 'inspection found a service inlet, riser or horizontal main inside a bathroom' }),
  bathroomPipesMeasuresTaken: observed({ zh: '对该情形按规定采取了书面告知用户整改等措施', en: 'the required measures were taken for that finding' }),
  gasInSleepingRoomFound: observed({ zh: '安全检查发现燃气管道及附件或燃具设在卧室、旅馆客房等供人员居住和休息的房间内', en: 'inspection found gas pipes, fittings or appliances in a bedroom, hotel guest room or other room for living and sleeping' }),
  sleepingRoomMeasuresTaken: observed({ zh: '对该情形按规定采取了书面告知用户整改等措施', en: 'the required measures were taken for that finding' }),
  phasedOutAppliancesFound: observed({ zh: '安全检查发现用户使用国家明令淘汰的燃气燃烧器具或连接管', en: 'inspection found the user using gas appliances or connecting hoses the state has ordered phased out' }),
  phasedOutAppliancesMeasuresTaken: observed({ zh: '对该情形按规定采取了书面告知用户整改等措施', en: 'the required measures were taken for that finding' }),
  // 第十条 其他
  seriousViolationOfGasRules: observed({ zh: '存在严重违反城镇燃气经营法律法规和标准规范的情形', en: 'gas-operation laws, regulations or standards are seriously violated' }),
  realDangerOfMassCasualtiesOrMajorLoss: observed({ zh: '该情形存在危害程度较大、可能导致群死群伤或造成重大经济损失的现实危险', en: 'that situation carries a real danger of mass casualties or major economic loss' }),
});
export type UrbanGasFacts = z.infer<typeof urbanGasFacts>;
