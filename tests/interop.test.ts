// rules-data is json-rules-engine's own format: a plain Engine given our operators, derived facts and named
// conditions fires exactly the hazards the compiled evaluator reports on complete facts (and then nothing is
// left unknown); on partial facts, a verdict Kleene's logic reaches is json-rules-engine's too.
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { HAZARD_EVENT, registerConditions, registerDerivedFacts, registerOperators, toEngineRules } from '../packages/rules/src/index.js';
import { assessDocument, compiledDocumentFor } from '../packages/rules/src/engine/assess.js';
import { outcomeNames } from '../packages/rules/src/engine/compiled.js';
import { loadRulesData } from '../packages/rules/src/documents/load.js';
import { completeFacts } from './support/arbitrary-facts.js';

for (const document of loadRulesData().documents.filter((candidate) => candidate.rules.length > 0)) {
  describe(`${document.sector} ${document.id}@${document.version} interop`, () => {
    const plain = new Engine([], { allowUndefinedFacts: true });
    registerOperators(plain);
    registerDerivedFacts(plain, document);
    registerConditions(plain, document);
    for (const rule of toEngineRules(document)) plain.addRule(rule);
    const firedBy = async (facts: Record<string, unknown>) => {
      const { events } = await plain.run({ ...facts });
      return new Set(events.filter((event) => event.type === HAZARD_EVENT).map((event) => String(event.params?.ruleId)));
    };

    it('a plain json-rules-engine Engine fires the same hazards as the compiled evaluator for complete facts', async () => {
      await fc.assert(
        fc.asyncProperty(completeFacts(document), async (facts) => {
          const findings = await assessDocument(document, facts, undefined, { explain: 'none' });
          expect(findings.filter((finding) => finding.status === 'unknown').map((finding) => finding.ruleId)).toEqual([]);
          expect([...(await firedBy(facts))].sort()).toEqual(findings.filter((finding) => finding.status === 'hazard').map((finding) => finding.ruleId).sort());
        }),
        { numRuns: 25, seed: 1401 },
      );
    });

    it('on partial facts, what Kleene logic decides json-rules-engine decides the same way', async () => {
      const compiled = compiledDocumentFor(document);
      const partial = completeFacts(document).chain((facts) => fc.subarray(Object.keys(facts)).map((keys) => Object.fromEntries(keys.map((key) => [key, facts[key]]))));
      await fc.assert(
        fc.asyncProperty(partial, async (facts) => {
          const scope = compiled.newScope(facts);
          const fired = await firedBy(facts);
          for (const rule of compiled.rules) {
            const outcome = outcomeNames[rule.test.evaluate(scope)];
            if (outcome !== 'unknown') expect(fired.has(rule.rule.id), `${rule.rule.id} with ${JSON.stringify(facts)}`).toBe(outcome === 'true');
          }
        }),
        { numRuns: 25, seed: 1402 },
      );
    });
  });
}
