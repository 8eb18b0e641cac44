import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, parseInput } from './issues.js';

describe('input errors', () => {
  const schema = z.strictObject({ tonnes: z.number({ error: 'expected a number ≥ 0 (t)' }).min(0, 'expected a number ≥ 0 (t)'), nested: z.strictObject({ flag: z.boolean({ error: 'expected true or false' }) }) });

  it('names every offending field with what was expected and what came', () => {
    try {
      parseInput(schema, { tonnes: 'lots', nested: { flag: 'yes' }, extra: 1 }, 'facts');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues).toEqual([
        { path: 'facts.tonnes', message: 'expected a number ≥ 0 (t), got "lots"' },
        { path: 'facts.nested.flag', message: 'expected true or false, got "yes"' },
        { path: 'facts.extra', message: '未知字段 / unknown field (not in the vocabulary)' },
      ]);
    }
  });

  it('puts zod’s own English messages Chinese first, naming what was expected and what came (or that it is required)', () => {
    const plain = z.strictObject({ deaths: z.number(), type: z.enum(['fire', 'other']), steps: z.array(z.string()).max(2), name: z.string().min(2), ratio: z.number().gt(0), flag: z.boolean() });
    const issues = (() => {
      try {
        parseInput(plain, { deaths: 'x', type: 'flood', steps: ['a', 'b', 'c'], name: 'a', ratio: 0 }, 'input');
      } catch (error) {
        return (error as InputError).issues;
      }
      return expect.unreachable();
    })();
    expect(issues).toEqual([
      { path: 'input.deaths', message: '应为数字，收到 "x" / expected a number, got "x"' },
      { path: 'input.type', message: '应为以下之一："fire"、"other"，收到 "flood" / expected one of "fire", "other", got "flood"' },
      { path: 'input.steps', message: '应不超过 2 项，收到 一个列表 / expected at most 2 items, got a list' },
      { path: 'input.name', message: '应不小于 2 个字符，收到 "a" / expected at least 2 characters, got "a"' },
      { path: 'input.ratio', message: '应大于 0，收到 0 / expected more than 0, got 0' },
      { path: 'input.flag', message: '必填，应为是或否（true/false） / required: expected true or false' },
    ]);
    // No English-only zod sentence is left in any of them.
    for (const issue of issues) expect(issue.message).not.toMatch(/Invalid|received|Too (small|big)/);
  });

  it('passes valid input through unchanged', () => {
    expect(parseInput(schema, { tonnes: 1, nested: { flag: true } }, 'facts')).toEqual({ tonnes: 1, nested: { flag: true } });
  });
});
