// Old fact names: read as the facts that replaced them, reported as deprecated, never winning over a new answer.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { factAliases, resolveFactAliases } from './aliases.js';
import { count, observed } from './fields.js';
import { validateFacts } from './vocabulary.js';

const toy = z.strictObject({
  renamed: observed({ zh: '新名', en: 'new name', aliases: [{ name: 'oldName', deprecatedIn: '0.2.0' }] }),
  installed: observed({
    zh: '已安装',
    en: 'installed',
    aliases: [{ name: 'installedAndWorking', deprecatedIn: '0.2.0', values: { true: { installed: true, working: true }, false: { installed: false } } }],
  }),
  working: observed({ zh: '有效', en: 'working' }),
  grade: count({ zh: '级别', en: 'grade' }, '级'),
});

describe('fact aliases', () => {
  it('lists each old name with the fact that carries it', () => {
    expect([...factAliases(toy).entries()].map(([name, { fact }]) => [name, fact])).toEqual([
      ['oldName', 'renamed'],
      ['installedAndWorking', 'installed'],
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

  it('lets an answer under the new name win over one read from the old name', () => {
    expect(resolveFactAliases(toy, { installedAndWorking: true, working: false }).facts).toEqual({ installed: true, working: false });
  });

  it('validateFacts accepts old names and still rejects unknown ones and bad values', () => {
    expect(validateFacts(toy, { oldName: true, grade: 2 })).toEqual({ renamed: true, grade: 2 });
    expect(() => validateFacts(toy, { neverExisted: true })).toThrow(/neverExisted|Unrecognized|unrecognized/);
    expect(() => validateFacts(toy, { oldName: 'yes' })).toThrow(/renamed/);
  });
});
