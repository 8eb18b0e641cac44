// A calculator's reason as data: a template code, the parameters the verdict used (input, value,
// comparison, limit, outcome, citation…), and the Chinese and English sentences rendered from them by
// the templates in rules-data/calculators/reason-templates.json — so words live in data, not in code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bilingualSchema, type Bilingual } from '../documents/format.js';
import { parseJsonFile, rulesDataDirectory } from '../documents/load.js';

/** A parameter of a reason: a date, a figure, a yes/no, an absent value, or a bilingual name. */
export type ReasonParam = string | number | boolean | null | Bilingual;
export type ReasonParams = Record<string, ReasonParam>;

export interface CalculatorReason extends Bilingual {
  /** The template the sentences were rendered from (`deadline.verdict`, `threshold.compare`, …); `note` for text not yet templated. */
  code: string;
  /** The parameters the verdict used, by name; the sentences are rendered from exactly these. */
  params: ReasonParams;
}

const paramSchema: z.ZodType<ReasonParam> = z.union([z.string(), z.number(), z.boolean(), z.null(), bilingualSchema]);
export const reasonSchema = z.strictObject({ code: z.string().min(1), params: z.record(z.string(), paramSchema), zh: z.string(), en: z.string() });

/** A phrase a choice renders; it may be empty (a verified consequence needs no caveat). */
const phraseSchema = z.strictObject({ zh: z.string(), en: z.string() });

const templateSchema = z.strictObject({
  /** What the reason says, for people editing the file. */
  about: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
  /**
   * Words for a parameter's value: `{outcome}` renders `choices.outcome[String(value)]` (or its `*` entry),
   * itself rendered with the same parameters, so a yes/no or a verdict word is data too.
   */
  choices: z.record(z.string(), z.record(z.string(), phraseSchema)).default({}),
});

export const reasonTemplatesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  templates: z.record(z.string().regex(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)*$/, 'expected a dotted code such as deadline.verdict'), templateSchema),
});
type Templates = z.output<typeof reasonTemplatesFileSchema>['templates'];

const fileName = join('calculators', 'reason-templates.json');

/** The templates file: in the rules-data being read, else the package's own (a fixture rules-data may not carry one). */
const templatesPath = (): string => {
  const configured = join(rulesDataDirectory(), fileName);
  if (existsSync(configured)) return configured;
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (const candidate of [join(packageRoot, '..', '..', 'rules-data', fileName), join(packageRoot, 'rules-data', fileName)]) if (existsSync(candidate)) return candidate;
  throw new Error(`${fileName} not found`);
};

let loaded: { path: string; templates: Templates } | undefined;

/** The reason templates, read and validated once per file. */
export const reasonTemplates = (): Templates => {
  const path = templatesPath();
  if (loaded?.path === path) return loaded.templates;
  const parsed = reasonTemplatesFileSchema.safeParse(parseJsonFile(readFileSync(path, 'utf8'), fileName));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`rules-data/${fileName}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  loaded = { path, templates: parsed.data.templates };
  return loaded.templates;
};

type Language = 'zh' | 'en';

const word = (value: ReasonParam | undefined, language: Language): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value[language];
  return String(value);
};

const fill = (text: string, params: ReasonParams, choices: Templates[string]['choices'], language: Language, depth: number): string =>
  text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_whole, name: string) => {
    const options = choices[name];
    if (!options) {
      if (!(name in params)) throw new Error(`reason template: parameter ${name} not given`);
      return word(params[name], language);
    }
    const value = params[name];
    const key = value === undefined ? 'undefined' : value !== null && typeof value === 'object' ? value.zh : String(value);
    const chosen = options[key] ?? options['*'];
    if (!chosen) throw new Error(`reason template: no words for ${name} = ${key}`);
    // A chosen phrase may name parameters itself (one level deep: phrases do not nest further).
    return depth > 0 ? chosen[language] : fill(chosen[language], params, {}, language, depth + 1);
  });

/** The reason `code` with its parameters, its sentences rendered from the template of that code. */
export const reason = (code: string, params: ReasonParams): CalculatorReason => {
  const template = reasonTemplates()[code];
  if (!template) throw new Error(`rules-data/${fileName}: no template ${code}`);
  return { code, params, zh: fill(template.zh, params, template.choices, 'zh', 0), en: fill(template.en, params, template.choices, 'en', 0) };
};

/** Whether a reason already carries its code and parameters. */
export const isStructured = (candidate: Bilingual): candidate is CalculatorReason => 'code' in candidate && 'params' in candidate;

/**
 * A reason still written as text (deprecated: each is being moved to a template): code `note`, its only
 * parameter the calculator, so every reason has one shape.
 */
export const asReason = (calculator: string, candidate: Bilingual): CalculatorReason =>
  isStructured(candidate) ? candidate : { code: 'note', params: { calculator }, zh: candidate.zh, en: candidate.en };
