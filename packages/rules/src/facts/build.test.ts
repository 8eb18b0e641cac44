// The generic builder: a facts file becomes a zod object whose fields carry the same meta keys the
// TypeScript builders gave, and old fact names are read as the deprecation says.
import { describe, expect, it } from 'vitest';
import { buildVocabulary } from './build.js';
import { factsFileSchema } from './format.js';
import { fieldMeta, validateFacts, vocabularyJsonSchema } from './vocabulary.js';

const label = (zh: string, en: string) => ({ zh, en });
const file = factsFileSchema.parse({
  sector: 'example',
  uses: ['sharedYes'],
  facts: {
    depthM: { kind: 'quantity', unit: 'm', label: label('深度', 'depth'), hint: { zh: '自地表量起', en: 'from the surface' } },
    workers: { kind: 'count', label: label('人数', 'workers') },
    grade: { kind: 'oneOf', options: { one: '一级', two: '二级' }, label: label('等级', 'grade') },
    gasAlarmWorking: { kind: 'observed', label: label('报警器有效', 'gas alarm works'), sentence: { yes: '报警器有效', no: '报警器失效' } },
    depthMetres: { kind: 'quantity', unit: 'm', label: label('深度（旧名）', 'depth (old name)'), deprecated: { renamedTo: 'depthM', removedIn: '0.3.0', note: label('改名', 'renamed') } },
    alarmOk: { kind: 'observed', label: label('报警（旧）', 'alarm (old)'), deprecated: { replacedBy: ['gasAlarmWorking'], removedIn: '0.3.0', note: label('含义改变', 'meaning changed') } },
  },
});
const vocabulary = buildVocabulary(file, { sharedYes: { kind: 'observed', label: label('共享', 'shared') } });

describe('buildVocabulary', () => {
  it('puts shared facts first and gives each field its labels, unit, hint and option labels as meta', () => {
    expect(Object.keys(vocabulary.shape)).toEqual(['sharedYes', 'depthM', 'workers', 'grade', 'gasAlarmWorking', 'depthMetres', 'alarmOk']);
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

  it('refuses a deprecation that names no fact of the file, or both a new name and replacements', () => {
    const broken = (deprecated: unknown) =>
      factsFileSchema.safeParse({ sector: 'x', facts: { a: { kind: 'observed', label: label('甲', 'a'), deprecated } } }).success;
    expect(broken({ renamedTo: 'b', removedIn: '0.3.0', note: label('改', 'r') })).toBe(false);
    expect(broken({ renamedTo: 'a', replacedBy: ['a'], removedIn: '0.3.0', note: label('改', 'r') })).toBe(false);
    expect(broken({ renamedTo: 'a', removedIn: 'soon', note: label('改', 'r') })).toBe(false);
  });
});
