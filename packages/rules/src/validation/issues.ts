// Turns zod issues into messages that name the field and what was expected, and the error that carries them.
import { z } from 'zod';

export interface InputIssue {
  /** Dotted path from the root, e.g. facts.quarterlyRawCoalOutputTonnes. */
  path: string;
  message: string;
}

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return String(value);
};

const pathOf = (root: string, path: readonly PropertyKey[]): string =>
  [root, ...path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))]
    .filter(Boolean)
    .join('.')
    .replace(/\.\[/g, '[');

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);

/** One line per issue: `facts.x: expected a number ≥ 0 (t), got "lots"`. */
export const toInputIssues = (issues: readonly z.core.$ZodIssue[], root: string, input?: unknown): InputIssue[] =>
  issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathOf(root, [...issue.path, key]), message: 'unknown field (not in the vocabulary)' }));
    }
    const got = input === undefined ? '' : `, got ${describeValue(valueAt(input, issue.path))}`;
    const message = issue.message.startsWith('expected') ? `${issue.message}${got}` : issue.message;
    return [{ path: pathOf(root, issue.path), message }];
  });

export const formatIssues = (issues: readonly z.core.$ZodIssue[], root: string, input?: unknown): string[] =>
  toInputIssues(issues, root, input).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);

/** Bad input from a user: lists every offending field. Never a stack trace for the user to read. */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[], summary = '输入有误 / invalid input') {
    super(`${summary}\n${issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')}`);
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** Validates `input` with `schema`; throws an InputError listing every offending field under `root`. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown, root: string): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InputError(toInputIssues(parsed.error.issues, root, input));
  return parsed.data;
};
