// Wiring to json-rules-engine: our operator, our derived facts, and each document's rules in the engine's
// own format, so that a plain Engine given these can evaluate rules-data without Anquan. Types only:
// the library itself loads json-rules-engine only when asked to cross-check (reference-engine.ts).
import type { Engine, RuleProperties } from 'json-rules-engine';
import type { RuleDocument } from '../documents/format.js';
import { baseFactsOf, evaluateExpression } from './expressions.js';
import { fullTestOf } from './rule-tests.js';
import { sharedConditionsOf } from './compiled.js';
import { thresholdOperator } from './threshold.js';
// Loaded for its effect: derived counts of shared conditions (countHolding) evaluate them three-valued.
import './three-valued.js';

export const HAZARD_EVENT = 'major-accident-hazard';

/** Registers Anquan's operators on any json-rules-engine Engine. */
export const registerOperators = (engine: Engine): void => {
  engine.addOperator('threshold', thresholdOperator);
};

/**
 * Registers a document's derived facts as dynamic facts. A value is a rational `{ n, d }`, null when the
 * quantity does not exist (no table band applies, a ratio over zero), undefined when facts are missing —
 * except a count with unanswered items, which is the interval `{ low, high }` it must lie in, so that
 * the threshold operator can decide it when both ends agree, as the three-valued pass does.
 */
export const registerDerivedFacts = (engine: Engine, document: Pick<RuleDocument, 'derivedFacts' | 'tables'>): void => {
  for (const [id, derived] of Object.entries(document.derivedFacts)) {
    engine.addFact(id, async (_params, almanac) => {
      const names = [...new Set(baseFactsOf(derived.expression, document))];
      const values = await Promise.all(names.map((name) => almanac.factValue(name).catch(() => undefined)));
      const facts = Object.fromEntries(names.map((name, index) => [name, values[index]]));
      const evaluated = evaluateExpression(derived.expression, facts, document);
      if (evaluated.kind === 'value') return evaluated.value;
      if (evaluated.kind === 'none') return null;
      return evaluated.bounds ? { low: evaluated.bounds[0], high: evaluated.bounds[1] } : undefined;
    });
  }
};

/** The document's rules as json-rules-engine rule objects; each fires the hazard event with its id. */
export const toEngineRules = (document: RuleDocument): RuleProperties[] =>
  document.rules.map((rule) => ({
    name: rule.id,
    conditions: fullTestOf(document, rule) as RuleProperties['conditions'],
    event: { type: HAZARD_EVENT, params: { ruleId: rule.id, documentId: document.id, version: document.version } },
  }));

/**
 * Registers what a `{ "condition": name }` reference can name: each rule's full test, then the document's
 * shared conditions, which win when a name is both (as the compiled evaluator resolves them).
 */
export const registerConditions = (engine: Engine, document: RuleDocument): void => {
  for (const rule of document.rules) engine.setCondition(rule.id, fullTestOf(document, rule) as never);
  for (const [name, shared] of Object.entries(sharedConditionsOf(document))) {
    // json-rules-engine wants a group at the top of a named condition.
    engine.setCondition(name, ('fact' in shared.conditions ? { all: [shared.conditions] } : shared.conditions) as never);
  }
};

