// Findings built lazily render exactly what an eager rendering gives: for seeded random facts of every
// document (complete, half missing, the hazard examples together), the JSON of the default findings equals
// a reference built field by field, its reasons taken from the tree-walking evaluator of three-valued.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeFacts } from '../../../../tests/support/arbitrary-facts.js';
import type { Condition, Rule } from '../documents/format.js';
import { loadRulesData, type LoadedDocument } from '../documents/load.js';
import { factsValidatorOfSector } from '../facts/definitions.js';
import { describeFact, vocabularyFor } from '../facts/vocabulary.js';
import { assess, compiledDocumentFor, findingsOf } from './assess.js';
import { sharedConditionsOf } from './compiled.js';
import { explanationOf } from './finding.js';
import { evaluateCondition, leavesOf, missingFactsOf, type EvaluationContext } from './three-valued.js';

const documents = loadRulesData().documents.filter((document) => document.kind === 'major-hazard-criteria' && document.rules.length > 0);
const seed = 1402;

/** A rule's whole test as json-rules-engine sees it: category scope, its own scope, its conditions. */
const testOf = (document: LoadedDocument, rule: Rule): Condition => {
  const category = document.categories.find((candidate) => candidate.id === rule.category);
  const parts = [category?.appliesWhen, rule.appliesWhen].filter((part): part is Condition => part !== undefined);
  return parts.length === 0 ? rule.conditions : { all: [...parts, rule.conditions] };
};

/** The findings of one document rendered eagerly, without the compiled reasons or lazy fields. */
const reference = (document: LoadedDocument, facts: Record<string, unknown>) => {
  const vocabulary = vocabularyFor(document.sector)!;
  const shared = sharedConditionsOf(document);
  const rules = new Map(document.rules.map((rule) => [rule.id, rule]));
  const context: EvaluationContext = {
    document,
    facts,
    describe: (fact) => describeFact(vocabulary, document, fact),
    resolve: (name) => (Object.hasOwn(shared, name) ? shared[name]!.conditions : testOf(document, rules.get(name)!)),
  };
  const compiled = compiledDocumentFor(document);
  const scope = compiled.newScope(facts);
  return compiled.rules.map(({ rule }, index) => {
    const compiledRule = compiled.rules[index]!;
    const outcome = compiled.outcomeOf(compiledRule, scope);
    const status = (['clear', 'hazard', 'unknown'] as const)[outcome];
    const applicability = compiledRule.applicability?.evaluate(scope) ?? 1;
    const applicable = applicability === 2 ? null : applicability === 1;
    const trace = evaluateCondition(testOf(document, rule), context);
    const missingFacts = status === 'unknown' ? missingFactsOf(trace) : [];
    const category = document.categories.find((candidate) => candidate.id === rule.category);
    return {
      ruleId: rule.id,
      status,
      applicable,
      verified: rule.verified,
      title: rule.title,
      category: { id: rule.category, title: category?.title ?? { zh: rule.category, en: rule.category } },
      citation: {
        documentId: document.id,
        version: document.version,
        number: document.number,
        article: rule.citation.article,
        item: rule.citation.item,
        subItem: rule.citation.subItem ?? null,
        label: rule.citation.label,
      },
      partOf: rule.partOf ?? null,
      missingFacts,
      reasons: leavesOf(trace),
      explanation: explanationOf(status, applicable, missingFacts),
      readings: rule.readings,
    };
  });
};

/** Complete facts, half of them, and every hazard example of the document together. */
const profiles = (document: LoadedDocument) =>
  fc.tuple(completeFacts(document), fc.integer({ min: 0, max: 2 ** 31 - 1 })).map(([complete, mask]) => {
    const keys = Object.keys(complete);
    const half = Object.fromEntries(keys.filter((_, index) => ((mask >>> index % 31) + index) % 2 === 0).map((key) => [key, complete[key]]));
    const heavy = Object.assign({}, ...document.rules.map((rule) => rule.exam?.hazardExample ?? {})) as Record<string, unknown>;
    return { complete, half, heavy };
  });

