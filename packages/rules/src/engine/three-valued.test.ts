import { describe, expect, it } from 'vitest';
import type { Condition } from '../documents/format.js';
import { evaluateCondition, leavesOf, missingFactsOf, type EvaluationContext } from './three-valued.js';

const context = (facts: Record<string, unknown>): EvaluationContext => ({
  document: {
    derivedFacts: { count: { label: { zh: '计数', en: 'count' }, expression: { countTrue: ['a', 'b', 'c'] } } },
    tables: {},
  },
  facts,
  describe: (fact) => ({ label: { zh: fact, en: fact } }),
  resolve: () => ({ fact: 'a', operator: 'equal', value: true }),
});
const yes = (fact: string): Condition => ({ fact, operator: 'equal', value: true });

describe('three-valued evaluation', () => {
  it('follows Kleene logic: false decides all, true decides any, otherwise unknown', () => {
    expect(evaluateCondition({ all: [yes('a'), yes('b')] }, context({ a: false })).outcome).toBe('false');
    expect(evaluateCondition({ all: [yes('a'), yes('b')] }, context({ a: true })).outcome).toBe('unknown');
    expect(evaluateCondition({ any: [yes('a'), yes('b')] }, context({ b: true })).outcome).toBe('true');
    expect(evaluateCondition({ any: [yes('a'), yes('b')] }, context({ b: false })).outcome).toBe('unknown');
    expect(evaluateCondition({ not: yes('a') }, context({})).outcome).toBe('unknown');
    expect(evaluateCondition({ not: yes('a') }, context({ a: false })).outcome).toBe('true');
  });

  it('explains every leaf, including those a short-circuit would skip', () => {
    const trace = evaluateCondition({ any: [yes('a'), yes('b'), yes('c')] }, context({ a: true, c: false }));
    expect(leavesOf(trace).map((leaf) => [leaf.fact, leaf.outcome])).toEqual([
      ['a', 'true'],
      ['b', 'unknown'],
      ['c', 'false'],
    ]);
    expect(missingFactsOf(trace)).toEqual([]);
  });

  it('lists as missing only the facts that could still change the outcome', () => {
    const trace = evaluateCondition({ all: [yes('a'), { any: [yes('b'), yes('c')] }] }, context({ a: true, c: false }));
    expect(trace.outcome).toBe('unknown');
    expect(missingFactsOf(trace)).toEqual(['b']);
  });

  it('decides a count early when the known answers already settle it', () => {
    const atLeastTwo: Condition = { fact: 'count', operator: 'threshold', value: { side: 'above', limit: '2', inclusive: true } };
    expect(evaluateCondition(atLeastTwo, context({ a: true, b: true })).outcome).toBe('true');
    expect(evaluateCondition(atLeastTwo, context({ a: false, b: false })).outcome).toBe('false');
    expect(evaluateCondition(atLeastTwo, context({ a: true, b: false })).outcome).toBe('unknown');
  });
});
