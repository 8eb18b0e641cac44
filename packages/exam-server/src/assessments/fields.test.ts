import { describe, expect, it } from 'vitest';
import { formLayout } from './fields.js';

describe('formLayout', () => {
  const layout = formLayout('coal-mine', '2026-09-01');

  it('asks the facts that decide whether whole categories apply first', () => {
    const first = layout.applicability.map((field) => field.name);
    expect(first).toEqual(expect.arrayContaining(['mineType', 'mineGasClass']));
    expect(first).not.toContain('annualRawCoalOutputTonnes');
  });

  it('places every fact of the vocabulary exactly once, grouped by the categories of the document in force', () => {
    const placed = [...layout.applicability, ...layout.groups.flatMap((group) => group.fields)].map((field) => field.name);
    expect(new Set(placed).size).toBe(placed.length);
    expect(placed.sort()).toEqual([...layout.fields.keys()].sort());
    const production = layout.groups.find((group) => group.id === 'coal-mine-major-hazards/art4')!;
    expect(production.title).toBe('超能力、超强度或者超定员组织生产');
    expect(production.fields.map((field) => field.name)).toContain('annualRawCoalOutputTonnes');
  });

  it('carries Chinese labels, units, hints and option labels from the JSON Schema', () => {
    const capacity = layout.fields.get('approvedCapacityTonnesPerYear')!;
    expect(capacity).toMatchObject({ kind: 'number', label: '核定（设计）生产能力', unit: 't/a', minimum: 0 });
    expect(capacity.hint).toBeTruthy();
    expect(layout.fields.get('mineType')).toMatchObject({ kind: 'enum', options: [{ value: 'underground', label: '井工煤矿' }, { value: 'openPit', label: '露天煤矿' }] });
    expect(layout.fields.get('waterBarrierPillarMissingAt')!.kind).toBe('array');
  });
});
