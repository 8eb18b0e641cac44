// Request validation at the boundary: zod, and a 400 that names every field and what was expected.
import type { z } from 'zod';
import { RequestError } from './errors.js';

export const validateBody = <S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [root, ...issue.path.map(String), key].join('.'), message: 'unknown field' }))
      : [{ path: [root, ...issue.path.map(String)].join('.'), message: issue.message }],
  );
  throw new RequestError(400, `输入有误：${issues.map((issue) => `${issue.path} ${issue.message}`).join('；')}`, issues);
};
