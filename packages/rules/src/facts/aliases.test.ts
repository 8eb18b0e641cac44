// Old fact names: read as the facts that replaced them, reported as deprecated, never winning over a new answer.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { factAliases, resolveFactAliases } from './aliases.js';
import { count, observed } from './fields.js';
import { loadVocabularies } from './load.js';
import { validateFacts } from './vocabulary.js';

const toy = z.strictObject({
  renamed: observed({ zh: '新名', en: 'new name', aliases: [{ name: 'oldName', deprecatedIn: '0.2.0' }] }),
  installed: observed({
    zh: '已安装',
    en: 'installed',
    aliases: [{ name: 'installedAndWorking', deprecatedIn: '0.2.0', values: { true: { installed: true, working: true }, false: { installed: false } } }],
  }),
  working: observed({ zh: '有效', en: 'working' }),
  measuredM: count(
    {
      zh: '实测距离',
      en: 'measured distance',
      aliases: [{ name: 'distanceShort', deprecatedIn: '0.2.0', values: {}, replacedBy: ['measuredM', 'requiredM'], note: { zh: '改为实测', en: 'Now measured.' } }],
    },
    'm',
  ),
  requiredM: count({ zh: '要求距离', en: 'required distance' }, 'm'),
  grade: count({ zh: '级别', en: 'grade' }, '级'),
});

describe('fact aliases', () => {
  it('lists each old name with the fact that carries it', () => {
    expect([...factAliases(toy).entries()].map(([name, { fact }]) => [name, fact])).toEqual([
      ['oldName', 'renamed'],
      ['installedAndWorking', 'installed'],
      ['distanceShort', 'measuredM'],
    ]);
  });

  it('reads a renamed fact under its old name and says it is deprecated', () => {
    const { facts, deprecated } = resolveFactAliases(toy, { oldName: false });
    expect(facts).toEqual({ renamed: false });
    expect(deprecated.map((use) => [use.name, use.replacedBy, use.deprecatedIn])).toEqual([['oldName', ['renamed'], '0.2.0']]);
    expect(deprecated[0]!.message.zh).toContain('renamed');
  });

  it('reads a split fact as the observations its old answer stands for', () => {
    expect(resolveFactAliases(toy, { installedAndWorking: true }).facts).toEqual({ installed: true, working: true });
    expect(resolveFactAliases(toy, { installedAndWorking: false }).facts).toEqual({ installed: false });
  });

  it('sets aside an old answer no reading can stand for, and says which facts to answer instead', () => {
    for (const value of [true, false, 'anything']) {
      const { facts, deprecated } = resolveFactAliases(toy, { distanceShort: value, requiredM: 5 });
      expect(facts).toEqual({ requiredM: 5 });
      expect(deprecated.map((use) => [use.name, use.replacedBy, use.setAside])).toEqual([['distanceShort', ['measuredM', 'requiredM'], true]]);
      expect(deprecated[0]!.message.zh).toContain('未采用');
      expect(deprecated[0]!.message.en).toContain('Now measured.');
    }
    expect(resolveFactAliases(toy, { installedAndWorking: true }).deprecated[0]!.setAside).toBe(false);
    // An old answer the mapping does not list is set aside too, rather than guessed.
    expect(resolveFactAliases(toy, { installedAndWorking: 'sometimes' })).toMatchObject({ facts: {}, deprecated: [{ setAside: true }] });
  });

  it('lets an answer under the new name win over one read from the old name', () => {
    expect(resolveFactAliases(toy, { installedAndWorking: true, working: false }).facts).toEqual({ installed: true, working: false });
  });

  it('validateFacts accepts old names and still rejects unknown ones and bad values', () => {
    expect(validateFacts(toy, { oldName: true, grade: 2 })).toEqual({ renamed: true, grade: 2 });
    expect(() => validateFacts(toy, { neverExisted: true })).toThrow(/neverExisted|Unrecognized|unrecognized/);
    expect(() => validateFacts(toy, { oldName: 'yes' })).toThrow(/renamed/);
    expect(validateFacts(toy, { distanceShort: true, grade: 2 })).toEqual({ grade: 2 });
  });
});

describe('old names in rules-data', () => {
  const { vocabularies } = loadVocabularies();
  const uses = [...vocabularies].flatMap(([sector, vocabulary]) => [...factAliases(vocabulary)].map(([name, { fact, alias }]) => ({ sector, vocabulary, name, fact, alias })));

  it('every sector that replaced a fact still accepts its old name, fire included (the retired `deprecated` format)', () => {
    expect(uses.filter((use) => use.sector === 'fire').map((use) => use.name).sort()).toEqual([
      'evacuationSignsLightingDeficient',
      'fireCompartmentEnlargedOver150Percent',
      'fireSeparationDevicesDamagedOverHalf',
      'fireSeparationShortOrOccupied',
      'shopEvacuationDistanceOver125Percent',
      'stairwellDoorsDamagedOverLimit',
    ]);
  });

  it('each old answer a mapping lists is read as facts the vocabulary accepts; a set-aside name is accepted and dropped', () => {
    for (const { sector, vocabulary, name, alias } of uses) {
      const answers = alias.values ? Object.keys(alias.values).map((key) => JSON.parse(key) as unknown) : [];
      for (const answer of answers) expect(() => validateFacts(vocabulary, { [name]: answer }), `${sector} ${name}=${JSON.stringify(answer)}`).not.toThrow();
      if (alias.values && answers.length === 0) expect(validateFacts(vocabulary, { [name]: true }), `${sector} ${name}`).toEqual({});
    }
  });
});
