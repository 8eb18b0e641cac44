// The road-transport fact vocabulary (道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）, partial):
// enterprise types, the Art.3 general items, Art.4(1) and Art.6(2); Art.6(1) and the reported items are not encoded.
import { z } from 'zod';
import { count, observed, oneOf, quantity, someOf } from './fields.js';

export const roadTransportFacts = z.strictObject({
  enterpriseTypes: someOf(
    ['roadPassenger', 'roadDangerousGoods', 'rideHailingPlatform', 'other'],
    {
      zh: '企业类型（可多选）',
      en: 'kinds of enterprise (several may apply)',
      hint: '第三条各项适用于所有道路运输企业和城市客运企业',
      // Art.6(1) and the reported R-2 are listed as not encoded; the old list is accepted and ignored.
      aliases: [{ name: 'itemsFoundAgainstOfficialText2023', deprecatedIn: '0.2.0', values: {} }],
    },
    { roadPassenger: '道路旅客运输企业', roadDangerousGoods: '道路危险货物运输企业', rideHailingPlatform: '网络预约出租汽车平台公司', other: '其他道路运输或城市客运企业' },
  ),
  holdsOperatingLicenceOrFiling: observed({ zh: '已取得经营许可或已按规定备案', en: 'holds the operating licence or has made the required filing' }),
  operatesWithinLicensedScope: observed({ zh: '经营活动在许可（备案）事项范围内', en: 'operates within the licensed or filed scope' }),
  operatesWithinLicenceValidity: observed({ zh: '经营活动在许可（备案）有效期内', en: 'operates within the validity period of the licence or filing', hint: '有效期届满当日视为仍在有效期内' }),
  operatesScrappedVehicleOrEquipment: observed({ zh: '使用已报废的车辆装备或设施设备经营', en: 'operates scrapped vehicles or equipment' }),
  operatesIllegallyModifiedVehicle: observed({ zh: '使用擅自改装的车辆装备或设施设备经营', en: 'operates illegally modified vehicles or equipment' }),
  operatesAssembledVehicle: observed({ zh: '使用拼装的车辆装备或设施设备经营', en: 'operates vehicles or equipment assembled from parts' }),
  operatesFailedOrLapsedInspectionVehicle: observed({ zh: '使用检验检测不合格或不在有效期内的车辆装备或设施设备经营', en: 'operates vehicles or equipment that failed inspection/testing or whose inspection has lapsed' }),
  operatesOtherNonCompliantVehicle: observed({ zh: '使用其他不符合国家规定的车辆装备或设施设备经营', en: 'operates vehicles or equipment that otherwise fail national rules' }),
  persistentSpeedingOverloadFatigue: observed({ zh: '所属营运驾驶员和车辆长期存在超速、超员、超载或疲劳驾驶', en: 'the firm\'s drivers and vehicles persistently speed, carry too many people, overload or drive fatigued', hint: '“长期”本标准未定义' }),
  inTripCorrectionGiven: observed({ zh: '运输过程中已及时提醒纠正', en: 'timely reminders and corrections were given during the trips' }),
  handledWithinOneMonthAfterTrip: observed({ zh: '运输结束后一个月内已严肃处理', en: 'the cases were seriously dealt with within one month after the trips' }),
  driverSingleIntegrityDeductionPoints: count({ zh: '营运驾驶员单次诚信考核计分（最高一次）', en: 'largest single integrity-assessment deduction incurred by a driver' }, '分'),
  driverSeriouslyHandled: observed({ zh: '对该驾驶员已严肃处理', en: 'that driver was seriously dealt with' }),
  driverStillAssigned: observed({ zh: '该驾驶员仍被安排上岗', en: 'that driver is still assigned to work' }),
  typhoonWarningLevel: oneOf(
    ['none', 'blue', 'yellow', 'orange', 'red'],
    { zh: '经营地或线路途经地台风预警最高级别', en: 'highest typhoon warning level in the operating area or on the route' },
    { none: '无预警', blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' },
  ),
  redWarningsInForce: someOf(
    ['rainstorm', 'blizzard', 'hail', 'denseFog', 'sandstorm', 'gale', 'roadIcing', 'geoHazardRisk'],
    { zh: '经营地或线路途经地已发布的红色预警', en: 'red warnings issued for the operating area or the route', hint: '无红色预警时选空列表' },
    { rainstorm: '暴雨', blizzard: '暴雪', hail: '冰雹', denseFog: '大雾', sandstorm: '沙尘暴', gale: '大风', roadIcing: '道路结冰', geoHazardRisk: '地质灾害气象风险' },
  ),
  dispatchedDespiteStopRequirement: observed({ zh: '未执行政府停运指令或企业应急预案要求，仍安排运输作业', en: 'trips were dispatched although a government suspension order or the emergency plan required stopping' }),
  otherLawsMajorHazardFound: observed({ zh: '依照法律法规和规章，存在其他应当判定为重大事故隐患的情形', en: 'another situation that laws, regulations or rules require to be judged a major accident hazard', hint: '兜底情形，由检查人员人工认定' }),
  isScheduledRoute: observed({ zh: '属于道路客运班线', en: 'the route is a scheduled passenger route' }),
  routeLengthKm: quantity({ zh: '客运班线里程', en: 'length of the scheduled route' }, 'km'),
  routeRiskAssessmentDone: observed({ zh: '该班线已按规定开展安全风险评估', en: 'the required safety risk assessment of the route has been done' }),
  vehiclesRunBetween0200And0500: observed({ zh: '该班线所属客运车辆在凌晨2时至5时运行', en: 'vehicles on that route run between 02:00 and 05:00' }),
  relayOperationCompliant: observed({ zh: '在该时段已按规定实行接驳运输', en: 'relay (接驳) operation is used as required in that period' }),
  isAtmosphericLiquidTanker: observed({ zh: '使用常压液体危险货物罐车', en: 'atmospheric-pressure liquid tank trucks are used' }),
  cargoWithinApprovedMedia: observed({ zh: '罐体运输介质在其适装介质范围内', en: 'the cargo is within the tank\'s approved list of suitable media', hint: '对照罐体定期检验报告的适装介质列表' }),
  tankerLoadKg: quantity({ zh: '罐车实际装载质量', en: 'actual load of the tank truck' }, 'kg'),
  tankerRatedLoadKg: quantity({ zh: '罐车核定载质量', en: 'rated load of the tank truck' }, 'kg'),
  platformVehicleMatchesActual: observed({ zh: '平台登记、派单的车辆与实际承运车辆一致', en: 'the vehicle registered/dispatched on the platform is the one actually providing the service' }),
  platformDriverMatchesActual: observed({ zh: '平台登记、派单的驾驶员与实际承运驾驶员一致', en: 'the driver registered/dispatched on the platform is the one actually providing the service' }),
});
