// Key arrangement: over a run of questions each option position is the key equally often and key sets
// take turns; a reordered question still marks the same option texts right.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrangeKeys } from './arrange.js';
import type { Question } from './question.js';

const choice = (id: string, type: 'single' | 'multiple', right: number): Question => ({
  id,
  type,
  kind: 'bank',
  stem: id,
  options: ['A', 'B', 'C', 'D'].map((key, index) => ({ key, text: `${id}-${index < right ? 'right' : 'wrong'}-${index}` })),
  answer: ['A', 'B', 'C', 'D'].slice(0, right),
  explanation: '',
  citation: { text: 'x' },
  ruleIds: [],
  chapter: { id: 'c', title: 'c' },
  sector: null,
  source: 'bank:x',
});
const rightTexts = (question: Question) => question.options.filter((option) => question.answer.includes(option.key)).map((option) => option.text).sort();

describe('arrangeKeys', () => {
  it('keeps the right texts right and the letters A–D in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('single' as const, 'multiple' as const), fc.integer({ min: 2, max: 4 })), { minLength: 1, maxLength: 40 }), (specs) => {
        const questions = specs.map(([type, right], index) => choice(`q${index}`, type, type === 'single' ? 1 : right));
        const arranged = arrangeKeys(questions);
        arranged.forEach((question, index) => {
          expect(question.options.map((option) => option.key)).toEqual(['A', 'B', 'C', 'D']);
          expect(rightTexts(question)).toEqual(rightTexts(questions[index]!));
        });
      }),
    );
  });

  it('puts single-choice keys at each position equally often, and rotates multiple-choice key sets', () => {
    const singles = arrangeKeys(Array.from({ length: 40 }, (_, index) => choice(`s${index}`, 'single', 1)));
    const positions = new Map<string, number>();
    for (const question of singles) positions.set(question.answer[0]!, (positions.get(question.answer[0]!) ?? 0) + 1);
    expect([...positions.values()]).toEqual([10, 10, 10, 10]);
    const pairs = arrangeKeys(Array.from({ length: 12 }, (_, index) => choice(`m${index}`, 'multiple', 2)));
    const sets = new Map<string, number>();
    for (const question of pairs) sets.set(question.answer.join(''), (sets.get(question.answer.join('')) ?? 0) + 1);
    expect(sets.size).toBe(6);
    expect(Math.max(...sets.values())).toBe(2);
  });
});
