// Coal facts for the double-circuit power supply (2026 Art.16; 2020 Art.14).
import { count, observed } from '../fields.js';

export const powerFacts = {
  powerSupplyCircuitsPresent: count(
    {
      zh: '矿井已形成的电源回路数',
      en: 'power supply circuits the mine has (lines in place, whether or not in service)',
      hint: '因故障或检修暂时不能运行的线路也计入；停运期间是否仍组织生产另行作答',
      aliases: [{ name: 'powerSupplyCircuits', deprecatedIn: '0.2.0' }],
    },
    '回',
  ),
  shaftsShortCircuitConnected: observed({ zh: '建井期间矿井已短路贯通', en: 'shafts already connected (short-circuited) during construction' }),
  roadwayChamberConstructionStarted: observed({ zh: '已开始进入巷道和硐室施工', en: 'roadway and chamber construction has started' }),
  powerCircuitsFromSameSubstationBusbarSection: observed({
    zh: '两回路电源线路取自同一变电站（所）的同一母线段',
    en: 'both supply lines taken from the same busbar section of one substation',
  }),
  productionContinuedWithOneCircuitDown: observed({
    zh: '一回路因故障或检修不能正常运行期间仍组织生产',
    en: 'production organised while one circuit was out for a fault or maintenance',
  }),
} as const;
