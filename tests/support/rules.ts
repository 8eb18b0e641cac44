// Walking rules-data for the tests: every threshold leaf, every table edge, the facts a condition reads.
import type { Condition, Rule, RuleDocument, Threshold } from '../../packages/rules/src/documents/format.js';
import { baseFactsOf, tablesOf } from '../../packages/rules/src/engine/expressions.js';
import { applicabilityOf } from '../../packages/rules/src/engine/rule-tests.js';

export interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
}

export const leavesOfCondition = (condition: Condition | undefined): Leaf[] => {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(leavesOfCondition);
  if ('any' in condition) return condition.any.flatMap(leavesOfCondition);
  if ('not' in condition) return leavesOfCondition(condition.not);
  if ('condition' in condition) return [];
  return [condition];
};

export const referencesOf = (condition: Condition | undefined): string[] => {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(referencesOf);
  if ('any' in condition) return condition.any.flatMap(referencesOf);
  if ('not' in condition) return referencesOf(condition.not);
  if ('condition' in condition) return [condition.condition];
  return [];
};

/** The rule's own leaves: applicability (category's and its own) and trigger. */
export const ruleLeaves = (document: RuleDocument, rule: Rule): Leaf[] => [
  ...leavesOfCondition(applicabilityOf(document, rule)),
  ...leavesOfCondition(rule.conditions),
];

export const thresholdLeaves = (document: RuleDocument, rule: Rule): (Leaf & { value: Threshold })[] =>
  ruleLeaves(document, rule).filter((leaf): leaf is Leaf & { value: Threshold } => leaf.operator === 'threshold');

/** Observed facts a leaf reads (derived facts resolved). */
export const observedFactsOf = (document: RuleDocument, fact: string): string[] => [...new Set(baseFactsOf({ fact }, document))];

/** Observed facts the rule reads, through its references too. */
export const factsReadBy = (document: RuleDocument, rule: Rule, seen = new Set<string>()): Set<string> => {
  seen.add(rule.id);
  const facts = new Set(ruleLeaves(document, rule).flatMap((leaf) => observedFactsOf(document, leaf.fact)));
  for (const reference of [...referencesOf(rule.conditions), ...referencesOf(rule.appliesWhen)]) {
    const target = document.rules.find((candidate) => candidate.id === reference);
    if (target && !seen.has(reference)) for (const fact of factsReadBy(document, target, seen)) facts.add(fact);
  }
  return facts;
};

export const tablesReadBy = (document: RuleDocument, rule: Rule) =>
  ruleLeaves(document, rule).flatMap((leaf) => (leaf.operator === 'threshold' ? tablesOf({ fact: leaf.fact }, document) : []));

/** How a derived fact is computed at the top: decides whether a boundary case's `at` is the leaf's limit. */
export const expressionKind = (document: RuleDocument, fact: string): 'observed' | 'ratio' | 'countTrue' | 'other' => {
  const derived = document.derivedFacts[fact];
  if (!derived) return 'observed';
  const expression = derived.expression;
  if (typeof expression === 'object' && 'ratio' in expression) return 'ratio';
  if (typeof expression === 'object' && 'countTrue' in expression) return 'countTrue';
  if (typeof expression === 'object' && 'fact' in expression) return expressionKind(document, expression.fact);
  return 'other';
};
