// Over thousands of generated questions: each key is the engine's verdict on the question's own facts,
// single choice has exactly one right option, options are distinct, no template variable is left.
import fc from 'fast-check';
import { assessRules, exact, loadRuleDocuments, type LoadedDocument } from '@anquan/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { factsAt, generateDocumentQuestions, judgementQuestion, singleChoiceQuestion, situationFor, situationsOf, type Situation } from './generate.js';
import type { Question } from './question.js';

const documents = loadRuleDocuments().documents.filter((document) => document.kind === 'major-hazard-criteria' && document.rules.length > 0);
const verdict = async (document: { id: string; version: string }, ruleId: string, facts: Record<string, unknown>) => (await assessRules(document, facts, [ruleId]))[0]!.status;

const checkShape = (question: Question) => {
  const keys = question.options.map((option) => option.key);
  const texts = question.options.map((option) => option.text);
  expect(new Set(keys).size, question.id).toBe(keys.length);
  expect(new Set(texts).size, `${question.id}: options distinct`).toBe(texts.length);
  for (const key of question.answer) expect(keys, question.id).toContain(key);
  if (question.type === 'multiple') expect(question.answer.length, question.id).toBeGreaterThanOrEqual(2);
  else expect(question.answer.length, `${question.id}: exactly one right option`).toBe(1);
  for (const text of [question.stem, ...texts, question.explanation]) expect(text, question.id).not.toMatch(/{{|}}|\bundefined\b|\[object Object\]/);
  expect(question.citation.text.length).toBeGreaterThan(0);
  expect(question.ruleIds.length + (question.kind === 'bank' ? 1 : 0)).toBeGreaterThan(0);
};

/** Recomputes the key from the evidence with the engine, as a reviewer would. */
const checkKeyAgainstEngine = async (question: Question) => {
  for (const evidence of question.evidence ?? []) {
    const status = await verdict({ id: evidence.documentId, version: evidence.version }, evidence.ruleId, evidence.facts);
    expect(status, `${question.id} option ${evidence.optionKey}`).toBe(evidence.status);
    if (question.type === 'judgement') expect(question.answer, question.id).toEqual([status === (evidence.claim ?? 'hazard') ? 'T' : 'F']);
    else expect(question.answer.includes(evidence.optionKey), `${question.id} option ${evidence.optionKey}`).toBe(status === 'hazard');
  }
};

describe('generated questions', () => {
  const all: Question[] = [];
  beforeAll(async () => {
    for (const document of documents) all.push(...(await generateDocumentQuestions(document)));
  }, 300_000);

  it('every question of every document: key from the engine, distinct options, fully rendered', async () => {
    expect(all.length).toBeGreaterThan(1000);
    for (const question of all) {
      checkShape(question);
      await checkKeyAgainstEngine(question);
    }
    const types = new Set(all.map((question) => `${question.type}:${question.kind}`));
    for (const kind of ['judgement:situation', 'single:situation', 'multiple:situation', 'single:recall']) expect(types).toContain(kind);
  });

  it('ids are unique and stable across generations', async () => {
    expect(new Set(all.map((question) => question.id)).size).toBe(all.length);
    const again = await generateDocumentQuestions(documents[0]!);
    expect(again.map((question) => question.id)).toEqual(all.filter((question) => question.source === `${documents[0]!.id}@${documents[0]!.version}`).map((question) => question.id));
  });
});

interface LeafChoice {
  document: LoadedDocument;
  rule: LoadedDocument['rules'][number];
  leaf: { fact: string; value: { side: 'above' | 'below'; limit: string | number; inclusive: boolean } };
}
const leafChoices: LeafChoice[] = documents.flatMap((document) =>
  document.rules.flatMap((rule) => {
    const leaves: LeafChoice['leaf'][] = [];
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      for (const key of ['all', 'any']) if (Array.isArray(record[key])) (record[key] as unknown[]).forEach(walk);
      if (record.not) walk(record.not);
      if (record.operator === 'threshold') leaves.push({ fact: String(record.fact), value: record.value as LeafChoice['leaf']['value'] });
    };
    walk(rule.conditions);
    return leaves.map((leaf) => ({ document, rule, leaf }));
  }),
);

describe('fast-check: situations near every threshold', () => {
  it('a judgement question on a random point near a limit has the engine verdict as its key', async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leafChoices), fc.integer({ min: -2000, max: 2000 }), fc.constantFrom('1', '0.1', '0.01', '0.001'), async (choice, steps, unit) => {
        const limit = exact.toRational(choice.leaf.value.limit);
        const value = { n: limit.n * exact.toRational(unit).d + BigInt(steps) * exact.toRational(unit).n * limit.d, d: limit.d * exact.toRational(unit).d };
        const facts = factsAt(choice.document, choice.rule, choice.leaf as never, value);
        if (!facts) return;
        const situation = await situationFor(choice.document, choice.rule, facts).catch(() => undefined);
        if (!situation) return;
        const question = judgementQuestion(choice.document, choice.rule, situation);
        checkShape(question);
        expect(question.answer).toEqual([(await verdict(choice.document, choice.rule.id, facts)) === 'hazard' ? 'T' : 'F']);
        built += 1;
      }),
      { numRuns: 2000 },
    );
    expect(built).toBeGreaterThan(500);
  }, 300_000);

  it('single choice from random hazard and clear situations has exactly one right option', async () => {
    const pools = new Map<string, Situation[]>();
    for (const document of documents.slice(0, 4)) for (const rule of document.rules) pools.set(`${document.id}@${document.version}|${rule.id}`, await situationsOf(document, rule));
    const withHazard = [...pools.entries()].filter(([, situations]) => situations.some((situation) => situation.status === 'hazard'));
    const clear = [...pools.entries()].flatMap(([key, situations]) => situations.filter((situation) => situation.status === 'clear').map((situation) => ({ key, situation })));
    let built = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withHazard), fc.uniqueArray(fc.nat({ max: clear.length - 1 }), { minLength: 3, maxLength: 3 }), fc.nat(), async ([key, situations], picks, seed) => {
        const [documentKey, ruleId] = key.split('|') as [string, string];
        const document = documents.find((candidate) => `${candidate.id}@${candidate.version}` === documentKey)!;
        const rule = document.rules.find((candidate) => candidate.id === ruleId)!;
        const distractors = picks.map((index) => clear[index]!).filter((entry) => entry.key.startsWith(documentKey)).map((entry) => entry.situation);
        const question = singleChoiceQuestion(document, rule, situations.find((situation) => situation.status === 'hazard')!, distractors, seed);
        if (!question) return;
        checkShape(question);
        await checkKeyAgainstEngine(question);
        built += 1;
      }),
      { numRuns: 1000 },
    );
    expect(built).toBeGreaterThan(100);
  }, 300_000);
});
