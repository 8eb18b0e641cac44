// Coal facts for gas drainage (2026 Art.5(9) with Tables 1–3, Art.7; 2020 Art.6(2), Art.7(1)).
// Observations, never verdicts: measured quantities carry their unit in the name; yes/no facts are what an
// inspector records. Limits the text takes from the Coal Mine Safety Regulations are facts the assessor supplies.
import { observed, oneOf, percent, quantity } from '../fields.js';

export const drainageFacts = {
  gasEmissionMainSource: oneOf(['minedSeam', 'adjacentSeamsAndRock'], { zh: '采煤工作面瓦斯涌出的主要来源', en: 'main source of gas emission at the longwall' }, { minedSeam: '主要来自开采层', adjacentSeamsAndRock: '主要来自邻近层和围岩' }),
  longwallDailyOutputTonnes: quantity({ zh: '采煤工作面日产量', en: 'daily output of the longwall' }, 't/d'),
  longwallDesorbableGasM3PerTonne: quantity({ zh: '采煤工作面前方20m以上范围内煤的可解吸瓦斯量', en: 'desorbable gas content of the coal 20 m or more ahead of the longwall' }, 'm³/t'),
  longwallAbsoluteGasEmissionM3PerMin: quantity({ zh: '采煤工作面绝对瓦斯涌出量', en: 'absolute gas emission of the longwall' }, 'm³/min'),
  longwallGasDrainageRatePercent: percent({ zh: '采煤工作面瓦斯抽采率', en: 'gas drainage rate of the longwall' }),
  mineAbsoluteGasEmissionM3PerMin: quantity({ zh: '矿井绝对瓦斯涌出量', en: 'absolute gas emission of the mine' }, 'm³/min'),
  mineGasDrainageRatePercent: percent({ zh: '矿井瓦斯抽采率', en: 'gas drainage rate of the mine' }),
  gasDrainageSystemRequired: observed({ zh: '按《煤矿安全规程》该矿井应当建立瓦斯抽采系统', en: 'the Coal Mine Safety Regulations require this mine to have a gas-drainage system' }),
  gasDrainageSystemBuilt: observed({ zh: '已建立瓦斯抽采系统', en: 'a gas-drainage system has been built' }),
  gasDrainageSystemOperatingNormally: observed({ zh: '瓦斯抽采系统正常运行（使用）', en: 'the gas-drainage system operates (is used) normally' }),
  permanentSurfaceGasDrainageSystemBuilt: observed({ zh: '已建立地面永久瓦斯抽采系统', en: 'a permanent surface gas-drainage system has been built' }),
  standbyDrainagePumpInstalled: observed({ zh: '地面瓦斯抽采泵有备用泵', en: 'a standby surface gas-drainage pump is installed' }),
  standbyDrainagePumpCapacityM3PerMin: quantity({ zh: '备用抽采泵的能力', en: 'capacity of the standby drainage pump' }, 'm³/min'),
  largestRunningDrainagePumpCapacityM3PerMin: quantity({ zh: '在运行抽采泵中最大一台单泵的能力', en: 'capacity of the largest single running drainage pump' }, 'm³/min'),
  runningDrainagePumpsInstalledCapacityM3PerMin: quantity({ zh: '运行中抽采泵的装机能力', en: 'installed capacity of the running drainage pumps' }, 'm³/min'),
  drainageRequiredWorkingFlowM3PerMin: quantity({ zh: '抽采达标时应抽瓦斯量所对应的工况流量', en: 'working-condition flow matching the gas quantity to be drained for compliance' }, 'm³/min'),
  dryDrainagePumpInUse: observed({ zh: '使用干式抽采瓦斯泵', en: 'a dry-type gas-drainage pump is in use' }),
  drySuctionAntiFlashbackDevice: observed({ zh: '干式泵吸气侧管路装有防回火安全装置', en: 'the dry pump suction line has an anti-flashback device' }),
  drySuctionAntiBackflowDevice: observed({ zh: '干式泵吸气侧管路装有防回流安全装置', en: 'the dry pump suction line has an anti-backflow device' }),
  drySuctionAntiExplosionDevice: observed({ zh: '干式泵吸气侧管路装有防爆炸安全装置', en: 'the dry pump suction line has an anti-explosion device' }),
} as const;
