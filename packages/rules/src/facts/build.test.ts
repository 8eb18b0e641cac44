// The generic builder: a facts file becomes a zod object whose fields carry the same meta keys the
// TypeScript builders gave, and old fact names are read as their `aliases` say.
import { describe, expect, it } from 'vitest';
import { buildVocabulary } from './build.js';
import { factsFileSchema } from './format.js';
import { fieldMeta, validateFacts, vocabularyJsonSchema } from './vocabulary.js';

const label = (zh: string, en: string) => ({ zh, en });
const file = factsFileSchema.parse({
  sector: 'example',
  uses: ['sharedYes'],
  facts: {
    depthM: { kind: 'quantity', unit: 'm', label: label('深度', 'depth'), hint: { zh: '自地表量起', en: 'from the surface' }, aliases: [{ name: 'depthMetres', deprecatedIn: '0.2.0' }] },
    workers: { kind: 'count', label: label('人数', 'workers') },
    grade: { kind: 'oneOf', options: { one: '一级', two: '二级' }, label: label('等级', 'grade') },
    gasAlarmWorking: {
      kind: 'observed',
      label: label('报警器有效', 'gas alarm works'),
      sentence: { yes: '报警器有效', no: '报警器失效' },
      aliases: [{ name: 'alarmOk', deprecatedIn: '0.2.0', values: {}, note: label('含义改变', 'meaning changed') }],
    },
  },
});
const vocabulary = buildVocabulary(file, { sharedYes: { kind: 'observed', label: label('共享', 'shared') } });

describe('buildVocabulary', () => {
  it('puts shared facts first and gives each field its labels, unit, hint and option labels as meta', () => {
    expect(Object.keys(vocabulary.shape)).toEqual(['sharedYes', 'depthM', 'workers', 'grade', 'gasAlarmWorking']);
    expect(fieldMeta(vocabulary.shape.depthM as never)).toMatchObject({ title: '深度', description: 'depth', unit: 'm', hint: '自地表量起', hintEn: 'from the surface' });
    expect(fieldMeta(vocabulary.shape.workers as never)).toMatchObject({ unit: '个' });
    expect(fieldMeta(vocabulary.shape.grade as never).optionLabels).toEqual({ one: '一级', two: '二级' });
    expect(fieldMeta(vocabulary.shape.gasAlarmWorking as never).sentence).toEqual({ yes: '报警器有效', no: '报警器失效' });
  });

  it('validates like the field builders: whole counts, closed options, numbers ≥ 0', () => {
    expect(() => validateFacts(vocabulary, { workers: 2.5 })).toThrow(/workers/);
    expect(() => validateFacts(vocabulary, { grade: 'three' })).toThrow(/grade/);
    expect(() => validateFacts(vocabulary, { depthM: -1 })).toThrow(/depthM/);
    expect(validateFacts(vocabulary, { depthM: 3, workers: 2, grade: 'one', sharedYes: null })).toEqual({ depthM: 3, workers: 2, grade: 'one' });
    const schema = vocabularyJsonSchema(vocabulary) as { properties: Record<string, { type?: string; minimum?: number }> };
    expect(schema.properties.workers).toMatchObject({ type: 'integer', minimum: 0 });
  });

  it('reads a renamed fact under its new name, and sets aside a replaced one', () => {
    expect(validateFacts(vocabulary, { depthMetres: 12 })).toEqual({ depthM: 12 });
    expect(validateFacts(vocabulary, { depthMetres: 12, depthM: 10 })).toEqual({ depthM: 10 });
    expect(validateFacts(vocabulary, { alarmOk: false })).toEqual({});
    expect(validateFacts(vocabulary, { alarmOk: false, gasAlarmWorking: true })).toEqual({ gasAlarmWorking: true });
  });

  it('refuses an old name that is a fact of the file, is given twice, or names no fact of the file', () => {
    const broken = (facts: Record<string, unknown>) => factsFileSchema.safeParse({ sector: 'x', uses: ['sharedYes'], facts }).success;
    const a = (aliases: unknown[]) => ({ kind: 'observed', label: label('甲', 'a'), aliases });
    expect(broken({ a: a([{ name: 'old', deprecatedIn: '0.2.0', values: {}, replacedBy: ['a', 'sharedYes'] }]) })).toBe(true);
    expect(broken({ a: a([{ name: 'a', deprecatedIn: '0.2.0' }]) })).toBe(false);
    expect(broken({ a: a([{ name: 'sharedYes', deprecatedIn: '0.2.0' }]) })).toBe(false);
    expect(broken({ a: a([{ name: 'old', deprecatedIn: '0.2.0' }]), b: a([{ name: 'old', deprecatedIn: '0.2.0' }]) })).toBe(false);
    expect(broken({ a: a([{ name: 'old', deprecatedIn: '0.2.0', replacedBy: ['b'] }]) })).toBe(false);
    expect(broken({ a: a([{ name: 'old', deprecatedIn: '0.2.0', values: { true: { b: true } } }]) })).toBe(false);
    expect(broken({ a: a([{ name: 'old', deprecatedIn: 'soon' }]) })).toBe(false);
    // The retired format: `deprecated` on the old fact is no longer read.
    expect(broken({ a: { kind: 'observed', label: label('甲', 'a'), deprecated: { renamedTo: 'b', removedIn: '0.3.0', note: label('改', 'r') } } })).toBe(false);
  });
});
