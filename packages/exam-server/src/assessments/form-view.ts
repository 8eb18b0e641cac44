// What the form template shows: every field with its current answer and any complaint, groups with counts of
// answered fields, and categories that the answers so far rule out moved to the end and folded.
import type { Finding } from '@anquan/rules';
import type { Field, FormLayout } from './fields.js';
import { answeredListName, answerName, type FieldIssue } from './form-input.js';

export interface FieldView extends Field {
  input: string;
  listInput: string;
  value: string;
  error: string | null;
  answered: boolean;
  isBoolean: boolean;
  isEnum: boolean;
  isNumber: boolean;
  isArray: boolean;
  isText: boolean;
  yes: boolean;
  no: boolean;
  unknown: boolean;
  listKnown: boolean;
  choices: { value: string; label: string; selected: boolean }[];
}

export interface GroupView {
  id: string;
  title: string;
  fields: FieldView[];
  answered: number;
  total: number;
  hasErrors: boolean;
  /** The answers so far say the category does not apply (every item in it is not applicable). */
  notApplicable: boolean;
}

const viewOf = (field: Field, typed: string | string[] | undefined, error: string | null): FieldView => {
  const values = Array.isArray(typed) ? typed : typed ? [typed] : [];
  const value = Array.isArray(typed) ? '' : (typed ?? '');
  return {
    ...field,
    input: answerName(field.name),
    listInput: answeredListName(field.name),
    value,
    error,
    answered: field.kind === 'array' ? typed !== undefined && Array.isArray(typed) : value !== '',
    isBoolean: field.kind === 'boolean',
    isEnum: field.kind === 'enum',
    isNumber: field.kind === 'number' || field.kind === 'integer',
    isArray: field.kind === 'array',
    isText: field.kind === 'text',
    yes: value === 'true',
    no: value === 'false',
    unknown: value !== 'true' && value !== 'false',
    listKnown: Array.isArray(typed),
    choices: field.options.map((option) => ({ ...option, selected: values.includes(option.value) })),
  };
};

export const formView = (
  layout: FormLayout,
  typed: Record<string, string | string[]>,
  options: { issues?: FieldIssue[]; findings?: Finding[] } = {},
) => {
  const errors = new Map((options.issues ?? []).map((issue) => [issue.path.replace(/^(body\.)?facts\./, ''), issue.message]));
  const fieldView = (field: Field) => viewOf(field, typed[field.name], errors.get(field.name) ?? null);
  const applicability = layout.applicability.map(fieldView);
  const findings = options.findings ?? [];
  const groups: GroupView[] = layout.groups.map((group) => {
    const fields = group.fields.map(fieldView);
    const inGroup = findings.filter((finding) => `${finding.citation.documentId}/${finding.category.id}` === group.id);
    return {
      id: group.id,
      title: group.title,
      fields,
      answered: fields.filter((field) => field.answered).length,
      total: fields.length,
      hasErrors: fields.some((field) => field.error !== null),
      notApplicable: inGroup.length > 0 && inGroup.every((finding) => finding.applicable === false),
    };
  });
  const all = [...applicability, ...groups.flatMap((group) => group.fields)];
  return {
    applicability,
    applicabilityAnswered: applicability.filter((field) => field.answered).length,
    groups: groups.filter((group) => !group.notApplicable),
    ruledOut: groups.filter((group) => group.notApplicable),
    answered: all.filter((field) => field.answered).length,
    total: all.length,
  };
};
