// Renders a rule's situation template with facts shown the way a person writes them: the Chinese label of
// an option, numbers as given. Yes/no facts stay booleans for {{#if}} blocks; where a template prints one
// after its clause ("已探放水：{{fact}}"), the clause and value become one sentence from factSentence
// ("未探放水"); only a fact with no phrasing falls back to 是/否. Templates are strict: a variable
// without a value is an error.
import { factDefinitionsFor } from '@anquan/rules';
import { factSentence } from './fact-sentences.js';
import { compileSituationTemplate, type SituationTemplate } from './situation-template.js';

const templates = new Map<string, SituationTemplate>();
const printedFlag = (fact: string) => `__text_${fact}`;
const printedSentence = (fact: string) => `__sentence_${fact}`;

/** The Chinese labels of a one-of or several-of fact's options, read from the sector's facts.json. */
const optionLabelsOf = (sector: string, fact: string): Readonly<Record<string, string>> | undefined => {
  const definition = factDefinitionsFor(sector)?.get(fact);
  return definition && (definition.kind === 'oneOf' || definition.kind === 'someOf') ? definition.options : undefined;
};

const label = (sector: string, fact: string, value: unknown): unknown => {
  const labels = optionLabelsOf(sector, fact);
  if (Array.isArray(value)) return value.map((item) => labels?.[String(item)] ?? String(item)).join('、') || '无';
  if (typeof value === 'string') return labels?.[value] ?? value;
  return value;
};

/** Labels in the sector's vocabulary, to read a template's fixed "label：是" as the fact's sentence. */
const factsByLabel = new Map<string, Map<string, string>>();
const factOfLabel = (sector: string, label: string): string | undefined => {
  let labels = factsByLabel.get(sector);
  if (!labels) {
    labels = new Map([...(factDefinitionsFor(sector) ?? [])].map(([fact, definition]) => [definition.label.zh, fact] as [string, string]));
    factsByLabel.set(sector, labels);
  }
  return labels.get(label.trim());
};

/** A value a template states in fixed text ("label：是") reads as the fact's sentence too. */
const statedValues = (sector: string, text: string): string =>
  text.replace(/([^。；：]+)：(是|否)(?=[；。，]|$)/g, (whole, clause: string, value: string) => {
    // The label may hold a comma of its own; else it starts after the clause's last comma.
    const comma = clause.lastIndexOf('，');
    for (const [before, label] of [['', clause], [clause.slice(0, comma + 1), clause.slice(comma + 1)]] as const) {
      const fact = factOfLabel(sector, label);
      const sentence = fact && factSentence(sector, fact, value === '是');
      if (sentence) return `${before}${sentence}`;
    }
    return whole;
  });

/** The template as compiled for these yes/no facts: built once per sector, template and set of flags. */
const sources = new Map<string, string>();
/** The names a template mentions: a yes/no fact it does not name cannot change its source. */
const namesInTemplate = new Map<string, ReadonlySet<string>>();
const sourceFor = (sector: string, template: string, allFlags: readonly string[]): string => {
  let names = namesInTemplate.get(template);
  if (!names) namesInTemplate.set(template, (names = new Set(template.match(/[A-Za-z_$][\w$]*/g) ?? [])));
  const flags = allFlags.filter((fact) => names.has(fact));
  const key = `${sector}\0${template}\0${flags.join('\0')}`;
  let source = sources.get(key);
  if (source === undefined) sources.set(key, (source = flagSource(sector, template, flags)));
  return source;
};

// A clause before a printed yes/no ("已探放水：{{fact}}", "…：{{#if fact}}是{{^}}否{{/if}}") becomes the
// fact's sentence; a fact without one keeps 是/否. One pass over the template: a clause runs from a stop
// or a brace to the printed name, so the clauses of different names never overlap and each is read once
// (the look-behind keeps the scan linear: without it the engine retries a clause from each character).
const printedClause = /(?<![^，。；：{}])[^，。；：{}]*(?:：?{{\s*([A-Za-z_$][\w$]*)\s*}}|：{{#if\s+([A-Za-z_$][\w$]*)\s*}}是{{\^}}否{{\/if}})/g;
const flagSource = (sector: string, template: string, flags: readonly string[]): string => {
  const isFlag = new Set(flags);
  return template.replace(printedClause, (clause, printed: string | undefined, asked: string | undefined) => {
    const fact = (printed ?? asked)!;
    if (!isFlag.has(fact)) return clause;
    if (factSentence(sector, fact, true)) return `{{${printedSentence(fact)}}}`;
    return printed ? clause.replace(new RegExp(`{{\\s*${fact}\\s*}}`), `{{${printedFlag(fact)}}}`) : clause;
  });
};

export const renderSituation = (sector: string, template: string, facts: Record<string, unknown>): string => {
  const flags = Object.keys(facts).filter((fact) => typeof facts[fact] === 'boolean');
  const source = sourceFor(sector, template, flags);
  let compiled = templates.get(source);
  if (!compiled) {
    // Plain text, not escaped: pages escape it when they show it.
    compiled = compileSituationTemplate(source);
    templates.set(source, compiled);
  }
  const context: Record<string, unknown> = Object.fromEntries(Object.entries(facts).map(([fact, value]) => [fact, label(sector, fact, value)]));
  for (const fact of flags) {
    context[printedFlag(fact)] = facts[fact] ? '是' : '否';
    context[printedSentence(fact)] = factSentence(sector, fact, facts[fact] === true);
  }
  const text = statedValues(sector, compiled(context).replace(/\s+/g, ' ').trim());
  if (/{{|}}|\b(true|false|undefined|null)\b/.test(text)) throw new Error(`situation not fully rendered: ${text}`);
  return text;
};
