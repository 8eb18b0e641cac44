import { describe, expect, it } from 'vitest';
import { derivedFactsBehind, expressionInWords, factsInExpression, type ExpressionContext } from './expressions-in-words.js';

const context: ExpressionContext = {
  fact: (name) => ({ label: { zh: `${name}量`, en: name } }),
  table: (id) => (id === 'table1' ? { title: { zh: '表1', en: 'Table 1' }, valueLabel: { zh: '上限', en: 'limit' } } : undefined),
};

describe('expressions in words', () => {
  it('writes arithmetic with labels and brackets compound operands', () => {
    expect(expressionInWords({ ratio: [{ fact: 'a' }, { fact: 'b' }] }, context)).toEqual({ zh: '「a量」 ÷ 「b量」', en: 'a ÷ b' });
    expect(expressionInWords({ difference: [{ fact: 'a' }, { product: [{ fact: 'b' }, '1.20'] }] }, context).zh).toBe('「a量」 − （「b量」 × 1.20）');
    expect(expressionInWords({ sum: [{ fact: 'a' }, { fact: 'b' }, '3'] }, context).en).toBe('a + b + 3');
  });

  it('names the table of a lookup and the facts counted by countTrue', () => {
    expect(expressionInWords({ lookup: 'table1', key: { fact: 'k' } }, context).zh).toBe('按表1以「k量」查得的上限（无适用档位时不判定为超限）');
    expect(expressionInWords({ countTrue: ['x', 'y'] }, context).zh).toBe('下列各项中回答为“是”的项数：「x量」、「y量」');
  });

  it('names the shared conditions counted by countHolding by their labels, never as JSON', () => {
    const shared = (name: string) => (name === 'element-1' ? { zh: '要素一', en: 'element one' } : undefined);
    expect(expressionInWords({ countHolding: ['element-1'] }, { ...context, shared })).toEqual({ zh: '下列各项中成立的项数：「要素一」', en: 'how many of these hold: element one' });
  });

  it('orders derived facts after the ones they are computed from', () => {
    const derived = {
      excess: { label: { zh: '超出', en: 'excess' }, expression: { difference: [{ fact: 'counted' }, { fact: 'cap' }] as [{ fact: string }, { fact: string }] } },
      counted: { label: { zh: '计入', en: 'counted' }, expression: { difference: [{ fact: 'all' }, { fact: 'approved' }] as [{ fact: string }, { fact: string }] } },
    };
    expect(derivedFactsBehind(['excess', 'plain'], derived)).toEqual(['counted', 'excess']);
    expect(factsInExpression({ lookup: 'table1', key: { ratio: [{ fact: 'p' }, { fact: 'q' }] } })).toEqual(['p', 'q']);
  });
});
