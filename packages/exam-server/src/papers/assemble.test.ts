import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../questions/question.js';
import { assemblePaper } from './assemble.js';
import type { Blueprint } from './blueprints.js';

const question = (id: string, type: Question['type']): Question => ({ id, type, kind: 'bank', stem: id, options: [], answer: ['A'], explanation: '', citation: { text: 'x' }, ruleIds: [], chapter: { id: 'c', title: 'c' }, sector: null, source: 'bank:x' });
const blueprint: Blueprint = {
  id: 'b',
  title: 'b',
  candidate: { kind: 'principal', label: 'b' },
  durationMinutes: 10,
  totalPoints: 10,
  passMark: 8,
  sections: [{ type: 'judgement', count: 5, points: 1 }, { type: 'single', count: 5, points: 1 }],
  sources: { sectors: [], bankTopics: [] },
  citation: '',
  defaults: { duration: false, sections: false },
};
const pool = [...Array.from({ length: 30 }, (_, index) => question(`j${index}`, 'judgement')), ...Array.from({ length: 12 }, (_, index) => question(`s${index}`, 'single'))];

describe('paper assembly', () => {
  it('is deterministic for a seed, whatever order the pool comes in', () => {
    fc.assert(
      fc.property(fc.string(), fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (seed, shuffledPool) => {
        expect(assemblePaper(blueprint, shuffledPool, seed).questions.map((item) => item.id)).toEqual(assemblePaper(blueprint, pool, seed).questions.map((item) => item.id));
      }),
    );
  });

  it('follows the blueprint with no question twice', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const paper = assemblePaper(blueprint, [...pool, ...pool], seed);
        expect(paper.questions.filter((item) => item.type === 'judgement')).toHaveLength(5);
        expect(paper.questions.filter((item) => item.type === 'single')).toHaveLength(5);
        expect(new Set(paper.questions.map((item) => item.id)).size).toBe(10);
        expect(paper.shortfall).toEqual([]);
      }),
    );
  });

  it('prefers questions the trainee has not seen', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.nat({ max: 29 }), { maxLength: 25 }), (seed, seenIndexes) => {
        const seen = new Set(seenIndexes.map((index) => `j${index}`));
        const chosen = assemblePaper(blueprint, pool, seed, seen).questions.filter((item) => item.type === 'judgement');
        const unseenAvailable = 30 - seen.size;
        expect(chosen.filter((item) => !seen.has(item.id)).length).toBe(Math.min(5, unseenAvailable));
      }),
    );
  });

  it('reports a shortfall instead of a short paper', () => {
    expect(assemblePaper({ ...blueprint, sections: [{ type: 'multiple', count: 2, points: 1 }] }, pool, 's').shortfall).toEqual([{ type: 'multiple', wanted: 2, available: 0 }]);
  });
});