describe('lazily built findings', () => {
  for (const document of documents) {
    it(`${document.id}@${document.version}: the default findings' JSON equals an eager reference rendering`, () => {
      const validate = factsValidatorOfSector(document.sector);
      fc.assert(
        fc.property(profiles(document), (sets) => {
          for (const facts of Object.values(sets)) {
            const valid = validate(facts);
            const findings = findingsOf(document, valid, undefined, 'all');
            const expected = JSON.stringify(reference(document, valid));
            expect(JSON.stringify(findings)).toBe(expected);
            // Spread and structured clone (what worker threads send) see the same fields.
            expect(JSON.stringify(findings.map((finding) => ({ ...finding })))).toBe(expected);
            expect(JSON.stringify(structuredClone(findings))).toBe(expected);
          }
        }),
        { seed, numRuns: 3 },
      );
    });
  }

  it('an assessment, findings built when read, has the JSON of one assembled from eager findings', async () => {
    const sectors = [...new Set(documents.map((document) => document.sector))];
    for (const sector of sectors) {
      const inForce = documents.filter((document) => document.sector === sector);
      const asOf = inForce.map((document) => document.effectiveFrom).sort().at(-1)!;
      const current = inForce.filter((document) => document.effectiveFrom <= asOf && (document.effectiveTo === null || asOf <= document.effectiveTo));
      const facts = Object.assign({}, ...current.map((document) => fc.sample(completeFacts(document), { seed, numRuns: 1 })[0]!)) as Record<string, unknown>;
      const half = Object.fromEntries(Object.entries(facts).filter((_, index) => index % 2 === 0));
      for (const given of [facts, half]) {
        const assessment = await assess(sector, given, { asOf });
        const valid = factsValidatorOfSector(sector)(given);
        const findings = current.flatMap((document) => reference(document, valid));
        const summary = { hazard: 0, clear: 0, unknown: 0, notApplicable: 0, unverified: 0, hazardVerified: 0, hazardUnverified: 0 };
        for (const finding of findings.filter((candidate) => candidate.partOf === null)) {
          summary[finding.status] += 1;
          if (finding.applicable === false) summary.notApplicable += 1;
          if (!finding.verified) summary.unverified += 1;
          if (finding.status === 'hazard') summary[finding.verified ? 'hazardVerified' : 'hazardUnverified'] += 1;
        }
        const { documents: described, notices } = assessment;
        expect(JSON.stringify(assessment), `${sector} as of ${asOf}`).toBe(JSON.stringify({ sector, asOf, documents: described, notices, findings, summary }));
      }
    }
  });

  it('a change to the caller’s facts after assess does not alter what is rendered later', async () => {
    const document = documents.find((candidate) => candidate.sector === 'coal-mine')!;
    const facts = fc.sample(completeFacts(document), { seed, numRuns: 1 })[0]!;
    const asOf = document.effectiveFrom;
    const before = JSON.stringify(await assess('coal-mine', facts, { asOf }));
    const lazy = await assess('coal-mine', facts, { asOf });
    for (const key of Object.keys(facts)) delete facts[key];
    expect(JSON.stringify(lazy)).toBe(before);
  });

  it('fields assigned by the caller are kept, and the explanation still speaks of what was missing', async () => {
    const asked = async () => (await assess('coal-mine', { mineType: 'underground' }, { asOf: '2026-09-01' })).findings.find((candidate) => candidate.status === 'unknown')!;
    const untouched = await asked();
    const finding = await asked();
    finding.missingFacts = ['x'];
    finding.reasons = [];
    expect(finding.missingFacts).toEqual(['x']);
    expect(finding.reasons).toEqual([]);
    expect(JSON.parse(JSON.stringify(finding)).missingFacts).toEqual(['x']);
    expect(untouched.missingFacts).not.toEqual(['x']);
    expect(finding.explanation).toEqual(untouched.explanation);
  });
});
