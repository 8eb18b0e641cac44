// Questions from the calculators: the figures of a case are stated, the key is what the calculator
// computes from them (accident level by deaths, serious injuries and direct loss).
import { accidentLevel } from '@anquan/rules';
import { arrangeKeys } from './arrange.js';
import type { Question } from './question.js';

const levels = [
  { key: 'A', level: 'general', text: '一般事故' },
  { key: 'B', level: 'larger', text: '较大事故' },
  { key: 'C', level: 'major', text: '重大事故' },
  { key: 'D', level: 'extraordinary', text: '特别重大事故' },
] as const;

/** Cases on both sides of every band edge of one criterion, the others at zero. */
const edgeCases = (): { deaths: number; seriousInjuries: number; directEconomicLossYuan: number }[] => {
  const deaths = [2, 3, 9, 10, 29, 30].map((value) => ({ deaths: value, seriousInjuries: 0, directEconomicLossYuan: 0 }));
  const injuries = [9, 10, 49, 50, 99, 100].map((value) => ({ deaths: 0, seriousInjuries: value, directEconomicLossYuan: 0 }));
  const losses = [9_999_999, 10_000_000, 49_999_999, 50_000_000, 99_999_999, 100_000_000].map((value) => ({ deaths: 0, seriousInjuries: 0, directEconomicLossYuan: value }));
  const mixed = [
    { deaths: 2, seriousInjuries: 12, directEconomicLossYuan: 3_000_000 },
    { deaths: 1, seriousInjuries: 3, directEconomicLossYuan: 60_000_000 },
    { deaths: 12, seriousInjuries: 40, directEconomicLossYuan: 8_000_000 },
  ];
  return [...deaths, ...injuries, ...losses, ...mixed];
};

const yuan = (value: number) => (value % 10_000 === 0 ? `${value / 10_000}万元` : `${value.toLocaleString('zh-CN')}元`);

/** The figures a case states: only those that are not zero (a trainee reads "3人死亡", not "0人重伤"). */
const consequences = (figures: { deaths: number; seriousInjuries: number; directEconomicLossYuan: number }): string => {
  const parts = [
    figures.deaths > 0 ? `造成${figures.deaths}人死亡` : '',
    figures.seriousInjuries > 0 ? `${figures.deaths > 0 ? '' : '造成'}${figures.seriousInjuries}人重伤（含急性工业中毒）` : '',
    figures.directEconomicLossYuan > 0 ? `直接经济损失${yuan(figures.directEconomicLossYuan)}` : '',
  ].filter(Boolean);
  return `${figures.deaths + figures.seriousInjuries > 0 ? '' : '无人员伤亡，'}${parts.join('、')}`;
};

export const accidentLevelQuestion = (figures: { deaths: number; seriousInjuries: number; directEconomicLossYuan: number }, asOf: string): Question | undefined => {
  const result = accidentLevel(figures, { asOf });
  const level = (result.result as { level: string | null }).level;
  const right = levels.find((candidate) => candidate.level === level);
  if (result.status !== 'decided' || !right) return undefined;
  const citation = result.citations.map((item) => `${item.number}${item.label}`).join('；');
  return {
    id: `c:accident-level:${figures.deaths}-${figures.seriousInjuries}-${figures.directEconomicLossYuan}`,
    type: 'single',
    kind: 'calculation',
    stem: `某生产经营单位发生生产安全事故，${consequences(figures)}。该事故属于（  ）。`,
    options: levels.map(({ key, text }) => ({ key, text })),
    answer: [right.key],
    explanation: `考点：生产安全事故等级与报告。${result.reasons.map((reason) => reason.zh).join('；')}`,
    citation: { text: citation || '《生产安全事故报告和调查处理条例》第三条' },
    ruleIds: [],
    chapter: { id: 'bank/accidents', title: '生产安全事故等级与报告' },
    sector: null,
    source: 'calculator:accident-level',
    topics: ['accidents'],
    calculation: { calculator: 'accident-level', input: figures },
  };
};

export const calculationQuestions = (asOf: string): Question[] =>
  arrangeKeys(
    edgeCases()
      .map((figures) => accidentLevelQuestion(figures, asOf))
      .filter((question): question is Question => question !== undefined),
  );
