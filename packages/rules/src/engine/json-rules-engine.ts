// Wiring to json-rules-engine: our operator, our derived facts, and each document's rules in the engine's
// own format, so that a plain Engine given these can evaluate rules-data without Anquan.
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { RuleDocument } from '../documents/format.js';
import { baseFactsOf, evaluateExpression } from './expressions.js';
import { fullTestOf } from './rule-tests.js';
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
export const registerDerivedFacts = (engine: Engine, document: Pick<RuleDocument, 'derivedFacts' | 'tables'> & Partial<Pick<RuleDocument, 'sharedConditions'>>): void => {
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

/** Registers a document's shared conditions under their names (an `all` root, as setCondition wants). */
export const registerSharedConditions = (engine: Engine, document: Pick<RuleDocument, 'sharedConditions'>): void => {
  for (const [name, shared] of Object.entries(document.sharedConditions)) engine.setCondition(name, { all: [shared.conditions] } as never);
};

/** The document's rules as json-rules-engine rule objects; each fires the hazard event with its id. */
export const toEngineRules = (document: RuleDocument): RuleProperties[] =>
  document.rules.map((rule) => ({
    name: rule.id,
    conditions: fullTestOf(document, rule) as RuleProperties['conditions'],
    event: { type: HAZARD_EVENT, params: { ruleId: rule.id, documentId: document.id, version: document.version } },
  }));

/** A ready engine for one document (or some of its rules): operators, derived facts, rules as named conditions. */
export const buildEngine = (document: RuleDocument, ruleId?: string): Engine => {
  const engine = new Engine([], { allowUndefinedFacts: true });
  registerOperators(engine);
  registerDerivedFacts(engine, document);
  registerSharedConditions(engine, document);
  for (const rule of document.rules) engine.setCondition(rule.id, fullTestOf(document, rule) as never);
  for (const rule of toEngineRules(document)) if (ruleId === undefined || rule.name === ruleId) engine.addRule(rule);
  return engine;
};

const engines = new WeakMap<RuleDocument, Map<string, Engine>>();

/** Engines are built once per document (and once per rule, for evaluating a single item). */
const engineFor = (document: RuleDocument, ruleId?: string): Engine => {
  const byRule = engines.get(document) ?? new Map<string, Engine>();
  engines.set(document, byRule);
  const key = ruleId ?? '*';
  let engine = byRule.get(key);
  if (!engine) {
    engine = buildEngine(document, ruleId);
    byRule.set(key, engine);
  }
  return engine;
};

/** Runs json-rules-engine and returns the ids of the rules that fired (only `ruleIds`, when given). */
export const firedRuleIds = async (document: RuleDocument, facts: Record<string, unknown>, ruleIds?: readonly string[]): Promise<Set<string>> => {
  const runs = ruleIds ? ruleIds.map((ruleId) => engineFor(document, ruleId)) : [engineFor(document)];
  const results = await Promise.all(runs.map((engine) => engine.run({ ...facts })));
  return new Set(results.flatMap(({ events }) => events.map((event) => String(event.params?.ruleId))));
};
