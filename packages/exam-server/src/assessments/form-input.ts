// Reads a submitted self-assessment form into facts: a blank answer is unknown (left out), anything that is
// not a valid answer is refused with the field named, and what was typed is kept to show the form again.
import type { Field, FormLayout } from './fields.js';

export interface FieldIssue {
  path: string;
  message: string;
}

export interface FormFacts {
  facts: Record<string, unknown>;
  /** What the user typed or chose, per field, to fill the form again when it is refused. */
  typed: Record<string, string | string[]>;
  issues: FieldIssue[];
}

/** Form field names: `f.<fact>` holds the answer; `k.<fact>` says a checkbox list was answered. */
export const answerName = (fact: string) => `f.${fact}`;
export const answeredListName = (fact: string) => `k.${fact}`;

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
const single = (value: unknown): string => (Array.isArray(value) ? String(value[value.length - 1] ?? '') : typeof value === 'string' ? value : '');

const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Accepts what people type on a phone: full-width digits, thousands separators, spaces. */
const normaliseNumber = (text: string) =>
  text
    .replace(/[０-９．－＋]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');

const readField = (field: Field, body: Record<string, unknown>): { value?: unknown; typed?: string | string[]; issue?: string } => {
  const raw = body[answerName(field.name)];
  if (field.kind === 'array') {
    const chosen = list(raw).filter(Boolean);
    const answered = single(body[answeredListName(field.name)]) === 'known' || chosen.length > 0;
    const allowed = new Set(field.options.map((option) => option.value));
    const unknown = chosen.find((value) => !allowed.has(value));
    if (unknown !== undefined) return { typed: chosen, issue: `不是可选项：${unknown} / expected one of: ${[...allowed].join(', ')}` };
    return answered ? { value: chosen, typed: chosen } : {};
  }
  const text = single(raw).trim();
  if (text === '') return { typed: '' };
  switch (field.kind) {
    case 'boolean':
      if (text === 'true' || text === 'false') return { value: text === 'true', typed: text };
      return { typed: text, issue: '请选择“是”“否”或“未知” / expected yes, no or unknown' };
    case 'enum':
      if (field.options.some((option) => option.value === text)) return { value: text, typed: text };
      return { typed: text, issue: `不是可选项 / expected one of: ${field.options.map((option) => option.value).join(', ')}` };
    case 'number':
    case 'integer': {
      const normalised = normaliseNumber(text);
      const unit = field.unit ? `（${field.unit}）` : '';
      if (!decimal.test(normalised)) return { typed: text, issue: `请填写数字${unit}，不填表示未知 / expected a number, got "${text}"` };
      const value = Number(normalised);
      if (field.kind === 'integer' && !Number.isInteger(value)) return { typed: text, issue: `请填写整数${unit} / expected a whole number, got "${text}"` };
      if (field.minimum !== null && value < field.minimum) return { typed: text, issue: `不能小于 ${field.minimum}${unit} / expected a number ≥ ${field.minimum}, got ${text}` };
      return { value, typed: text };
    }
    default:
      return { value: text, typed: text };
  }
};

export const factsFromForm = (layout: FormLayout, body: Record<string, unknown>): FormFacts => {
  const facts: Record<string, unknown> = {};
  const typed: Record<string, string | string[]> = {};
  const issues: FieldIssue[] = [];
  for (const field of layout.fields.values()) {
    const read = readField(field, body);
    if (read.typed !== undefined) typed[field.name] = read.typed;
    if (read.issue) issues.push({ path: `facts.${field.name}`, message: `${field.label}：${read.issue}` });
    else if (read.value !== undefined) facts[field.name] = read.value;
  }
  return { facts, typed, issues };
};

/** Stored facts as the form shows them. */
export const typedFromFacts = (facts: Record<string, unknown>): Record<string, string | string[]> =>
  Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]));
