// Over every blueprint's pool as the server builds it (thousands of generated questions, sampled with a
// printed seed): each key is the engine's verdict on the facts the question states, every fact that
// verdict depends on is named in the text, and a blind strategy (always the commonest key of each type)
// scores no better than chance + 5 points. The audit thresholds of issue 10 hold on every blueprint.
import fc from 'fast-check';
import { assessRules, fieldMeta, loadRuleDocuments, todayInChina, vocabularyFor, type LoadedDocument } from '@anquan/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { createQuestionCatalogue } from '../questions/catalogue.js';
import { factSentence } from '../questions/fact-sentences.js';
import { templateVariables } from '../questions/generate.js';
import type { Question } from '../questions/question.js';
import type { Repository } from '../store/repository.js';
import { auditBlueprint, blindStrategy, maxOptionChars } from './audit.js';
import { baseBlueprints, type Blueprint } from './blueprints.js';
import { fitBlueprint } from './fit.js';

const seed = Number(process.env.ANQUAN_SEED ?? 20261202);
const paperSeeds = Array.from({ length: 8 }, (_, index) => `quality-${index}`);
const catalogue = createQuestionCatalogue({ importedQuestions: async () => [], importedQuestion: async () => undefined } as unknown as Repository, todayInChina);
const documents = loadRuleDocuments().documents;

const fitted: { blueprint: Blueprint; pool: Question[] }[] = [];
const generated = new Map<string, Question>();

beforeAll(async () => {
  for (const base of baseBlueprints()) {
    const pool = await catalogue.forSources(base.sources);
    fitted.push({ blueprint: fitBlueprint(base, pool), pool });
    for (const question of pool) if (question.evidence) generated.set(question.id, question);
  }
}, 600_000);

/** How a fact's value shows in text: its number, its option label, or its yes/no sentence (or 是/否). */
const shownAs = (document: LoadedDocument, fact: string, value: unknown): string[] => {
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'boolean') return [factSentence(document.sector, fact, value) ?? (value ? '是' : '否')];
  const labels = fieldMeta(vocabularyFor(document.sector)?.shape[fact] as never).optionLabels ?? {};
  if (Array.isArray(value)) return value.map((item) => labels[String(item)] ?? String(item));
  return [labels[String(value)] ?? String(value)];
};

describe(`generated questions in the pools (seed ${seed})`, () => {
  it('the key is the engine verdict, and every fact it depends on is named in the text', async () => {
    const questions = [...generated.values()];
    expect(questions.length).toBeGreaterThan(2000);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...questions), async (question) => {
        for (const evidence of question.evidence ?? []) {
          const document = documents.find((candidate) => candidate.id === evidence.documentId && candidate.version === evidence.version)!;
          const rule = document.rules.find((candidate) => candidate.id === evidence.ruleId)!;
          const [finding] = await assessRules(document, evidence.facts, [rule.id]);
          expect(finding!.status, `${question.id} ${evidence.optionKey}`).toBe(evidence.status);
          if (question.type === 'judgement') expect(question.answer).toEqual([finding!.status === (evidence.claim ?? 'hazard') ? 'T' : 'F']);
          else expect(question.answer.includes(evidence.optionKey), `${question.id} ${evidence.optionKey}`).toBe(finding!.status === 'hazard');
          // The facts this verdict was decided on (the reasons' leaves that are not unknown) …
          const decisive = new Set(finding!.reasons.filter((reason) => reason.outcome !== 'unknown').map((reason) => reason.fact).filter((fact): fact is string => typeof fact === 'string'));
          const printed = new Set(templateVariables(rule.exam!.situation.zh));
          const mentioned = new Set([...rule.exam!.situation.zh.matchAll(/{{[#^/]?(?:if|unless)?\s*(\w+)\s*}}/g)].map((match) => match[1]!));
          const text = question.type === 'judgement' ? question.stem : question.options.find((option) => option.key === evidence.optionKey)!.text;
          for (const fact of decisive) {
            if (!(fact in evidence.facts)) continue;
            // … are in the situation: printed with their value, or written into its wording by an {{#if}}.
            // A fact the template never mentions must keep a value the template was written for (that of
            // its hazard or its clear example): the wording implies it.
            if (printed.has(fact)) for (const shown of shownAs(document, fact, evidence.facts[fact])) expect(text, `${question.id}: ${fact}`).toContain(shown);
            else if (!mentioned.has(fact)) {
              const implied = [rule.exam!.hazardExample[fact], rule.exam!.clearExample[fact]].some((value) => JSON.stringify(value) === JSON.stringify(evidence.facts[fact]));
              expect(implied, `${question.id}: ${fact} is not in the text and differs from the template's examples`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 3000, seed },
    );
  }, 600_000);
});

describe('every blueprint', () => {
  it('a blind strategy (the commonest key of each type) scores no better than chance + 5 points', () => {
    expect(fitted).toHaveLength(62);
    for (const { blueprint, pool } of fitted) {
      const { blind, chance } = blindStrategy(blueprint, pool, paperSeeds);
      expect(blind, `${blueprint.candidate.label}: blind ${blind.toFixed(1)} vs chance ${chance.toFixed(1)}`).toBeLessThanOrEqual(chance + 5);
    }
  });

  it('meets the audit thresholds: key positions, key sets, 正确 share, near-duplicates, sentences, option length', () => {
    for (const { blueprint, pool } of fitted) {
      const row = auditBlueprint(blueprint, pool, paperSeeds);
      const label = blueprint.candidate.label;
      expect(row.shares.singleTopPosition ?? 0, `${label}: single-choice key position`).toBeLessThanOrEqual(0.35);
      expect(row.shares.multipleTopSet ?? 0, `${label}: multiple-choice key set`).toBeLessThanOrEqual(0.25);
      expect(row.shares.judgementTrue ?? 0.5, `${label}: 正确 share`).toBeGreaterThanOrEqual(0.4);
      expect(row.shares.judgementTrue ?? 0.5, `${label}: 正确 share`).toBeLessThanOrEqual(0.6);
      expect(row.worstNearDuplicates, `${label}: near-duplicates in a paper`).toBeLessThanOrEqual(0.05);
      expect(row.longestOption, `${label}: longest option`).toBeLessThanOrEqual(maxOptionChars);
      expect(row.sentenceProblems, label).toEqual([]);
    }
  });

  it('assembles at its (fitted) structure, and says so when it is shortened', () => {
    for (const { blueprint, pool } of fitted) {
      const counts = blueprint.sections.map((section) => section.count);
      expect(counts.every((count) => count > 0), blueprint.id).toBe(true);
      if (blueprint.shortened) {
        expect(blueprint.shortened.note, blueprint.id).toMatch(/缩短/);
        expect(blueprint.totalPoints).toBeLessThan(blueprint.shortened.official.totalPoints);
        // The same share of the points passes as in the official paper.
        expect(blueprint.passMark / blueprint.totalPoints).toBeGreaterThanOrEqual(blueprint.shortened.official.passMark / blueprint.shortened.official.totalPoints);
      }
      expect(pool.length).toBeGreaterThan(0);
    }
  });
});
