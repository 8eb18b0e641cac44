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
        { path: 'facts.extra', message: 'unknown field (not in the vocabulary)' },
      ]);
    }
  });

  it('passes valid input through unchanged', () => {
    expect(parseInput(schema, { tonnes: 1, nested: { flag: true } }, 'facts')).toEqual({ tonnes: 1, nested: { flag: true } });
  });
});
