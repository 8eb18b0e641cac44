// Coal facts for the "other" items (2026 Art.20(3)–(19); 2020 Art.18(1)–(9), (11)).
import { observed, quantity, someOf } from '../fields.js';

const hoistProtections = [
  'overwindOverrun', 'overspeed', 'overloadUndervoltage', 'speedLimiting', 'positionIndicator',
  'brakeShoeGap', 'slackRope', 'deceleration', 'wrongDirection',
] as const;
const chairliftProtections = ['overspeed', 'slip', 'fullLengthEmergencyStop', 'ropeDerailment', 'gradeChangeRopeDrop', 'antiReverse', 'overtravel'] as const;
const chargingChamberSensors = ['ch4', 'co', 'h2', 'smoke', 'temperature'] as const;
const undergroundEvents = ['outburst', 'faceFloodedByInrush', 'rockBurstSevereDamage', 'fireSealing'] as const;

export const otherFacts = {
  // 2026 Art.20(3)
  gasCheckMissedOrFakedAtMannedFace: observed({
    zh: '有人作业的采掘工作面（工作面进风巷除外）瓦斯检查存在漏检或假检',
    en: 'gas checks missed or faked at a manned working face (face intake roads excepted)',
  }),
  gasCheckMissedOrFakedAtSpecialOperation: observed({
    zh: '特殊作业地点（停工停风地点恢复施工、巷道贯通、爆破、动火、启封密闭、封闭火区）瓦斯检查存在漏检或假检',
    en: 'gas checks missed or faked at a special operation (restart after a stoppage, holing, blasting, hot work, unsealing, sealing a fire zone)',
  }),
  // 2026 Art.20(4); 2020 Art.18(3)
  monthsSinceLastGasClassAssessment: quantity({ zh: '距上次瓦斯等级鉴定的月数', en: 'months since the last gas-class assessment' }, '月'),
  monthsSinceLastGasEmissionMeasurement: quantity(
    { zh: '距上次测定和计算矿井、采区、工作面瓦斯涌出量的月数', en: 'months since mine, district and face gas emission were last measured and calculated' },
    '月',
  ),
  seamAssessedAsNonOutburst: observed({ zh: '所采煤层经鉴定为非突出煤层', en: 'the seam worked is assessed as non-outburst' }),
  crosscutCoalExposureInSeam: observed({ zh: '该煤层进行井巷揭煤', en: 'a roadway or shaft is exposing that seam' }),
  seamRoadwayBeyondAssessedRange: observed({ zh: '煤巷施工超出鉴定范围', en: 'coal roadway work beyond the assessed range' }),
  newLevelOpenedInSeam: observed({ zh: '开拓新水平', en: 'a new level opened' }),
  miningDepthIncreaseSinceAssessmentM: quantity({ zh: '鉴定以来采深增加值', en: 'increase in mining depth since the assessment' }, 'm'),
  seamGasPressureAndContentMeasured: observed({ zh: '已测定该煤层瓦斯压力、瓦斯含量', en: 'gas pressure and gas content of the seam measured' }),
  outburstIdentificationDoneAsRegulations: observed({ zh: '已按《煤矿安全规程》开展突出鉴定', en: 'outburst identification done as the Coal Mine Safety Regulations require' }),
  gasClassAssessmentDoneAsRegulations: observed({ zh: '已按国家规定进行瓦斯等级鉴定', en: 'gas-class assessment done as the state requires' }),
  gasClassAssessmentFalsified: observed({ zh: '瓦斯等级鉴定弄虚作假', en: 'gas-class assessment falsified' }),
  // 2026 Art.20(5); 2020 Art.18(4)
  seamGasDynamicPhenomenaObserved: observed({ zh: '该煤层出现瓦斯动力现象', en: 'gas dynamic phenomena in the seam' }),
  nonOutburstSeamGasPressureMPa: quantity({ zh: '该非突出煤层实测瓦斯压力', en: 'measured gas pressure of the non-outburst seam' }, 'MPa'),
  adjacentMineSameSeamOutburstOrClassified: observed({
    zh: '相邻矿井开采的同一煤层发生突出，或被鉴定、认定为突出煤层',
    en: 'the same seam in an adjacent mine had an outburst or was identified or designated an outburst seam',
  }),
  seamDirectlyDesignatedOutburst: observed({ zh: '该煤层已直接认定为突出煤层', en: 'the seam was directly designated an outburst seam' }),
  outburstIdentificationMonthsAfterTrigger: quantity(
    {
      zh: '自出现上述情形起至完成突出危险性鉴定的月数',
      en: 'months from the trigger to the completed outburst-risk identification',
      hint: '尚未完成的，填自出现情形至今的月数',
    },
    '月',
  ),
  prescribedOutburstIdentificationPeriodMonths: quantity({ zh: '国家规定的突出危险性鉴定期限', en: 'period the state prescribes for the identification' }, '月'),
  seamManagedAsOutburstSinceTrigger: observed({ zh: '自出现上述情形起即按突出煤层管理', en: 'managed as an outburst seam from the trigger on' }),
  // 2026 Art.20(6); 2020 Art.18(5)
  workingFacesConcealed: observed({ zh: '隐瞒采掘工作面', en: 'working faces concealed' }),
  undergroundHeadcountConcealed: observed({ zh: '隐瞒下井人数', en: 'number of people underground concealed' }),
  minePlansFalsified: observed({ zh: '图纸作假', en: 'mine plans falsified' }),
  falseInformationProvided: observed({ zh: '提供虚假信息', en: 'false information provided' }),
  managerOrChiefEngineerRecordsForged: observed({ zh: '矿长、总工程师（技术负责人）履职时伪造记录、弄虚作假', en: 'mine manager or chief engineer forged records in their duties' }),
  // 2026 Art.20(7); 2020 Art.18(7)
  manHoistInUse: observed({ zh: '立井、倾斜井巷使用升降人员的提升装置', en: 'hoists carrying people in shafts or inclines' }),
  manHoistProtectionsInstalled: someOf(
    hoistProtections,
    { zh: '升降人员提升装置已装设的保护', en: 'protections fitted to the man-winding hoist' },
    {
      overwindOverrun: '过卷和过放保护', overspeed: '超速保护', overloadUndervoltage: '过负荷和欠电压保护', speedLimiting: '限速保护',
      positionIndicator: '提升容器位置指示保护', brakeShoeGap: '闸瓦间隙保护', slackRope: '松绳保护', deceleration: '减速功能保护', wrongDirection: '错向运行保护',
    },
  ),
  manHoistRunWithFailedProtection: observed({ zh: '提升装置保护失效后仍运行', en: 'hoist run with a failed protection' }),
  manHoistProtectionsPerRegulationsInstalled: observed({ zh: '提升人员的提升机按《煤矿安全规程》装设了保护装置', en: 'man-hoist fitted with the protections the Regulations require' }),
  manHoistProtectionFailed: observed({ zh: '提升机保护装置失效', en: 'a man-hoist protection failed' }),
  manHoistOverloadedWithPersons: observed({ zh: '提升人员超员运行', en: 'man-hoist run with more people than allowed' }),
  // 2026 Art.20(8)
  chairliftInUse: observed({ zh: '使用架空乘人装置', en: 'overhead chair-lift (man-rider) in use' }),
  chairliftProtectionsInstalled: someOf(
    chairliftProtections,
    { zh: '架空乘人装置已装设的保护', en: 'protections fitted to the chair-lift' },
    {
      overspeed: '超速保护', slip: '打滑保护', fullLengthEmergencyStop: '全程急停保护', ropeDerailment: '防脱绳保护',
      gradeChangeRopeDrop: '变坡点防掉绳保护', antiReverse: '防反转保护', overtravel: '越位保护',
    },
  ),
  chairliftRunWithFailedProtection: observed({ zh: '架空乘人装置保护失效后仍运行', en: 'chair-lift run with a failed protection' }),
  // 2026 Art.20(9)–(11); 2020 Art.18(8)
  beltConveyorsInUse: observed({ zh: '使用带式输送机', en: 'belt conveyors in use' }),
  beltFlameRetardancyTestedBeforeUnderground: observed({ zh: '输送带入井前做了阻燃试验', en: 'belt flame-retardancy tested before going underground' }),
  beltFlameRetardancyTestPassed: observed({ zh: '入井输送带阻燃试验合格', en: 'belts taken underground passed the flame-retardancy test' }),
  beltThirdPartyFlameAndAntistaticTested: observed({ zh: '输送带入井前经第三方阻燃和抗静电性能试验', en: 'belt tested by a third party for flame retardancy and antistatic properties before going underground' }),
  beltThirdPartyTestsPassed: observed({ zh: '第三方阻燃和抗静电试验合格', en: 'third-party flame-retardancy and antistatic tests passed' }),
  beltAntiSlipDeviationPileupProtectionsWork: observed({ zh: '输送带防打滑、跑偏、堆煤等保护装置有效', en: 'belt anti-slip, anti-deviation and pile-up protections work' }),
  beltTemperatureMonitoringWorks: observed({ zh: '带式输送机温度监测装置有效', en: 'belt temperature monitoring works' }),
  beltSmokeMonitoringInstalled: observed({ zh: '带式输送机装设了烟雾监测装置', en: 'smoke monitoring fitted to the belt conveyor' }),
  beltSmokeMonitoringWorks: observed({ zh: '带式输送机烟雾监测装置有效', en: 'belt smoke monitoring works' }),
  beltHeadSmokeAndCoSensorsInstalled: observed({
    zh: '机头滚筒下风侧设有烟雾传感器和一氧化碳传感器',
    en: 'smoke and CO sensors fitted downwind of the head drum',
    hint: '机头位置：风流由机头流向机尾时从下风侧最后一个驱动滚筒（无驱动滚筒的从卸载滚筒）起算；反向风流时从卸载滚筒起算',
  }),
  beltHeadSmokeSensorDistanceM: quantity({ zh: '机头烟雾传感器距机头基准滚筒的下风侧距离', en: 'distance of the head smoke sensor downwind of the head reference drum' }, 'm'),
  beltHeadCoSensorDistanceM: quantity({ zh: '机头一氧化碳传感器距机头基准滚筒的下风侧距离', en: 'distance of the head CO sensor downwind of the head reference drum' }, 'm'),
  beltTailSmokeAndCoSensorsInstalled: observed({
    zh: '机尾滚筒下风侧设有烟雾传感器和一氧化碳传感器',
    en: 'smoke and CO sensors fitted downwind of the tail drum',
    hint: '机尾位置从改向（机尾）滚筒起算',
  }),
  beltTailSmokeSensorDistanceM: quantity({ zh: '机尾烟雾传感器距机尾改向滚筒的下风侧距离', en: 'distance of the tail smoke sensor downwind of the tail bend drum' }, 'm'),
  beltTailCoSensorDistanceM: quantity({ zh: '机尾一氧化碳传感器距机尾改向滚筒的下风侧距离', en: 'distance of the tail CO sensor downwind of the tail bend drum' }, 'm'),
  beltDrumSensorsWork: observed({ zh: '机头、机尾烟雾和一氧化碳传感器有效', en: 'head and tail smoke and CO sensors work' }),
  // 2026 Art.20(12)–(17); 2020 Art.18(9)
  headingAdvancing: observed({ zh: '掘进工作面正在掘进', en: 'the heading is being advanced' }),
  oldWorkingsAheadOfHeadingKnown: observed({ zh: '掘进工作面前方老巷、老空情况已查明', en: 'old roadways and goaf ahead of the heading known' }),
  repairOrHotspotWorkBehindHeadingInProgress: observed({
    zh: '正在对掘进工作面后部巷道或独头巷道挑顶、刷帮、替棚（维修）或处置着火点、高温点',
    en: 'roof ripping, side trimming, set replacement (repair) or fire/hot-spot treatment under way behind a heading or in a dead-end roadway',
  }),
  headingContinuedInbyRepairPoint: observed({ zh: '维修（处置）点以里继续掘进', en: 'heading continued inby the repair point' }),
  personsEnteredInbyRepairPoint: observed({ zh: '有人进入维修（处置）点以里', en: 'people went inby the repair point' }),
  outburstOrBurstSeamFacesHaveCompressedAirSelfRescue: observed({
    zh: '突出煤层、冲击地压煤层的采掘工作面均安设了压风自救装置',
    en: 'every working face in an outburst or rock-burst seam has compressed-air self-rescue devices',
  }),
  faceCompressedAirWaterCommsInstalled: observed({ zh: '采掘工作面按国家规定安设了压风、供水、通信线路及装置', en: 'faces have the compressed-air, water and communication lines and devices the state requires' }),
  weldingOrTorchWorkCarriedOut: observed({ zh: '进行电焊、气焊、喷灯焊接等作业', en: 'electric or gas welding or blow-torch work carried out' }),
  weldingOrTorchWorkAsRegulations: observed({ zh: '该作业符合《煤矿安全规程》', en: 'that work done as the Coal Mine Safety Regulations require' }),
  unsupportedRoofWorkAtFace: observed({ zh: '采掘工作面存在空顶作业', en: 'work under unsupported roof at a face' }),
  unsupportedRoofWorkPermittedByProcedure: observed({ zh: '该空顶作业为作业规程所允许', en: 'that unsupported-roof work is allowed by the operating procedure' }),
  // 2026 Art.20(17) reads longwallUnobstructedSafetyExitCount (equipment.ts, shared with 2020 Art.13(5)).
  // 2026 Art.20(18)
  lithiumBatteryChargedUnderground: observed({ zh: '在井下给锂电池充电', en: 'lithium batteries charged underground' }),
  lithiumBatteryEnergyKwh: quantity({ zh: '井下充电的锂电池电量（最大者）', en: 'energy of the lithium battery charged underground (largest)' }, 'kWh'),
  lithiumBatteryIsDieselVehicleStarterWithoutExternalCharging: observed({
    zh: '该电池是防爆柴油机无轨胶轮车配套的启动用锂电池且不具备外部充电功能',
    en: 'the battery is the starter battery of an explosion-proof diesel trackless vehicle and cannot be charged externally',
  }),
  lithiumBatteryIsSafetySystemBackupPower: observed({
    zh: '该电池是监控、通信、人员位置监测、视频、应急广播或避险设施设备的备用电源',
    en: 'the battery is backup power of monitoring, communication, personnel-location, video, emergency-broadcast or refuge equipment',
  }),
  lithiumBatteryChargedInDedicatedChamber: observed({ zh: '在专用充电硐室内充电', en: 'charged in a dedicated charging chamber' }),
  chargingChamberIndependentlyVentilated: observed({ zh: '专用充电硐室独立通风', en: 'the charging chamber has independent ventilation' }),
  chargingChamberAutoCutoffSensors: someOf(
    chargingChamberSensors,
    { zh: '充电硐室设置的具备超限自动断电功能的传感器', en: 'sensors in the charging chamber that cut power automatically on exceedance' },
    { ch4: '甲烷', co: '一氧化碳', h2: '氢气', smoke: '烟雾', temperature: '温度' },
  ),
  // 2026 Art.20(19)
  undergroundEventsOccurred: someOf(
    undergroundEvents,
    { zh: '井下发生的事件', en: 'events that occurred underground' },
    {
      outburst: '煤（岩）与瓦斯（二氧化碳）突出', faceFloodedByInrush: '透（突、溃）水淹没采掘工作面',
      rockBurstSevereDamage: '冲击地压动力现象造成巷道严重变形或设备损坏', fireSealing: '因火灾封闭工作面（或矿井）',
    },
  ),
  outburstCausedCasualties: observed({ zh: '该突出造成人员伤亡', en: 'the outburst caused casualties' }),
  // 2020 Art.18(1), (2), (11)
  fullTimeManagersAppointed: observed({
    zh: '分别配备了专职矿长、总工程师和分管安全、生产、机电的副矿长',
    en: 'separate full-time mine manager, chief engineer, and deputy managers for safety, production and electromechanics appointed',
  }),
  specialistTechniciansAppointed: observed({
    zh: '配备了负责采煤、掘进、机电运输、通风、地测、防治水工作的专业技术人员',
    en: 'technical staff for mining, heading, electromechanical transport, ventilation, survey and water control appointed',
  }),
  safetyFundsFullyExtracted: observed({ zh: '按国家规定足额提取安全生产费用', en: 'safety production funds extracted in full as the state requires' }),
  safetyFundsUsedWithinScope: observed({ zh: '按规定范围使用安全生产费用', en: 'safety production funds used within the prescribed scope' }),
  otherMajorHazardDeterminedByAuthority: observed({
    zh: '国家矿山安全监察机构已认定存在其他重大事故隐患',
    en: 'the national mine safety authority has determined another major hazard at the mine',
  }),
} as const;
