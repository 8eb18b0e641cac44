// Where the key sits. Choice options are reordered so that, across a run of questions, each position is
// the key equally often and multiple-choice key sets take turns; letters are then reassigned A, B, … in
// the new order, so the letter a trainee sees carries no signal.
import { createHash } from 'node:crypto';
import type { Question } from './question.js';

const letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** Every set of `size` positions out of `count`, in a fixed order. */
const combinationsOf = (count: number, size: number): number[][] => {
  if (size === 0) return [[]];
  if (count < size) return [];
  return [...combinationsOf(count - 1, size - 1).map((rest) => [...rest, count - 1]), ...combinationsOf(count - 1, size)].sort((a, b) => a.join().localeCompare(b.join()));
};
const combinationsCache = new Map<string, readonly number[][]>();
/** The same sets, worked out once per count and size (a paper asks for a handful of shapes thousands of times). */
const combinations = (count: number, size: number): readonly number[][] => {
  const key = `${count}|${size}`;
  let sets = combinationsCache.get(key);
  if (!sets) combinationsCache.set(key, (sets = combinationsOf(count, size)));
  return sets;
};

const hashOf = (text: string): number => createHash('sha256').update(text).digest().readUInt32LE(0);

/** The same question with its options in `order` (old keys) and letters reassigned. */
export const reorder = (question: Question, order: string[]): Question => {
  const rename = new Map(order.map((key, index) => [key, letters[index]!]));
  const explanation = question.kind === 'situation' ? question.explanation.replace(/^([A-H])：/gm, (_match, key: string) => `${rename.get(key) ?? key}：`) : question.explanation;
  // Situation explanations list one line per option: keep those in the new letter order.
  const lines = explanation.split('\n');
  const perOption = lines.filter((line) => /^[A-H]：/.test(line));
  const sortedExplanation = question.kind === 'situation' ? [...lines.filter((line) => !/^[A-H]：/.test(line)), ...perOption.sort()].join('\n') : explanation;
  return {
    ...question,
    options: order.map((key, index) => ({ key: letters[index]!, text: question.options.find((option) => option.key === key)!.text })),
    answer: question.answer.map((key) => rename.get(key)!).sort(),
    explanation: sortedExplanation,
    ...(question.evidence ? { evidence: question.evidence.map((item) => ({ ...item, optionKey: rename.get(item.optionKey) ?? item.optionKey })).sort((a, b) => a.optionKey.localeCompare(b.optionKey)) } : {}),
  };
};

/**
 * Arranges the keys of a run of questions: the n-th single-choice question has its key at position n
 * (mod the option count), the n-th multiple-choice question with k right options takes the n-th set of
 * k positions; wrong options fill the rest in an order drawn from the question's id. `firstTurn` lets
 * separate runs (one per document) start at different places, so their key sets do not line up.
 */
export const arrangeKeys = (questions: readonly Question[], firstTurn = 0): Question[] => {
  const turns = new Map<string, number>();
  return questions.map((question) => {
    if (question.type === 'judgement' || question.options.length < 2) return question;
    const count = question.options.length;
    const sets = question.type === 'single' ? Array.from({ length: count }, (_, position) => [position]) : combinations(count, question.answer.length);
    const turnKey = `${question.type}|${count}|${question.answer.length}`;
    const turn = turns.get(turnKey) ?? firstTurn;
    turns.set(turnKey, turn + 1);
    const target = sets[turn % sets.length]!;
    const right = question.options.filter((option) => question.answer.includes(option.key)).map((option) => option.key);
    const wrong = question.options.filter((option) => !question.answer.includes(option.key)).map((option) => option.key);
    const start = wrong.length ? hashOf(question.id) % wrong.length : 0;
    const wrongOrder = [...wrong.slice(start), ...wrong.slice(0, start)];
    const order: string[] = [];
    for (let position = 0; position < count; position += 1) order.push(target.includes(position) ? right.shift()! : wrongOrder.shift()!);
    return reorder(question, order);
  });
};
