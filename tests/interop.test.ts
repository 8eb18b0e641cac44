// rules-data is json-rules-engine's own format: a plain Engine given our operators and derived facts
// fires exactly the hazards assess() reports, and with every fact answered nothing is left unknown.
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { HAZARD_EVENT, registerDerivedFacts, registerOperators, registerSharedConditions, toEngineRules } from '../packages/rules/src/index.js';
import { assessDocument } from '../packages/rules/src/engine/assess.js';
import { loadRulesData } from '../packages/rules/src/documents/load.js';
import { completeFacts } from './support/arbitrary-facts.js';

for (const document of loadRulesData().documents.filter((candidate) => candidate.rules.length > 0)) {
  describe(`${document.sector} ${document.id}@${document.version} interop`, () => {
    const plain = new Engine([], { allowUndefinedFacts: true });
    registerOperators(plain);
    registerDerivedFacts(plain, document);
    registerSharedConditions(plain, document);
    const rules = toEngineRules(document);
    for (const rule of rules) plain.setCondition(String(rule.name), rule.conditions);
    for (const rule of rules) plain.addRule(rule);

    it('a plain json-rules-engine Engine fires the same hazards as assess for complete facts', async () => {
      await fc.assert(
        fc.asyncProperty(completeFacts(document), async (facts) => {
          const findings = await assessDocument(document, facts);
          expect(findings.filter((finding) => finding.status === 'unknown').map((finding) => finding.ruleId)).toEqual([]);
          const { events } = await plain.run({ ...facts });
          const fired = events.filter((event) => event.type === HAZARD_EVENT).map((event) => String(event.params?.ruleId)).sort();
          expect(fired).toEqual(findings.filter((finding) => finding.status === 'hazard').map((finding) => finding.ruleId).sort());
        }),
        { numRuns: 25 },
      );
    });
  });
}
