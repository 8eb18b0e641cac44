// The one condition walker: the leaves of a condition tree, the references it makes, the facts it reads
// and the thresholds it compares, with `{ condition }` references resolved as the engine resolves them.
import type { Condition, Expression, RuleDocument, Threshold } from './format.js';

export interface ConditionLeaf {
  fact: string;
  operator: string;
  value: unknown;
  name?: string;
}

export interface ThresholdLeaf extends ConditionLeaf {
  operator: 'threshold';
  value: Threshold;
}

type WalkContext = Pick<RuleDocument, 'sharedConditions'>;
type ExpressionContext = Pick<RuleDocument, 'derivedFacts'> & Partial<Pick<RuleDocument, 'sharedConditions'>>;

/** Every `{ condition }` name the tree refers to, in order, without resolving them. */
export const referencesOf = (condition: Condition | undefined): string[] => {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(referencesOf);
  if ('any' in condition) return condition.any.flatMap(referencesOf);
  if ('not' in condition) return referencesOf(condition.not);
  if ('condition' in condition) return [condition.condition];
  return [];
};

/**
 * The fact leaves of a condition. Shared conditions of the document are inlined (they are part of the
 * clause that cites them); references to other rules are not (those rules have their own leaves).
 */
export const leavesOf = (condition: Condition | undefined, document?: WalkContext, seen: ReadonlySet<string> = new Set()): ConditionLeaf[] => {
  if (!condition) return [];
  const recur = (inner: Condition) => leavesOf(inner, document, seen);
  if ('all' in condition) return condition.all.flatMap(recur);
  if ('any' in condition) return condition.any.flatMap(recur);
  if ('not' in condition) return recur(condition.not);
  if ('condition' in condition) {
    const shared = document?.sharedConditions[condition.condition];
    if (!shared || seen.has(condition.condition)) return [];
    return leavesOf(shared.conditions, document, new Set([...seen, condition.condition]));
  }
  return [condition];
};

/** The leaves that compare a quantity with a limit. */
export const thresholdLeavesOf = (condition: Condition | undefined, document?: WalkContext): ThresholdLeaf[] =>
  leavesOf(condition, document).filter((leaf): leaf is ThresholdLeaf => leaf.operator === 'threshold');

/** The observed facts an expression reads, derived facts resolved to what they are computed from. */
export const observedFactsOfExpression = (expression: Expression, document: ExpressionContext, seen: ReadonlySet<string> = new Set()): string[] => {
  if (typeof expression === 'string' || typeof expression === 'number') return [];
  const recur = (inner: Expression) => observedFactsOfExpression(inner, document, seen);
  if ('fact' in expression) {
    const derived = document.derivedFacts[expression.fact];
    if (!derived) return [expression.fact];
    return seen.has(expression.fact) ? [] : observedFactsOfExpression(derived.expression, document, new Set([...seen, expression.fact]));
  }
  if ('sum' in expression) return expression.sum.flatMap(recur);
  if ('product' in expression) return expression.product.flatMap(recur);
  if ('difference' in expression) return expression.difference.flatMap(recur);
  if ('ratio' in expression) return expression.ratio.flatMap(recur);
  if ('daysAfter' in expression) return expression.daysAfter.map((operand) => operand.fact);
  if ('lookup' in expression) return recur(expression.key);
  if ('countHolding' in expression) {
    const shared = { sharedConditions: document.sharedConditions ?? {} };
    return expression.countHolding.flatMap((name) =>
      leavesOf({ condition: name }, shared).flatMap((leaf) => (seen.has(leaf.fact) ? [] : observedFactsOfExpression({ fact: leaf.fact }, document, seen))),
    );
  }
  return [...expression.countTrue];
};

/** The observed facts behind one fact name (itself when observed, its inputs when derived). */
export const observedFactsOf = (document: ExpressionContext, fact: string): string[] => [...new Set(observedFactsOfExpression({ fact }, document))];

/**
 * The observed facts a condition reads, in first-read order: its leaves, shared conditions inlined and,
 * through `resolveRule`, the conditions of the rules it refers to.
 */
export const factsReadBy = (
  condition: Condition | undefined,
  document: WalkContext & ExpressionContext,
  resolveRule: (id: string) => Condition | undefined = () => undefined,
  seen: Set<string> = new Set(),
): string[] => {
  const facts = new Set(leavesOf(condition, document).flatMap((leaf) => observedFactsOf(document, leaf.fact)));
  const references = new Set<string>();
  const collect = (inner: Condition | undefined) => {
    for (const name of referencesOf(inner)) {
      if (references.has(name)) continue;
      references.add(name);
      const shared = document.sharedConditions[name];
      if (shared) collect(shared.conditions);
    }
  };
  collect(condition);
  for (const name of references) {
    if (name in document.sharedConditions || seen.has(name)) continue;
    seen.add(name);
    for (const fact of factsReadBy(resolveRule(name), document, resolveRule, seen)) facts.add(fact);
  }
  return [...facts];
};
