// The curated bank (rules-data/question-bank: knowledge no rule encodes, in our words, cited) and what
// an administrator imports; both as CSV and Moodle GIFT so a training centre can bring its own bank.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDataDirectory as rulesData } from '@anquan/rules';
import { z } from 'zod';
import type { StoredQuestion } from '../store/repository.js';
import { arrangeKeys } from './arrange.js';
import { judgementOptions, type Question } from './question.js';

export const rulesDataDirectory = rulesData;

const optionSchema = z.strictObject({ key: z.string().regex(/^[A-H]$/, 'expected an option letter A–H'), text: z.string().trim().min(1, 'expected option text') });

/** One bank question as written or imported; judgement questions have no options (正确/错误 are implied). */
export const bankQuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[\w:.-]+$/, 'expected an id of letters, digits, : . _ -').max(120),
    type: z.enum(['judgement', 'single', 'multiple'], { error: 'expected judgement, single or multiple' }),
    stem: z.string().trim().min(4, 'expected the question text'),
    options: z.array(optionSchema).default([]),
    answer: z.array(z.string()).min(1, 'expected at least one answer key'),
    explanation: z.string().default(''),
    citation: z.string().trim().min(1, 'expected a citation (where the answer comes from)'),
  })
  .superRefine((question, ctx) => {
    const keys = question.type === 'judgement' ? ['T', 'F'] : question.options.map((option) => option.key);
    if (question.type !== 'judgement' && question.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'expected at least two options' });
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option letters must be distinct' });
    const texts = question.options.map((option) => option.text);
    if (new Set(texts).size !== texts.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option texts must be distinct' });
    for (const key of question.answer) if (!keys.includes(key)) ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer ${key} is not one of the options (${keys.join(', ')})` });
    if (question.type !== 'multiple' && question.answer.length !== 1) ctx.addIssue({ code: 'custom', path: ['answer'], message: `a ${question.type} question has exactly one answer` });
    if (question.type === 'multiple' && question.answer.length < 2) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a multiple-choice question has at least two answers' });
  });
export type BankQuestion = z.output<typeof bankQuestionSchema>;

export const bankFileSchema = z.strictObject({ $schema: z.string().optional(), topic: z.string(), title: z.string(), source: z.string(), questions: z.array(bankQuestionSchema) });

const topicTitles = new Map<string, string>();

export const toQuestion = (bank: BankQuestion, topic: string, kind: 'bank' | 'imported'): Question => ({
  id: bank.id,
  type: bank.type,
  kind,
  stem: bank.stem,
  options: bank.type === 'judgement' ? judgementOptions : bank.options,
  answer: bank.answer,
  explanation: bank.explanation,
  citation: { text: bank.citation },
  ruleIds: [],
  chapter: { id: `bank/${topic}`, title: topicTitles.get(topic) ?? topic },
  sector: null,
  source: `bank:${topic}`,
  topics: [topic],
});

let curated: Question[] | undefined;

export const curatedBank = (): Question[] => {
  if (curated) return curated;
  const directory = join(rulesDataDirectory(), 'question-bank');
  curated = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const file = bankFileSchema.parse(JSON.parse(readFileSync(join(directory, name), 'utf8')));
      topicTitles.set(file.topic, file.title);
      // The review page names what each question teaches, as it does for generated ones.
      return file.questions.map((question) => toQuestion({ ...question, explanation: `考点：${file.title}。${question.explanation}` }, file.topic, 'bank'));
    });
  curated = arrangeAcrossPapers(curated);
  return curated;
};

/**
 * The key sets take turns across the chapters a paper draws together, not only within a file: one run
 * per list of bank chapters the blueprints use (rules-data/exams/blueprints.json), chapters shared by
 * several lists first, so a shared question is arranged alike in every run.
 */
const arrangeAcrossPapers = (questions: Question[]): Question[] => {
  const file = JSON.parse(readFileSync(join(rulesDataDirectory(), 'exams', 'blueprints.json'), 'utf8')) as Record<string, { bankTopics?: unknown }>;
  const lists = Object.values(file).flatMap((entry) => (entry && Array.isArray(entry.bankTopics) ? [entry.bankTopics.map(String)] : []));
  const uses = (topic: string) => lists.filter((list) => list.includes(topic)).length;
  const topicOf = (question: Question) => question.chapter.id.replace(/^bank\//, '');
  const arranged = new Map<string, Question>();
  for (const list of lists) {
    const ordered = [...list].sort((a, b) => uses(b) - uses(a) || a.localeCompare(b));
    const run = ordered.flatMap((topic) => questions.filter((question) => topicOf(question) === topic));
    for (const question of arrangeKeys(run)) if (!arranged.has(question.id)) arranged.set(question.id, question);
  }
  // Chapters no blueprint lists (yet): one run of their own.
  for (const question of arrangeKeys(questions.filter((question) => !arranged.has(question.id)))) arranged.set(question.id, question);
  return questions.map((question) => arranged.get(question.id)!);
};

export const fromStored = (stored: StoredQuestion): Question =>
  toQuestion({ ...stored, options: stored.options }, stored.topic, 'imported');

// --- CSV -------------------------------------------------------------------------------------------

export const csvColumns = ['id', 'type', 'topic', 'stem', 'A', 'B', 'C', 'D', 'E', 'F', 'answer', 'explanation', 'citation'] as const;

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index]!;
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
};

export interface TopicQuestion {
  topic: string;
  question: BankQuestion;
}

export const toCsv = (questions: TopicQuestion[]): string =>
  `\uFEFF${[
    csvColumns.join(','),
    ...questions.map(({ topic, question }) =>
      [
        question.id,
        question.type,
        topic,
        question.stem,
        ...['A', 'B', 'C', 'D', 'E', 'F'].map((key) => question.options.find((option) => option.key === key)?.text ?? ''),
        question.answer.join(''),
        question.explanation,
        question.citation,
      ]
        .map(csvCell)
        .join(','),
    ),
  ].join('\r\n')}\r\n`;

export interface ImportIssue {
  line: string;
  path: string;
  message: string;
}

const validate = (raw: unknown, line: string, issues: ImportIssue[]): BankQuestion | undefined => {
  const parsed = bankQuestionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) issues.push({ line, path: issue.path.join('.') || '(question)', message: issue.message });
  return undefined;
};

/** Parses a CSV bank; returns every question or, if any row is wrong, every problem (nothing half-imported). */
export const fromCsv = (text: string, defaultTopic: string): { questions: TopicQuestion[]; issues: ImportIssue[] } => {
  const [header, ...rows] = parseCsv(text);
  const issues: ImportIssue[] = [];
  if (!header || csvColumns.some((column) => !header.includes(column))) {
    return { questions: [], issues: [{ line: '1', path: 'header', message: `expected the columns ${csvColumns.join(',')}` }] };
  }
  const at = (row: string[], column: string) => (row[header.indexOf(column)] ?? '').trim();
  const questions = rows.flatMap((row, index) => {
    const type = at(row, 'type');
    const options = ['A', 'B', 'C', 'D', 'E', 'F'].filter((key) => at(row, key) !== '').map((key) => ({ key, text: at(row, key) }));
    const question = validate(
      { id: at(row, 'id'), type, stem: at(row, 'stem'), options: type === 'judgement' ? [] : options, answer: [...at(row, 'answer').toUpperCase().replace(/[^A-HTF]/g, '')].map((key) => (type === 'judgement' ? key : key)), explanation: at(row, 'explanation'), citation: at(row, 'citation') },
      String(index + 2),
      issues,
    );
    return question ? [{ topic: at(row, 'topic') || defaultTopic, question }] : [];
  });
  return { questions: issues.length ? [] : questions, issues };
};

// --- GIFT (Moodle) -----------------------------------------------------------------------------------

const giftEscape = (text: string) => text.replace(/([\\~=#{}:])/g, '\\$1').replace(/\n/g, '\\n');
/** One pass, so an escaped backslash before n stays a backslash and an n. */
const giftUnescape = (text: string) => text.replace(/\\(.)/gs, (_match, char: string) => (char === 'n' ? '\n' : char));

/** Index of `target` outside escapes (a backslash escapes the next character), from `from`; -1 if none. */
const findUnescaped = (text: string, target: string, from = 0): number => {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text.startsWith(target, index)) return index;
  }
  return -1;
};
const lastUnescaped = (text: string, target: string): number => {
  let found = -1;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === target) found = index;
  }
  return found;
};
/** Splits before each unescaped = or ~ (the start of an answer). */
const splitAnswers = (text: string): string[] => {
  const parts: string[] = [];
  let start = -1;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '=' || text[index] === '~') {
      if (start >= 0) parts.push(text.slice(start, index));
      start = index;
    }
  }
  if (start >= 0) parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
};

/**
 * Judgement → {TRUE}/{FALSE}; single choice → {=right ~wrong}; multiple choice → weighted {~%50%right
 * ~%-100%wrong}. Our id goes in the question title (::id::), the citation and explanation in general
 * feedback (####), the topic as a $CATEGORY line.
 */
export const toGift = (questions: TopicQuestion[]): string => {
  const lines: string[] = [];
  let topic: string | undefined;
  for (const { topic: questionTopic, question } of questions) {
    if (questionTopic !== topic) {
      topic = questionTopic;
      lines.push(`$CATEGORY: ${topic}`, '');
    }
    const feedback = `####${giftEscape(`${question.explanation}【依据】${question.citation}`)}`;
    let body: string;
    if (question.type === 'judgement') body = `{${question.answer[0] === 'T' ? 'TRUE' : 'FALSE'}${feedback}}`;
    else if (question.type === 'single') body = `{\n${question.options.map((option) => `${question.answer.includes(option.key) ? '=' : '~'}${giftEscape(option.text)}`).join('\n')}\n${feedback}\n}`;
    else {
      const right = question.answer.length;
      const share = Math.floor(100000 / right) / 1000;
      body = `{\n${question.options.map((option) => `~%${question.answer.includes(option.key) ? share : -100}%${giftEscape(option.text)}`).join('\n')}\n${feedback}\n}`;
    }
    lines.push(`::${question.id}:: ${giftEscape(question.stem)} ${body}`, '');
  }
  return lines.join('\n');
};

