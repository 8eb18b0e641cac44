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

/** Zod's own types in Chinese and English, for its default messages. */
const kinds: Record<string, [string, string]> = {
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  bigint: ['整数', 'a whole number'],
  string: ['文字', 'text'],
  boolean: ['是或否（true/false）', 'true or false'],
  object: ['对象（键值）', 'an object'],
  array: ['列表', 'a list'],
  date: ['日期', 'a date'],
};
const sizeOf = (origin: string, zh: string, en: string, bound: string): [string, string] =>
  origin === 'string' ? [`${zh} ${bound} 个字符`, `${en} ${bound} characters`] : origin === 'array' || origin === 'set' ? [`${zh} ${bound} 项`, `${en} ${bound} items`] : [`${zh} ${bound}`, `${en} ${bound}`];

/**
 * A zod default message ("Invalid input: expected number, received string") in the house form: what was
 * expected, in Chinese and then in English. Undefined for a message a schema wrote itself ("expected …").
 */
const houseMessage = (issue: z.core.$ZodIssue, missing: boolean): { zh: string; en: string } | undefined => {
  if (/^expected|\p{Script=Han}/u.test(issue.message)) return undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const [zh, en] = kinds[issue.expected] ?? [issue.expected, issue.expected];
      return missing ? { zh: `必填，应为${zh}`, en: `required: expected ${en}` } : { zh: `应为${zh}`, en: `expected ${en}` };
    }
    case 'too_small': {
      const [zh, en] = sizeOf(issue.origin, issue.inclusive === false ? '应大于' : '应不小于', issue.inclusive === false ? 'expected more than' : 'expected at least', String(issue.minimum));
      return { zh, en };
    }
    case 'too_big': {
      const [zh, en] = sizeOf(issue.origin, issue.inclusive === false ? '应小于' : '应不超过', issue.inclusive === false ? 'expected less than' : 'expected at most', String(issue.maximum));
      return { zh, en };
    }
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value));
      return { zh: `应为以下之一：${values.join('、')}`, en: `expected one of ${values.join(', ')}` };
    }
    case 'invalid_format':
      return { zh: `格式不符，应为 ${issue.format} 格式`, en: `expected the ${issue.format} format` };
    case 'not_multiple_of':
      return { zh: `应为 ${String(issue.divisor)} 的整数倍`, en: `expected a multiple of ${String(issue.divisor)}` };
    case 'invalid_union':
      return { zh: '不符合任何一种可接受的形式', en: 'expected one of the accepted forms' };
    default:
      return undefined;
  }
};

/** One line per issue: `facts.x: expected a number ≥ 0 (t), got "lots"`; zod's defaults Chinese first: `应为数字，收到 "lots" / expected a number, got "lots"`. */
export const toInputIssues = (issues: readonly z.core.$ZodIssue[], root: string, input?: unknown): InputIssue[] =>
  issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathOf(root, [...issue.path, key]), message: '未知字段 / unknown field (not in the vocabulary)' }));
    }
    const value = input === undefined ? undefined : valueAt(input, issue.path);
    const shown = input === undefined || value === undefined ? undefined : describeValue(value);
    const shownZh = typeof value === 'object' && value !== null ? (Array.isArray(value) ? '一个列表' : '一个对象') : shown;
    const house = houseMessage(issue, input !== undefined && value === undefined);
    if (house) return [{ path: pathOf(root, issue.path), message: shown === undefined ? `${house.zh} / ${house.en}` : `${house.zh}，收到 ${shownZh} / ${house.en}, got ${shown}` }];
    const got = input === undefined ? '' : `, got ${describeValue(value)}`;
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
