import { describe, expect, it } from 'vitest';
import { conditionInWords, factsInCondition, rulesReferred, type Condition, type FactWording, type WordingContext } from './conditions-in-words.js';

const facts: Record<string, FactWording> = {
  outputRatio: { label: { zh: '产量与能力之比', en: 'output / capacity' }, unit: 'ratio' },
  gasPercent: { label: { zh: '瓦斯浓度', en: 'methane' }, unit: '%' },
  faces: { label: { zh: '工作面个数', en: 'faces' }, unit: '个' },
  mineType: { label: { zh: '煤矿类型', en: 'mine type' }, optionLabels: { underground: '井工煤矿', openPit: '露天煤矿' } },
  drainageBuilt: { label: { zh: '已建立抽采系统', en: 'drainage system built' } },
  works: { label: { zh: '在建工程', en: 'works on site' }, optionLabels: { scaffolding: '脚手架工程' } },
};

const context: WordingContext = {
  fact: (name) => facts[name] ?? { label: { zh: name, en: name } },
  rule: (id) => (id === 'r-1' ? { label: '第一条第（一）项', title: { zh: '某情形', en: 'a situation' }, link: 'x/r-1.html' } : undefined),
};

const words = (condition: Condition) => conditionInWords(condition, context);
const threshold = (side: 'above' | 'below', inclusive: boolean, limit = '1.10'): Condition => ({ fact: 'outputRatio', operator: 'threshold', value: { side, limit, inclusive, unit: 'ratio' } });

describe('conditions in words', () => {
  it('says whether the limit itself counts, for each side, and reads a ratio as a percentage', () => {
    expect(words(threshold('above', false)).zh).toBe('产量与能力之比超过1.10（即110%，不含本数）');
    expect(words(threshold('above', true)).zh).toBe('产量与能力之比达到或超过1.10（即110%，含本数）');
    expect(words(threshold('below', false)).zh).toBe('产量与能力之比低于1.10（即110%，不含本数）');
    expect(words(threshold('below', true)).zh).toBe('产量与能力之比不超过1.10（即110%，含本数）');
    expect(words(threshold('above', false)).en).toBe('output / capacity above 1.10 (110%, the limit itself excluded)');
  });

  it('falls back to the fact’s unit and joins Chinese units tightly', () => {
    expect(words({ fact: 'faces', operator: 'threshold', value: { side: 'above', limit: '2', inclusive: false } }).zh).toBe('工作面个数超过2个（不含本数）');
    expect(words({ fact: 'gasPercent', operator: 'threshold', value: { side: 'above', limit: '1.0', inclusive: true, unit: '%' } }).en).toBe('methane at or above 1.0% (inclusive)');
  });

  it('names options by their Chinese labels and yes/no facts as observations', () => {
    expect(words({ fact: 'mineType', operator: 'equal', value: 'underground' }).zh).toBe('煤矿类型为“井工煤矿”');
    expect(words({ fact: 'mineType', operator: 'notEqual', value: 'openPit' }).zh).toBe('煤矿类型不为“露天煤矿”');
    expect(words({ fact: 'mineType', operator: 'in', value: ['underground', 'openPit'] }).zh).toBe('煤矿类型为“井工煤矿”、“露天煤矿”之一');
    expect(words({ fact: 'mineType', operator: 'notIn', value: ['underground', 'openPit'] }).en).toBe('mine type is none of “underground”, “openPit”');
    expect(words({ fact: 'drainageBuilt', operator: 'equal', value: false }).zh).toBe('已建立抽采系统：否');
    expect(words({ fact: 'drainageBuilt', operator: 'notEqual', value: false }).en).toBe('drainage system built: yes');
    expect(words({ fact: 'works', operator: 'contains', value: 'scaffolding' }).zh).toBe('在建工程包括“脚手架工程”');
    expect(words({ fact: 'works', operator: 'doesNotContain', value: 'scaffolding' }).zh).toBe('在建工程不包括“脚手架工程”');
  });

  it('keeps the shape of all/any/not and reads a group of one as its member', () => {
    const tree = words({
      any: [threshold('above', false), { all: [{ fact: 'mineType', operator: 'equal', value: 'underground' }, { not: { fact: 'drainageBuilt', operator: 'equal', value: true } }] }],
    });
    expect(tree.zh).toBe('满足以下任一项：');
    expect(tree.children).toHaveLength(2);
    expect(tree.children[1]!.zh).toBe('同时满足以下各项：');
    expect(tree.children[1]!.children[1]!.zh).toBe('以下情形不成立：');
    expect(tree.children[1]!.children[1]!.children[0]!.zh).toBe('已建立抽采系统：是');
    expect(words({ all: [threshold('above', true)] }).zh).toBe(words(threshold('above', true)).zh);
  });

  it('links a condition that refers to another rule, and still reads an unknown reference', () => {
    expect(words({ condition: 'r-1' })).toEqual({ zh: '第一条第（一）项（某情形）的判定条件成立', en: 'the conditions of 第一条第（一）项 (a situation) hold', link: 'x/r-1.html', children: [] });
    expect(words({ condition: 'r-2' }).zh).toBe('规则 r-2 的判定条件成立');
  });

  it('lists the facts and rule references a tree reads', () => {
    const tree: Condition = { any: [threshold('above', false), { all: [{ condition: 'r-1' }, { fact: 'mineType', operator: 'equal', value: 'underground' }, threshold('below', true)] }] };
    expect(factsInCondition(tree)).toEqual(['outputRatio', 'mineType']);
    expect(rulesReferred(tree)).toEqual(['r-1']);
  });
});
