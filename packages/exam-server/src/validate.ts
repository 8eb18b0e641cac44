// Request validation at the boundary: zod, and a 400 that names every field and what was expected; and
// a shape check run on every JSON body before any route works on it (depth, sizes).
import type { z } from 'zod';
import { RequestError } from './errors.js';

export const validateBody = <S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 50).flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.slice(0, 20).map((key) => ({ path: [root, ...issue.path.map(String), key.slice(0, 60)].join('.'), message: 'unknown field' }))
      : [{ path: [root, ...issue.path.map(String)].join('.'), message: issue.message }],
  );
  throw new RequestError(400, `输入有误：${issues.slice(0, 10).map((issue) => `${issue.path} ${issue.message}`).join('；')}`, issues);
};

export interface ShapeLimits {
  /** Deepest nesting of arrays and objects. */
  depth: number;
  /** Longest string, key or value, in characters. */
  stringLength: number;
  /** Most items in one array, or keys in one object. */
  entries: number;
}

// The deepest legitimate body is a self-assessment (facts → a list of objects); the longest string is a
// free-text note. Anything beyond is refused before a route or zod walks it (no stack overflow).
export const jsonShapeLimits: ShapeLimits = { depth: 8, stringLength: 10_000, entries: 2_000 };

/** Throws a 400 naming the first place where the value exceeds the limits. Iterative: no recursion to overflow. */
export const checkShape = (value: unknown, limits: ShapeLimits = jsonShapeLimits, root = 'body'): void => {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const refuse = (path: string, message: string) => {
    throw new RequestError(400, `输入有误：${path} ${message}`, [{ path, message }]);
  };
  while (stack.length > 0) {
    const { value: item, path, depth } = stack.pop()!;
    if (typeof item === 'string') {
      if (item.length > limits.stringLength) refuse(path, `expected at most ${limits.stringLength} characters`);
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limits.depth) refuse(path, `expected at most ${limits.depth} levels of nesting`);
    const entries = Array.isArray(item) ? item.map((element, index) => [String(index), element] as const) : Object.entries(item);
    if (entries.length > limits.entries) refuse(path, `expected at most ${limits.entries} entries`);
    for (const [key, element] of entries) {
      if (key.length > 200) refuse(path, 'expected keys of at most 200 characters');
      stack.push({ value: element, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
};
