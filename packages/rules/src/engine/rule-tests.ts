// A rule's full test as json-rules-engine sees it: where it applies (category, then rule) and what fires it.
import type { Condition, Rule, RuleDocument } from '../documents/format.js';

/** Where the rule applies: its category's scope and its own, or undefined when it applies everywhere. */
export const applicabilityOf = (document: Pick<RuleDocument, 'categories'>, rule: Pick<Rule, 'category' | 'appliesWhen' | 'conditions'>): Condition | undefined => {
  const scopes = [document.categories.find((category) => category.id === rule.category)?.appliesWhen, rule.appliesWhen].filter(
    (condition): condition is Condition => condition !== undefined,
  );
  if (scopes.length === 0) return undefined;
  return scopes.length === 1 ? scopes[0] : { all: scopes };
};

/** Applicability and trigger together: a hazard needs both. Always an `all`, as json-rules-engine wants at the top. */
export const fullTestOf = (document: Pick<RuleDocument, 'categories'>, rule: Pick<Rule, 'category' | 'appliesWhen' | 'conditions'>): Condition => {
  const applicability = applicabilityOf(document, rule);
  return { all: applicability ? [applicability, rule.conditions] : [rule.conditions] };
};
