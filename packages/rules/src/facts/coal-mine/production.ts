// Coal facts for output, intensity and manning (2026 Art.4; 2020 Art.4).
// Observations, never verdicts: measured quantities carry their unit in the name; yes/no facts are what an
// inspector records. Limits the text takes from the Coal Mine Safety Regulations are facts the assessor supplies.
import { count, observed, quantity } from '../fields.js';

export const productionFacts = {
  annualRawCoalOutputTonnes: quantity({ zh: '全年原煤产量', en: 'annual raw-coal output' }, 't'),
  quarterlyRawCoalOutputTonnes: quantity({ zh: '单季度原煤产量（最高的一个季度）', en: 'raw-coal output in one quarter (the highest)' }, 't'),
  monthlyRawCoalOutputTonnes: quantity({ zh: '单月原煤产量（最高的一个月）', en: 'raw-coal output in one month (the highest)' }, 't'),
  districtActiveCoalFaces: count({ zh: '一个采（盘）区内同时生产的采煤工作面个数', en: 'coal (longwall) faces producing at once in one mining district', hint: '2026年版不计安装工作面、回撤工作面；有多个采（盘）区的，逐个采区填写' }, '个'),
  districtActiveCoalHeadings: count({ zh: '同一采（盘）区内同时作业的煤（半煤岩）巷掘进工作面个数', en: 'coal / half-coal-rock heading faces working at once in the same district', hint: '2026年版不计安装工作面、回撤工作面' }, '个'),
  districtMaxCoalFacesPermitted: count({ zh: '《煤矿安全规程》允许该采（盘）区同时生产的采煤工作面个数', en: 'coal faces the Coal Mine Safety Regulations allow at once in that district', hint: '按现行《煤矿安全规程》及该采区的布置（单翼/双翼、单煤层/多煤层）填写' }, '个'),
  districtMaxCoalHeadingsPermitted: count({ zh: '《煤矿安全规程》允许该采（盘）区同时作业的煤（半煤岩）巷掘进工作面个数', en: 'coal / half-coal-rock headings the Regulations allow at once in that district', hint: '按现行《煤矿安全规程》填写' }, '个'),
  workplaceShiftHeadcountPersons: count({ zh: '采掘作业地点单班作业人数（人数最多的作业地点）', en: 'persons working one shift at a mining or heading workplace (the most crowded one)', hint: '2026年版：交接班期间的人数不计' }, '人'),
  workplaceHeadcountCapPersons: count({ zh: '该作业地点按国家有关限员规定的限员人数', en: 'headcount cap for that workplace under the national manning rules' }, '人'),
  workplaceProvinciallyApprovedExtraPersons: count({ zh: '经省级煤矿安全监管部门批准增加的作业人数', en: 'extra persons approved by the provincial coal-mine safety regulator', hint: '没有批准增加的填0' }, '人'),
  rockBurstSeamManningRulesFollowed: observed({ zh: '开采冲击地压煤层时执行了《煤矿安全规程》的限员管理规定', en: 'headcount rules of the Coal Mine Safety Regulations for rock-burst seams were followed' }),
  plannedOutputTonnesPerYear: quantity({ zh: '煤矿或其上级公司下达的年度生产计划（经营指标）原煤产量', en: 'annual production plan or business target for raw coal issued by the mine or its parent company' }, 't/a'),
  developedReserveLifeMonths: quantity({ zh: '开拓煤量可采期', en: 'life of the developed reserves' }, '月'),
  developedReserveMinLifeMonths: quantity({ zh: '国家规定的开拓煤量最短可采期', en: 'statutory minimum life of the developed reserves', hint: '按当时有效的国家规定填写' }, '月'),
  preparedReserveLifeMonths: quantity({ zh: '准备煤量可采期', en: 'life of the prepared reserves' }, '月'),
  preparedReserveMinLifeMonths: quantity({ zh: '国家规定的准备煤量最短可采期', en: 'statutory minimum life of the prepared reserves', hint: '按当时有效的国家规定填写' }, '月'),
  extractableReserveLifeMonths: quantity({ zh: '回采煤量可采期', en: 'life of the extractable (stoping) reserves' }, '月'),
  extractableReserveMinLifeMonths: quantity({ zh: '国家规定的回采煤量最短可采期', en: 'statutory minimum life of the extractable (stoping) reserves', hint: '按当时有效的国家规定填写' }, '月'),
  productionLimitedOrStoppedForReserves: observed({ zh: '可采期不足时煤矿已主动限产或停产', en: 'the mine limited or stopped production of its own accord when reserve life fell short' }),
  ageingOrScheduledClosureMine: observed({ zh: '属于衰老煤矿或地方政府计划停产关闭的煤矿', en: 'an ageing mine, or one the local government has scheduled to stop and close' }),
  gasDrainageUpToStandard: observed({ zh: '瓦斯抽采经评判达标（按当时有效的抽采达标规定）', en: 'gas drainage assessed as up to standard (under the drainage rules then in force)' }),
  manningQuotaSystemEstablished: observed({ zh: '已制定井下劳动定员制度', en: 'an underground manning-quota system has been drawn up' }),
  manningQuotaSystemEnforced: observed({ zh: '井下劳动定员制度得到严格执行', en: 'the underground manning-quota system is strictly enforced' }),
} as const;