export const fromGift = (text: string, defaultTopic: string): { questions: TopicQuestion[]; issues: ImportIssue[] } => {
  const issues: ImportIssue[] = [];
  const questions: TopicQuestion[] = [];
  let topic = defaultTopic;
  const blocks = text.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  blocks.forEach((block, index) => {
    const trimmed = block
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .trim();
    if (!trimmed) return;
    const category = /^\$CATEGORY:\s*(.+)$/.exec(trimmed);
    if (category) {
      topic = category[1]!.trim().replace(/^\$(course|system|module)\$\//, '');
      return;
    }
    const line = `block ${index + 1}`;
    const titleEnd = trimmed.startsWith('::') ? findUnescaped(trimmed, '::', 2) : -1;
    const rest = titleEnd > 0 ? trimmed.slice(titleEnd + 2) : '';
    const open = findUnescaped(rest, '{');
    const close = lastUnescaped(rest, '}');
    if (titleEnd < 0 || open < 0 || close < open || rest.slice(close + 1).trim() !== '') {
      issues.push({ line, path: '(question)', message: 'expected ::id:: stem { answers }' });
      return;
    }
    const id = trimmed.slice(2, titleEnd);
    const stem = rest.slice(0, open);
    const answers = rest.slice(open + 1, close);
    const feedbackAt = findUnescaped(answers, '####');
    const choices = feedbackAt < 0 ? answers : answers.slice(0, feedbackAt);
    const feedback = giftUnescape(feedbackAt < 0 ? '' : answers.slice(feedbackAt + 4).trim());
    const [explanation = '', citation = ''] = feedback.split('【依据】');
    const base = { id: giftUnescape(id.trim()), stem: giftUnescape(stem.trim()), explanation: explanation.trim(), citation: citation.trim() || '（导入题库未注明依据）' };
    const truth = /^\s*(TRUE|FALSE|T|F)\s*$/i.exec(choices);
    if (truth) {
      const question = validate({ ...base, type: 'judgement', options: [], answer: [truth[1]![0]!.toUpperCase()] }, line, issues);
      if (question) questions.push({ topic, question });
      return;
    }
    const parts = splitAnswers(choices);
    const weighted = parts.some((part) => /^~%-?[\d.]+%/.test(part));
    const options = parts.map((part, position) => {
      const weight = /^~%(-?[\d.]+)%/.exec(part);
      const right = weighted ? Number(weight?.[1] ?? -1) > 0 : part.startsWith('=');
      const body = part.replace(/^[=~](%-?[\d.]+%)?/, '');
      const comment = findUnescaped(body, '#');
      const textPart = (comment < 0 ? body : body.slice(0, comment)).trim();
      return { key: 'ABCDEFGH'[position]!, text: giftUnescape(textPart), right };
    });
    const question = validate(
      { ...base, type: weighted ? 'multiple' : 'single', options: options.map(({ key, text: optionText }) => ({ key, text: optionText })), answer: options.filter((option) => option.right).map((option) => option.key) },
      line,
      issues,
    );
    if (question) questions.push({ topic, question });
  });
  return { questions: issues.length ? [] : questions, issues };
};
