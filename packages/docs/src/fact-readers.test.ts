// The readers of each fact agree with what the rules loader derived for each rule (its `facts`, checked at load).
import { loadRuleDocuments } from '@anquan/rules';
import { describe, expect, it } from 'vitest';
import { factsReadByRule, readersOfFacts } from './fact-readers.js';

const { documents } = loadRuleDocuments();

describe('readersOfFacts', () => {
  it('gives every rule exactly the facts the loader says it reads', () => {
    const disagreements: string[] = [];
    for (const document of documents) {
      for (const rule of document.rules) {
        const walked = [...factsReadByRule(document, rule)].sort();
        const loaded = [...new Set(rule.facts)].sort();
        if (walked.join() !== loaded.join()) disagreements.push(`${document.file} ${rule.id}: ${walked.join()} ≠ ${loaded.join()}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('lists a rule under a fact exactly when the rule reads the fact', () => {
    const readers = readersOfFacts(documents);
    let pairs = 0;
    for (const document of documents) {
      for (const rule of document.rules) {
        for (const fact of rule.facts) {
          pairs += 1;
          expect(readers.get(fact)?.some((reader) => reader.rule === rule)).toBe(true);
        }
      }
    }
    const listed = [...readers.values()].reduce((total, list) => total + list.length, 0);
    expect(listed).toBe(pairs);
    expect(pairs).toBeGreaterThan(100);
  });
});
