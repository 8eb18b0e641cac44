// The one condition walker, and what the loader checks with it: shared conditions inlined, facts derived,
// unknown references, self-reference and a wrong written facts list refused.
import { describe, expect, it } from 'vitest';
import { factsReadBy, leavesOf, referencesOf, thresholdLeavesOf } from './conditions.js';
import { parseDocument } from './load.js';

const label = (zh: string) => ({ zh, en: zh });
const threshold = (fact: string, limit: string) => ({ fact, operator: 'threshold', value: { side: 'above', limit, inclusive: true } });
const document = (overrides: Record<string, unknown> = {}) => ({
  id: 'example',
  version: '1',
  sector: 'example',
  kind: 'major-hazard-criteria',
  title: label('示例'),
  issuer: label('测试'),
  number: 'T-1',
  issued: null,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  replaces: null,
  replacedBy: null,
  itemsAvailable: true,
  source: { digest: 'none', index: null },
  boundaryConvention: label('以上含本数'),
  derivedFacts: { share: { label: label('比例'), expression: { ratio: [{ fact: 'damaged' }, { fact: 'total' }] } } },
  sharedConditions: {
    big: { label: label('大'), conditions: threshold('size', '10') },
    bigAndDamaged: { label: label('大且损坏'), conditions: { all: [{ condition: 'big' }, threshold('share', '0.5')] } },
  },
  categories: [{ id: 'c', title: label('类'), appliesWhen: { fact: 'open', operator: 'equal', value: true } }],
  rules: [
    { id: 'r1', citation: { article: 1, item: null, label: '第一条', indexLabel: 'Art.1' }, category: 'c', title: label('一'), verified: true, conditions: { condition: 'bigAndDamaged' } },
    { id: 'r2', citation: { article: 2, item: null, label: '第二条', indexLabel: 'Art.2' }, category: 'c', title: label('二'), verified: true, conditions: { any: [{ condition: 'r1' }, { fact: 'fenced', operator: 'equal', value: false }] } },
  ],
  ...overrides,
});

describe('condition walker', () => {
  const loaded = parseDocument(document(), 'example.json');

  it('inlines shared conditions but not rules, and lists thresholds', () => {
    expect(leavesOf({ condition: 'bigAndDamaged' }, loaded).map((leaf) => leaf.fact)).toEqual(['size', 'share']);
    expect(leavesOf({ condition: 'r1' }, loaded)).toEqual([]);
    expect(thresholdLeavesOf({ condition: 'bigAndDamaged' }, loaded).map((leaf) => leaf.value.limit)).toEqual(['10', '0.5']);
    expect(referencesOf(loaded.rules[1]!.conditions)).toEqual(['r1']);
  });

  it('derives each rule’s facts: applicability first, derived facts resolved, referenced rules followed', () => {
    expect(loaded.rules.map((rule) => rule.facts)).toEqual([
      ['open', 'size', 'damaged', 'total'],
      ['open', 'fenced', 'size', 'damaged', 'total'],
    ]);
    expect(factsReadBy({ condition: 'big' }, loaded)).toEqual(['size']);
  });

  // Unknown references and conditions that refer to themselves are checked with the rest of rules-data (checks.test.ts).
  it('refuses a wrong facts list and a rule named like a shared condition', () => {
    const rules = document().rules.map((rule, index) => (index === 0 ? { ...rule, facts: ['size'] } : rule));
    expect(() => parseDocument(document({ rules }), 'example.json')).toThrow(/rules\.0\.facts: lists size but the conditions read/);
    const clash = document().rules.map((rule, index) => (index === 0 ? { ...rule, id: 'big' } : rule));
    expect(() => parseDocument(document({ rules: clash }), 'example.json')).toThrow(/also the name of a shared condition/);
  });
});
