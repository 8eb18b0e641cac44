// Walking rules-data for the tests, through the package's one condition walker: every threshold leaf
// (shared conditions inlined), every table edge, the facts a rule reads.
import { factsReadBy as conditionFactsReadBy, leavesOf, observedFactsOf as observedOf, referencesOf, type ConditionLeaf } from '../../packages/rules/src/documents/conditions.js';
import type { Rule, RuleDocument, Threshold } from '../../packages/rules/src/documents/format.js';
import { tablesOf } from '../../packages/rules/src/engine/expressions.js';
import { applicabilityOf, fullTestOf } from '../../packages/rules/src/engine/rule-tests.js';

export { referencesOf };
export type Leaf = ConditionLeaf;

/** The rule's own leaves: applicability (category's and its own) and trigger, shared conditions inlined. */
export const ruleLeaves = (document: RuleDocument, rule: Rule): Leaf[] => [
  ...leavesOf(applicabilityOf(document, rule), document),
  ...leavesOf(rule.conditions, document),
];

export const thresholdLeaves = (document: RuleDocument, rule: Rule): (Leaf & { value: Threshold })[] =>
  ruleLeaves(document, rule).filter((leaf): leaf is Leaf & { value: Threshold } => leaf.operator === 'threshold');

/** Observed facts a leaf reads (derived facts resolved). */
export const observedFactsOf = (document: RuleDocument, fact: string): string[] => observedOf(document, fact);

/** Observed facts the rule reads, through its references too. */
export const factsReadBy = (document: RuleDocument, rule: Rule): Set<string> =>
  new Set(
    conditionFactsReadBy(fullTestOf(document, rule), document, (id) => {
      const target = document.rules.find((candidate) => candidate.id === id);
      return target ? fullTestOf(document, target) : undefined;
    }, new Set([rule.id])),
  );

export const tablesReadBy = (document: RuleDocument, rule: Rule) =>
  ruleLeaves(document, rule).flatMap((leaf) => (leaf.operator === 'threshold' ? tablesOf({ fact: leaf.fact }, document) : []));

/** How a derived fact is computed at the top: decides whether a boundary case's `at` is the leaf's limit. */
export const expressionKind = (document: RuleDocument, fact: string): 'observed' | 'ratio' | 'countTrue' | 'countHolding' | 'other' => {
  const derived = document.derivedFacts[fact];
  if (!derived) return 'observed';
  const expression = derived.expression;
  if (typeof expression === 'object' && 'ratio' in expression) return 'ratio';
  if (typeof expression === 'object' && 'countTrue' in expression) return 'countTrue';
  if (typeof expression === 'object' && 'countHolding' in expression) return 'countHolding';
  if (typeof expression === 'object' && 'fact' in expression) return expressionKind(document, expression.fact);
  return 'other';
};
