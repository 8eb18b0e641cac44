import { accidentLevel } from '@anquan/rules';
import { describe, expect, it } from 'vitest';
import { calculationQuestions } from './calculation.js';

describe('accident-level questions', () => {
  it('key = the level the calculator computes from the stated figures; one right option', () => {
    const questions = calculationQuestions('2026-09-01');
    expect(questions.length).toBeGreaterThan(15);
    const names: Record<string, string> = { general: '一般事故', larger: '较大事故', major: '重大事故', extraordinary: '特别重大事故' };
    for (const question of questions) {
      const level = (accidentLevel(question.calculation!.input, { asOf: '2026-09-01' }).result as { level: string }).level;
      expect(question.answer).toHaveLength(1);
      expect(question.options.find((option) => option.key === question.answer[0])?.text).toBe(names[level]);
      expect(question.stem).not.toMatch(/{{|undefined/);
      // Only figures that are not zero are stated.
      expect(question.stem).not.toMatch(/(^|[^\d])0(人|万元|元)/);
    }
  });

  it('the regulation’s own 以上/以下: exactly 3 deaths is a larger accident, 2 a general one', () => {
    const byId = new Map(calculationQuestions('2026-09-01').map((question) => [question.id, question]));
    const keyText = (id: string) => {
      const question = byId.get(id)!;
      return question.options.find((option) => option.key === question.answer[0])?.text;
    };
    expect(keyText('c:accident-level:3-0-0')).toBe('较大事故');
    expect(keyText('c:accident-level:2-0-0')).toBe('一般事故');
    expect(keyText('c:accident-level:0-0-100000000')).toBe('特别重大事故');
  });
});
