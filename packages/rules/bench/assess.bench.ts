// Benchmark: assessing one mine against every coal rule in force, with assess() (json-rules-engine plus
// the three-valued explanations) and with the same rules in a bare json-rules-engine Engine. Prints figures.
import { performance } from 'node:perf_hooks';
import { Engine } from 'json-rules-engine';
import { assess, loadRuleDocuments, registerDerivedFacts, registerOperators, toEngineRules } from '../dist/index.js';

const sector = 'coal-mine';
const asOf = '2026-09-01';
const document = loadRuleDocuments().documents.find((candidate) => candidate.sector === sector && candidate.effectiveFrom <= asOf && (candidate.effectiveTo === null || asOf <= candidate.effectiveTo));
if (!document) throw new Error('no coal document in force');

// One mine: the union of the rules' hazard examples (later ones win), so most conditions have an answer.
const facts: Record<string, unknown> = Object.assign({}, ...document.rules.map((rule) => rule.exam?.hazardExample ?? {}));

const bare = new Engine([], { allowUndefinedFacts: true });
registerOperators(bare);
registerDerivedFacts(bare, document);
const rules = toEngineRules(document);
for (const rule of rules) bare.setCondition(String(rule.name), rule.conditions);
for (const rule of rules) bare.addRule(rule);

const measure = async (label: string, iterations: number, task: () => Promise<unknown>) => {
  for (let index = 0; index < 20; index += 1) await task();
  const started = performance.now();
  for (let index = 0; index < iterations; index += 1) await task();
  const perRun = (performance.now() - started) / iterations;
  console.log(`${label.padEnd(44)} ${perRun.toFixed(3).padStart(9)} ms/assessment  (${iterations} runs)`);
  return perRun;
};

console.log(`coal-mine ${document.id}@${document.version}: ${document.rules.length} rules, ${Object.keys(facts).length} facts answered`);
const ours = await measure('assess() — json-rules-engine + explanations', 300, () => assess(sector, facts, { asOf }));
const plain = await measure('bare json-rules-engine Engine.run()', 300, () => bare.run({ ...facts }));
console.log(`ratio assess / bare json-rules-engine: ${(ours / plain).toFixed(2)}×`);
