// Fitting a blueprint to its pool: a pool that can fill the paper leaves it official; one that cannot
// shortens each section to the distinct items it holds, keeps the pass share, and says what is missing.
import { describe, expect, it } from 'vitest';
import type { Question } from '../questions/question.js';
import type { Blueprint } from './blueprints.js';
import { fitBlueprint } from './fit.js';

/** Stems that differ in words, not only in numbers (numbers alone make near-duplicates). */
const word = (index: number) => String.fromCharCode(0x4e00 + index);
const question = (id: string, type: Question['type'], rule: string, stem = `情形${word(Number(id.slice(1)))}`): Question => ({ id, type, kind: 'situation', stem, options: [], answer: ['T'], explanation: '', citation: { text: 'x' }, ruleIds: [rule], chapter: { id: 'c', title: 'c' }, sector: null, source: 's', topics: ['gas'] });
const blueprint: Blueprint = {
  id: 'b',
  title: 'b',
  candidate: { kind: 'specialOperation', label: 'b' },
  durationMinutes: 120,
  totalPoints: 100,
  passMark: 80,
  sections: [{ type: 'judgement', count: 70, points: 1 }, { type: 'single', count: 30, points: 1 }],
  sources: { sectors: [], bankTopics: [], topics: ['gas', 'oil-gas-drilling'] },
  citation: '',
  defaults: { duration: false, sections: false },
};

describe('fitBlueprint', () => {
  it('leaves a paper the pool can fill as it is', () => {
    const pool = [...Array.from({ length: 70 }, (_, index) => question(`j${index}`, 'judgement', `r${index}`)), ...Array.from({ length: 30 }, (_, index) => question(`s${index}`, 'single', `r${index}`))];
    const fitted = fitBlueprint(blueprint, pool);
    expect(fitted.shortened).toBeUndefined();
    expect(fitted.sections).toEqual(blueprint.sections);
    expect(fitted.pool).toEqual({ judgement: 70, single: 30 });
  });

  it('counts a rule’s variants once, shortens, keeps the pass share and names the missing topics', () => {
    // 40 judgement rules with two variants each (80 questions, 40 items), 10 single-choice rules.
    const pool = [
      ...Array.from({ length: 80 }, (_, index) => question(`j${index}`, 'judgement', `r${index >> 1}`, `情形${word(index >> 1)}，数值 ${index}`)),
      ...Array.from({ length: 10 }, (_, index) => question(`s${index}`, 'single', `r${index}`)),
    ];
    const fitted = fitBlueprint(blueprint, pool);
    expect(fitted.sections).toEqual([{ type: 'judgement', count: 40, points: 1 }, { type: 'single', count: 10, points: 1 }]);
    expect(fitted.totalPoints).toBe(50);
    expect(fitted.passMark).toBe(40);
    expect(fitted.durationMinutes).toBe(60);
    expect(fitted.shortened?.official.sections).toEqual(blueprint.sections);
    expect(fitted.shortened?.note).toContain('判断题需70题，可用40题');
    // The pool teaches 瓦斯 but nothing of 石油天然气钻井: the note names what the law we hold lacks.
    expect(fitted.shortened?.note).toContain('没有“石油天然气钻井”的条文');
    expect(fitted.shortened?.note).not.toContain('瓦斯');
  });
});
