// json-rules-engine run as the reference: a plain Engine per document, for cross-checks and tests.
import { Engine } from 'json-rules-engine';
import type { RuleDocument } from '../documents/format.js';
import { HAZARD_EVENT, registerConditions, registerDerivedFacts, registerOperators, toEngineRules } from './json-rules-engine.js';

/** A ready engine for one document (or some of its rules): operators, derived facts, rules as named conditions. */
export const buildEngine = (document: RuleDocument, ruleId?: string): Engine => {
  const engine = new Engine([], { allowUndefinedFacts: true });
  registerOperators(engine);
  registerDerivedFacts(engine, document);
  registerConditions(engine, document);
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
  return new Set(results.flatMap(({ events }) => events.filter((event) => event.type === HAZARD_EVENT).map((event) => String(event.params?.ruleId))));
};
