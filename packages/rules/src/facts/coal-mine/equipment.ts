// Coal facts for banned or phased-out equipment and processes (2026 Art.13; 2020 Art.13).
// Observations an assessor records; the rules do the comparing. Shared by both versions where the observation is the same.
import { count, observed, quantity, someOf } from '../fields.js';

export const equipmentFacts = {
  bannedEquipmentOrProcessInUse: observed({ zh: '使用了禁止或淘汰目录中列明的设备或工艺', en: 'equipment or a process listed in the banned / phase-out catalogues is in use', hint: '《禁止井工煤矿使用的设备及工艺目录》《矿山安全落后工艺及设备淘汰目录》' }),
  undergroundProductsWithoutMaMark: someOf(
    ['electricalEquipment', 'cable', 'reactivePolymer', 'ventilationDuct', 'conveyorBelt'],
    { zh: '井下使用的、没有取得煤矿矿用产品安全标志的产品类别', en: 'kinds of products used underground without the coal-mine product safety mark (MA)', hint: '电气设备仅指纳入煤矿矿用产品安全标志管理的电气设备' },
    { electricalEquipment: '电气设备', cable: '电缆', reactivePolymer: '反应型高分子材料', ventilationDuct: '风筒', conveyorBelt: '输送带' },
  ),
  electricalEquipmentMatchesGasClass: observed({ zh: '井下电气设备选型与矿井瓦斯等级相符', en: 'underground electrical equipment is of a type suited to the mine\'s gas class' }),
  flameproofEnclosureCrackedOrWeldOpen: observed({ zh: '采（盘）区内隔爆外壳有裂纹或开焊', en: 'a flameproof enclosure in a district is cracked or has an open weld' }),
  flameproofEnclosureDeformationLengthMm: quantity({ zh: '采（盘）区内隔爆外壳变形长度（最大者）', en: 'deformation length of a flameproof enclosure in a district (the largest)' }, 'mm'),
  flameproofEnclosureDentDepthMm: quantity({ zh: '采（盘）区内隔爆外壳凹凸深度（最大者）', en: 'dent depth of a flameproof enclosure in a district (the largest)' }, 'mm'),
  flameproofBearingCoverMissing: observed({ zh: '装有轴承的转轴穿过隔爆外壳壁处没有隔爆轴承盖', en: 'a bearing shaft passes through the enclosure wall without a flameproof bearing cover' }),
  spareCableEntryUnsealed: observed({ zh: '多余的电缆引入口没有封堵', en: 'a spare cable entry is not sealed' }),
  multipleCablesInOneSealRingHole: observed({ zh: '一个密封圈单孔内穿进多根电缆', en: 'several cables pass through one hole of a seal ring' }),
  observationWindowLooseOrBroken: observed({ zh: '隔爆腔观察孔（窗）透明板松动或破裂', en: 'the transparent plate of a flameproof observation window is loose or broken' }),
  observationWindowOrdinaryGlass: observed({ zh: '观察孔（窗）用普通玻璃代替透明板', en: 'ordinary glass replaces the window plate' }),
  flameproofChambersDirectlyConnected: observed({ zh: '隔爆设备的隔爆腔之间直接贯通', en: 'flameproof chambers of the equipment are directly connected' }),
  explosionProofInterlockWorking: observed({ zh: '防爆电气设备闭锁装置有效', en: 'the interlocks of explosion-proof electrical equipment work' }),
  blastingCarriedOut: observed({ zh: '进行爆破作业', en: 'blasting is carried out' }),
  permissibleExplosiveMatchesGasClass: observed({ zh: '选用的煤矿许用炸药与矿井瓦斯等级相应', en: 'the permissible explosive chosen suits the mine\'s gas class' }),
  detonatorMatchesGasClass: observed({ zh: '选用的雷管（2026年版：煤矿许用数码电子雷管）与矿井瓦斯等级相应', en: 'the detonators chosen (2026: permissible digital electronic detonators) suit the mine\'s gas class' }),
  dedicatedBlastingControllerUsed: observed({ zh: '使用专用起爆控制器（发爆器）', en: 'a dedicated blasting controller (exploder) is used' }),
  unconfinedBlastingCarriedOut: observed({ zh: '进行了裸露爆破', en: 'unconfined (bare) blasting was done' }),
  districtExplosionProofEquipmentLostProtection: observed({ zh: '采（盘）区内防爆型电气设备失爆', en: 'explosion-proof electrical equipment in a district has lost its explosion protection' }),
  nonExplosionProofTracklessVehicleUnderground: observed({ zh: '井下使用非防爆无轨胶轮车', en: 'a non-explosion-proof rubber-tyred vehicle is used underground' }),
  longwallUnobstructedSafetyExitCount: count({ zh: '采煤工作面畅通的安全出口数（最少的一个工作面）', en: 'unobstructed safety exits of a longwall (the face with fewest)' }, '个'),
  advancingLongwallMethodUsed: observed({ zh: '采煤工作面采用前进式采煤方法', en: 'a longwall is mined by the advancing method' }),
  thinSeamLongwall: observed({ zh: '该工作面开采薄煤层', en: 'that longwall works a thin seam' }),
} as const;
