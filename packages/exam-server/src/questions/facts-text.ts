// Renders a rule's situation template with facts shown the way a person writes them: 是/否, the Chinese
// label of an option, numbers as given. Yes/no facts stay booleans for {{#if}} blocks; where a template
// prints one directly, it prints 是 or 否. Templates are strict: a variable without a value is an error.
import Handlebars from 'handlebars';
import { fieldMeta, vocabularyFor } from '@anquan/rules';

const templates = new Map<string, HandlebarsTemplateDelegate>();
const printedFlag = (fact: string) => `__text_${fact}`;

const label = (sector: string, fact: string, value: unknown): unknown => {
  const labels = fieldMeta(vocabularyFor(sector)?.shape[fact] as never).optionLabels;
  if (Array.isArray(value)) return value.map((item) => labels?.[String(item)] ?? String(item)).join('、') || '无';
  if (typeof value === 'string') return labels?.[value] ?? value;
  return value;
};

export const renderSituation = (sector: string, template: string, facts: Record<string, unknown>): string => {
  const flags = Object.keys(facts).filter((fact) => typeof facts[fact] === 'boolean');
  const source = flags.reduce((text, fact) => text.replace(new RegExp(`{{\\s*${fact}\\s*}}`, 'g'), `{{${printedFlag(fact)}}}`), template);
  let compiled = templates.get(source);
  if (!compiled) {
    // noEscape: the result is plain text; pages escape it when they show it.
    compiled = Handlebars.compile(source, { strict: true, noEscape: true });
    templates.set(source, compiled);
  }
  const context: Record<string, unknown> = Object.fromEntries(Object.entries(facts).map(([fact, value]) => [fact, label(sector, fact, value)]));
  for (const fact of flags) context[printedFlag(fact)] = facts[fact] ? '是' : '否';
  const text = compiled(context).replace(/\s+/g, ' ').trim();
  if (/{{|}}|\b(true|false|undefined|null)\b/.test(text)) throw new Error(`situation not fully rendered: ${text}`);
  return text;
};
