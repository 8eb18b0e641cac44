// Properties of the three-valued logic over every rule: forgetting an answer never turns a hazard into
// "clear" (nor a clear case into a hazard); it leaves "unknown" unless what remains still decides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesData } from '../packages/rules/src/documents/load.js';
import { evaluateRule } from './support/evaluate.js';

const subsetOf = (facts: Record<string, unknown>) => fc.subarray(Object.keys(facts)).map((kept) => Object.fromEntries(kept.map((key) => [key, facts[key]])));

for (const document of loadRulesData().documents.filter((candidate) => candidate.rules.length > 0)) {
  describe(`${document.sector} ${document.id}@${document.version} three-valued`, () => {
    const rules = document.rules.filter((rule) => rule.exam);

    it('dropping answers from a hazard never yields clear; a hazard that survives needs nothing more', async () => {
      for (const rule of rules) {
        await fc.assert(
          fc.asyncProperty(subsetOf(rule.exam!.hazardExample), async (facts) => {
            const finding = await evaluateRule(document, rule.id, facts);
            expect(finding.status, `${rule.id} with ${JSON.stringify(facts)}`).not.toBe('clear');
            if (finding.status === 'hazard') expect(finding.missingFacts).toEqual([]);
            else expect(finding.missingFacts.length, `${rule.id}: an unknown names what is missing`).toBeGreaterThan(0);
          }),
          { numRuns: 8 },
        );
      }
    });

    it('dropping answers from a clear case never yields a hazard', async () => {
      for (const rule of rules) {
        await fc.assert(
          fc.asyncProperty(subsetOf(rule.exam!.clearExample), async (facts) => {
            const finding = await evaluateRule(document, rule.id, facts);
            expect(finding.status, `${rule.id} with ${JSON.stringify(facts)}`).not.toBe('hazard');
          }),
          { numRuns: 8 },
        );
      }
    });

    it('with no answers at all every rule is unknown and says what to find out', async () => {
      for (const rule of document.rules) {
        const finding = await evaluateRule(document, rule.id, {});
        expect(finding.status, rule.id).toBe('unknown');
        expect(finding.missingFacts.length, rule.id).toBeGreaterThan(0);
        for (const fact of finding.missingFacts) expect(rule.facts, `${rule.id} asks only for facts it reads`).toContain(fact);
      }
    });
  });
}
