// Reasons as data: every template renders from its parameters alone, and every calculator in the
// registry returns reasons of the one shape (code, parameters, Chinese, English).
import { describe, expect, it } from 'vitest';
import { calculators } from './index.js';
import { deadline, deadlineReason } from './deadline.js';
import { reason, reasonSchema, reasonTemplates } from './reason.js';

describe('reason templates', () => {
  it('render a deadline verdict from its parameters, the words for each value coming from the data', () => {
    const verdict = deadline({ id: 'x', duty: { zh: '复评', en: 're-assessment' }, amount: 3, unit: 'years', dueDateIncluded: true, citation: '第一条' }, '2020-05-01', undefined, '2023-05-02');
    const rendered = deadlineReason(verdict);
    expect(rendered.code).toBe('deadline.verdict');
    expect(rendered.params).toMatchObject({ from: '2020-05-01', dueDate: '2023-05-01', dueDateIncluded: true, done: null, outcome: 'late', countedBack: false });
    expect(rendered.zh).toBe('复评：自 2020-05-01 起算，期限至 2023-05-01（当日完成仍属按时），尚未完成 → 逾期。');
    expect(rendered.en).toBe('re-assessment: counted from 2020-05-01, due 2023-05-01 (that day still counts), not yet done → late.');
  });

  it('refuse a parameter the template names but the caller did not give, and an unknown code', () => {
    expect(() => reason('calculator.noVersion', { asOf: '2020-01-01' })).toThrow(/title/);
    expect(() => reason('no.such.code', {})).toThrow(/no template no\.such\.code/);
  });

  it('leave no placeholder unrendered and no English code in the Chinese text', () => {
    for (const [code, template] of Object.entries(reasonTemplates())) {
      for (const language of ['zh', 'en'] as const) {
        const names = [...template[language].matchAll(/\{([A-Za-z0-9]+)\}/g)].map((match) => match[1]);
        expect(names.length + template[language].length, code).toBeGreaterThan(0);
      }
      expect(template.zh, code).not.toMatch(/\b(true|false|null|on-time|late|due)\b/);
    }
  });
});

// The smallest input each calculator accepts (most accept none); the date is before any text we hold.
const smallestInput: Record<string, unknown> = {
  'major-hazard-installation': { units: [{ kind: 'storage', substances: [{ chemical: '液氨', quantityTonnes: 60 }] }] },
  'safety-cost': { industry: 'hazardousGoods', activity: 'production', prevYearRevenueYuan: 50000000 },
  'special-operations-return-to-post': { leftPostDate: '1989-01-01', returnDate: '1989-12-01' },
  'training-reentry': { leftPostDate: '1989-01-01', returnDate: '1989-12-01' },
  'manager-certificate': { role: 'principal', issueDate: '1989-06-10' },
  'training-hours': { role: 'principal', trainingType: 'initial' },
  'standardisation-grade': { industry: 'coalMine', mineStatus: 'suspended', heldGrade: 'none' },
  'work-safety-penalty': { article: 110, principalPrevYearIncomeYuan: 200000 },
};

describe('every calculator', () => {
  it.each(Object.keys(calculators))('%s returns reasons of the one shape', (name) => {
    const calculator = calculators[name]!;
    const result = calculator.run(smallestInput[name] ?? {}, { asOf: '1990-01-01' });
    expect(result.reasons.length, name).toBeGreaterThan(0);
    for (const item of result.reasons) expect(reasonSchema.safeParse(item).success, `${name}: ${JSON.stringify(item)}`).toBe(true);
    expect(result.reasons[0]!.code, name).toBe('calculator.textNotAvailable');
    expect(result.reasons[0]!.params.asOf).toBe('1990-01-01');
  });
});
