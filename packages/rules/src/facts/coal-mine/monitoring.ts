// Coal facts for monitoring and communication systems and methane sensors (2026 Art.14; 2020 Art.18(6)).
import { observed, percent, quantity } from '../fields.js';

export const monitoringFacts = {
  // Art.14(1): the systems an underground mine must build, and the open-pit slope system.
  safetyMonitoringSystemBuilt: observed({ zh: '已建立安全监控系统', en: 'safety monitoring system built' }),
  safetyMonitoringSystemOperatingNormally: observed({ zh: '安全监控系统正常运行', en: 'safety monitoring system operating normally' }),
  personnelLocationSystemBuilt: observed({ zh: '已建立人员位置监测系统', en: 'personnel-location system built' }),
  personnelLocationSystemOperatingNormally: observed({ zh: '人员位置监测系统正常运行', en: 'personnel-location system operating normally' }),
  wiredDispatchCommsSystemBuilt: observed({ zh: '已建立有线调度通信系统', en: 'wired dispatch telephone system built' }),
  wiredDispatchCommsSystemOperatingNormally: observed({ zh: '有线调度通信系统正常运行', en: 'wired dispatch telephone system operating normally' }),
  videoSurveillanceSystemBuilt: observed({ zh: '已建立视频监视系统', en: 'video surveillance system built' }),
  videoSurveillanceSystemOperatingNormally: observed({ zh: '视频监视系统正常运行', en: 'video surveillance system operating normally' }),
  slopeMonitoringWarningSystemBuilt: observed({ zh: '已建立边坡监测预警系统（露天煤矿）', en: 'slope monitoring and warning system built (open pit)' }),
  slopeMonitoringWarningSystemOperatingNormally: observed({ zh: '边坡监测预警系统正常运行（露天煤矿）', en: 'slope monitoring and warning system operating normally (open pit)' }),
  slopeMonitoringCoversAllAffectingAreas: observed({
    zh: '边坡监测预警覆盖所有影响作业人员安全的采场、排土场',
    en: 'slope monitoring covers every pit and dump that affects workers’ safety',
  }),
  // Art.14(2); 2020 Art.18(6).
  monitoringSystemDataTampered: observed({
    zh: '发现对监控、人员位置、通信、视频或边坡监测系统数据过滤、篡改、屏蔽、隐瞒、删除或销毁',
    en: 'data of the monitoring, personnel-location, communication, video or slope systems found filtered, altered, masked, concealed, deleted or destroyed',
  }),
  // Art.14(3).1: methane sensors at the listed locations.
  methaneSensorsAtFaceLocationsInstalled: observed({
    zh: '采煤工作面及其回风巷、回风隅角，煤巷、半煤岩巷和有瓦斯涌出的岩巷掘进工作面及其回风流中均设有甲烷传感器',
    en: 'methane sensors at every longwall face, its return and return corner, and at every coal, part-coal or gassy rock heading and its return air',
  }),
  longwallReturnLengthM: quantity({ zh: '采煤工作面回风巷长度（最长者）', en: 'length of the longwall return roadway (longest)' }, 'm'),
  methaneSensorAtLongwallReturnMidpointInstalled: observed({ zh: '采煤工作面回风巷中部设有甲烷传感器', en: 'methane sensor at the middle of the longwall return roadway' }),
  headingRoadwayLengthM: quantity({ zh: '掘进巷道长度（最长者）', en: 'length of the heading roadway (longest)' }, 'm'),
  methaneSensorAtHeadingMidpointInstalled: observed({ zh: '掘进巷道中部设有甲烷传感器', en: 'methane sensor at the middle of the heading roadway' }),
  methaneSensorAtLongwallIntakeInstalled: observed({ zh: '采煤工作面进风巷设有甲烷传感器', en: 'methane sensor in the longwall intake roadway' }),
  seriesVentilationInUse: observed({ zh: '存在串联通风', en: 'series ventilation in use' }),
  methaneSensorsAtSeriesVentilatedFacesInstalled: observed({
    zh: '被串采煤工作面进风巷、被串掘进工作面局部通风机前设有甲烷传感器',
    en: 'methane sensors in the intake of each series-ventilated longwall and ahead of the auxiliary fan of each series-ventilated heading',
  }),
  methaneSensorsAtReturnStationsInstalled: observed({
    zh: '采（盘）区回风巷、总回风巷测风站设有甲烷传感器',
    en: 'methane sensors at the air-measuring stations of district (panel) returns and main returns',
  }),
  trolleyLocomotiveHaulageInUse: observed({ zh: '主要运输巷道使用架线电机车', en: 'trolley-wire locomotives used on main haulage roads' }),
  loadingPointMethaneSensorInstalled: observed({ zh: '架线电机车运输巷道装煤点下风侧设有甲烷传感器', en: 'methane sensor downwind of the loading point on a trolley-locomotive road' }),
  loadingPointMethaneSensorDistanceDownwindM: quantity(
    { zh: '装煤点甲烷传感器距装煤点的下风侧距离', en: 'distance of the loading-point methane sensor downwind of the loading point' },
    'm',
  ),
  methaneSensorsAtBunkerAndDrainageStationInstalled: observed({
    zh: '煤仓上口下风侧、井下临时瓦斯抽采泵站及其排放口下风侧栅栏外均设有甲烷传感器（没有的设施不计）',
    en: 'methane sensors downwind of bunker tops and outside the fence downwind of temporary drainage pump stations and their outlets (where such exist)',
  }),
  // Art.14(3).2
  outburstPreventionDrillingInProgress: observed({ zh: '正在施工区域防突措施钻孔', en: 'drilling outburst-prevention holes for regional measures' }),
  drillingMethaneSensorInstalled: observed({ zh: '防突钻孔施工点下风侧设有甲烷传感器', en: 'methane sensor downwind of the outburst-prevention drilling site' }),
  drillingMethaneSensorDistanceDownwindM: quantity({ zh: '该甲烷传感器距钻孔施工点的下风侧距离', en: 'distance of that methane sensor downwind of the drilling site' }, 'm'),
  drillingMethaneSensorHasAlarmAndCutoff: observed({ zh: '该甲烷传感器具备超限报警、断电功能', en: 'that methane sensor alarms and cuts power on exceedance' }),
  // Art.14(4)–(7)
  methaneSensorAlarmWorks: observed({ zh: '甲烷传感器超限报警功能有效', en: 'methane sensors alarm on exceedance' }),
  methanePowerInterlockCutsAllNonIntrinsicallySafePower: observed({
    zh: '甲烷电闭锁能在超限时切断所监控区域全部非本质安全型电气设备电源',
    en: 'methane-power interlock cuts all non-intrinsically-safe equipment in the monitored zone on exceedance',
  }),
  methaneAlarmSetpointPercent: percent({ zh: '甲烷传感器实际报警浓度设定值', en: 'methane alarm set-point as set' }),
  requiredMethaneAlarmSetpointPercent: percent({ zh: '《煤矿安全规程》规定该地点的报警浓度', en: 'alarm concentration the Coal Mine Safety Regulations set for that place' }),
  methaneCutoffSetpointPercent: percent({ zh: '甲烷传感器实际断电浓度设定值', en: 'methane cut-off set-point as set' }),
  requiredMethaneCutoffSetpointPercent: percent({ zh: '《煤矿安全规程》规定该地点的断电浓度', en: 'cut-off concentration the Coal Mine Safety Regulations set for that place' }),
  methaneCutoffZoneAsRegulations: observed({ zh: '甲烷传感器断电范围符合《煤矿安全规程》', en: 'methane cut-off zone as the Coal Mine Safety Regulations set it' }),
  daysSinceMethaneSensorCalibration: quantity({ zh: '甲烷传感器距上次调校的天数（最久者）', en: 'days since a methane sensor was last calibrated (longest)' }, 'd'),
  requiredMethaneSensorCalibrationIntervalDays: quantity({ zh: '《煤矿安全规程》规定的甲烷传感器调校周期', en: 'calibration interval the Coal Mine Safety Regulations set' }, 'd'),
  methaneSensorInterferedToAvoidAlarm: observed({
    zh: '发现为躲避超限报警对甲烷传感器堵塞、包裹、喷雾、遮挡、风吹或压缩量程',
    en: 'a methane sensor found blocked, wrapped, sprayed, shielded, blown at or range-compressed to avoid alarms',
  }),
  methaneSensorFailedOrDistorted: observed({ zh: '该甲烷传感器因此失效或失真', en: 'that sensor failed or read falsely as a result' }),
} as const;
