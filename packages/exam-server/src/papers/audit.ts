// The figures `pnpm exam:audit` prints for each blueprint: pool by type and topic, where the keys sit,
// how often a paper repeats an item with other numbers, the longest option, stems that break the
// sentence rules, and what a blind strategy would score against chance.
import type { Question, QuestionType } from '../questions/question.js';
import { topicLabel } from '../questions/topics.js';
import { assemblePaper, nearDuplicateSignature, pointsFor } from './assemble.js';

export { nearDuplicateSignature };
import type { Blueprint } from './blueprints.js';

/** Share of a paper's questions that repeat an earlier one's signature. */
export const nearDuplicateShare = (questions: readonly Question[]): number => {
  if (questions.length === 0) return 0;
  const signatures = new Set(questions.map(nearDuplicateSignature));
  return (questions.length - signatures.size) / questions.length;
};

export const maxOptionChars = 80;

/** What a trainee would stumble on: a field dump (“已探放水：是”), padding zeros, an over-long option. */
export const sentenceProblems = (question: Question): string[] => {
  const problems: string[] = [];
  const texts = [question.stem, ...(question.type === 'judgement' ? [] : question.options.map((option) => option.text))];
  if (texts.some((text) => /[\u4e00-\u9fff）)]：(是|否)(?=[；。，,;]|$)/.test(text))) problems.push('字段：是/否');
  if (texts.some((text) => /(^|[^\d.])0人(死亡|重伤)|(^|[^\d.])0万元/.test(text))) problems.push('零值罗列');
  if (question.options.some((option) => option.text.length > maxOptionChars)) problems.push(`选项超过${maxOptionChars}字`);
  return problems;
};

export interface KeyShares {
  judgementTrue: number | null;
  /** The largest share of single-choice keys at one position. */
  singleTopPosition: number | null;
  /** The largest share of multiple-choice questions with one key set. */
  multipleTopSet: number | null;
}

const topShare = (values: string[]): number | null => {
  if (values.length === 0) return null;
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(...counts.values()) / values.length;
};

const commonest = (values: string[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
};

const keyOf = (question: Question) => [...question.answer].sort().join('');

export const keyShares = (questions: readonly Question[]): KeyShares => {
  const of = (type: QuestionType) => questions.filter((question) => question.type === type);
  const judgements = of('judgement');
  return {
    judgementTrue: judgements.length ? judgements.filter((question) => question.answer[0] === 'T').length / judgements.length : null,
    singleTopPosition: topShare(of('single').map(keyOf)),
    multipleTopSet: topShare(of('multiple').map(keyOf)),
  };
};

/** The chance of guessing a question: one of two, one of n, one of the sets of two or more of n. */
const chanceOf = (question: Question): number => {
  const count = question.type === 'judgement' ? 2 : question.options.length;
  if (question.type !== 'multiple') return 1 / count;
  return 1 / (2 ** count - count - 1);
};

export interface BlindResult {
  /** Points the blind strategy scores, averaged over the papers. */
  blind: number;
  /** Points expected from guessing at random. */
  chance: number;
}

/**
 * The blind strategy answers every question of a type with the key that type has most often in the
 * pool; its score on seeded papers against the score of random guessing.
 */
export const blindStrategy = (blueprint: Blueprint, pool: readonly Question[], seeds: readonly string[]): BlindResult => {
  const guess = new Map<QuestionType, string | undefined>((['judgement', 'single', 'multiple'] as const).map((type) => [type, commonest(pool.filter((question) => question.type === type).map(keyOf))]));
  let blind = 0;
  let chance = 0;
  for (const seed of seeds) {
    const paper = assemblePaper(blueprint, pool, seed);
    for (const question of paper.questions) {
      const points = pointsFor(blueprint, question);
      if (guess.get(question.type) === keyOf(question)) blind += points;
      chance += points * chanceOf(question);
    }
  }
  return { blind: blind / seeds.length, chance: chance / seeds.length };
};

export interface AuditRow {
  blueprintId: string;
  label: string;
  shortened: boolean;
  paper: string;
  pool: Record<QuestionType, number>;
  topics: { topic: string; count: number }[];
  shares: KeyShares;
  worstNearDuplicates: number;
  longestOption: number;
  sentenceProblems: { id: string; problems: string[] }[];
  blind: BlindResult;
}

export const auditBlueprint = (blueprint: Blueprint, pool: readonly Question[], seeds: readonly string[]): AuditRow => {
  const count = (type: QuestionType) => pool.filter((question) => question.type === type).length;
  const topics = new Map<string, number>();
  // Generated questions by their rule's topics; bank and calculator questions by their bank chapter.
  for (const question of pool) {
    const names = question.kind === 'situation' || question.kind === 'recall' ? (question.topics ?? []).map(topicLabel) : [question.chapter.title];
    for (const name of names) topics.set(name, (topics.get(name) ?? 0) + 1);
  }
  const papers = seeds.map((seed) => assemblePaper(blueprint, pool, seed).questions);
  return {
    blueprintId: blueprint.id,
    label: blueprint.candidate.label,
    shortened: blueprint.shortened !== undefined,
    paper: blueprint.sections.map((section) => `${section.type[0]!.toUpperCase()}${section.count}`).join('+'),
    pool: { judgement: count('judgement'), single: count('single'), multiple: count('multiple') },
    topics: [...topics.entries()].map(([topic, n]) => ({ topic, count: n })).sort((a, b) => b.count - a.count),
    shares: keyShares(pool),
    worstNearDuplicates: Math.max(0, ...papers.map(nearDuplicateShare)),
    longestOption: Math.max(0, ...pool.flatMap((question) => (question.type === 'judgement' ? [] : question.options.map((option) => option.text.length)))),
    sentenceProblems: pool.map((question) => ({ id: question.id, problems: sentenceProblems(question) })).filter((entry) => entry.problems.length > 0),
    blind: blindStrategy(blueprint, pool, seeds),
  };
};
