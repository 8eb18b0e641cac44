// Coal facts for mining outside the licensed seams and boundaries (2026 Art.9; 2020 Art.10).
// Observations an assessor records; the rules do the comparing. Shared by both versions where the observation is the same.
import { observed, signedQuantity } from '../fields.js';

export const boundariesFacts = {
  workingsWithinLicensedSeams: observed({ zh: '开采作业均在采矿许可证载明的煤层（层位）内', en: 'all workings lie in the seams (horizons) named on the mining licence' }),
  workingsWithinLicenceCoordinates: observed({ zh: '采煤（露天煤矿为剥离）作业均在采矿许可证载明的坐标控制范围内', en: 'all coal-winning (open pit: stripping) lies inside the licence\'s coordinate boundary' }),
  lowestWorkingElevationM: signedQuantity({ zh: '采煤（剥离）作业最低点标高', en: 'elevation of the lowest coal-winning (stripping) point', hint: '与许可证标高同一高程基准' }, 'm'),
  highestWorkingElevationM: signedQuantity({ zh: '采煤（剥离）作业最高点标高', en: 'elevation of the highest coal-winning (stripping) point', hint: '与许可证标高同一高程基准' }, 'm'),
  licenceLowestElevationM: signedQuantity({ zh: '采矿许可证载明的开采最低标高', en: 'lowest mining elevation stated on the licence' }, 'm'),
  licenceHighestElevationM: signedQuantity({ zh: '采矿许可证载明的开采最高标高', en: 'highest mining elevation stated on the licence' }, 'm'),
  safetyPillarEnteredByWorkings: observed({ zh: '探巷或采掘工程进入了规程、规范要求留设的安全煤柱', en: 'an exploration roadway or mine working has entered a safety pillar required by the Regulations / pillar code' }),
  safetyPillarEntryDesignedDemonstratedApproved: observed({ zh: '进入安全煤柱的工程经过设计、安全论证并经审批', en: 'the work entering the safety pillar was designed, safety-demonstrated and approved' }),
  safetyPillarDamagedOtherwise: observed({ zh: '以其他方式破坏了安全煤柱（经设计、审批的钻探工程不计）', en: 'a safety pillar was damaged in some other way (designed and approved drilling not counted)' }),
  safetyPillarMinedOrDamaged: observed({ zh: '开采或破坏了安全煤柱', en: 'a safety pillar was mined or damaged' }),
  safetyPillarWorkApproved: observed({ zh: '开采（破坏）安全煤柱的工程经过批准', en: 'the work that mined or damaged the safety pillar was authorised' }),
} as const;
