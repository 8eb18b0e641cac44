// Load-time checks of rules-data beyond each file's format: unique ids, references that resolve, facts the
// sector declares, versions that do not overlap. Each problem names its file and the JSON path inside it.
import type { Condition, Expression, RuleDocument } from './format.js';
import { fieldMeta, vocabularyFor } from '../facts/vocabulary.js';

interface Located {
  readonly file: string;
}
type Document = RuleDocument & Located;

const sharedConditionsOf = (document: RuleDocument): Record<string, { conditions: Condition }> =>
  ((document as unknown as { sharedConditions?: Record<string, { conditions: Condition }> }).sharedConditions ?? {});

/** Every condition tree of a document with the JSON path where it sits. */
const conditionTrees = (document: RuleDocument): [Condition, string][] => [
  ...document.categories.flatMap((category, index): [Condition, string][] => (category.appliesWhen ? [[category.appliesWhen, `$.categories[${index}].appliesWhen`]] : [])),
  ...Object.entries(sharedConditionsOf(document)).map(([name, shared]): [Condition, string] => [shared.conditions, `$.sharedConditions[${JSON.stringify(name)}].conditions`]),
  ...document.rules.flatMap((rule, index): [Condition, string][] => [
    ...(rule.appliesWhen ? [[rule.appliesWhen, `$.rules[${index}].appliesWhen`] as [Condition, string]] : []),
    [rule.conditions, `$.rules[${index}].conditions`],
  ]),
];

const walkCondition = (condition: Condition, path: string, visit: (node: Condition, path: string) => void): void => {
  visit(condition, path);
  if ('all' in condition) condition.all.forEach((child, index) => walkCondition(child, `${path}.all[${index}]`, visit));
  else if ('any' in condition) condition.any.forEach((child, index) => walkCondition(child, `${path}.any[${index}]`, visit));
  else if ('not' in condition) walkCondition(condition.not, `${path}.not`, visit);
};

const walkExpression = (expression: Expression, path: string, visit: (node: Exclude<Expression, string | number>, path: string) => void): void => {
  if (typeof expression === 'string' || typeof expression === 'number') return;
  visit(expression, path);
  const parts: [string, Expression[]] | undefined =
    'sum' in expression ? ['sum', expression.sum] : 'product' in expression ? ['product', expression.product] : 'difference' in expression ? ['difference', expression.difference] : 'ratio' in expression ? ['ratio', expression.ratio] : 'daysAfter' in expression ? ['daysAfter', expression.daysAfter] : undefined;
  if (parts) parts[1].forEach((part, index) => walkExpression(part, `${path}.${parts[0]}[${index}]`, visit));
  if ('lookup' in expression) walkExpression(expression.key, `${path}.key`, visit);
};

/** Names that reach themselves through `next` (condition references, derived facts), as readable chains. */
const cycles = (names: readonly string[], next: (name: string) => string[]): string[][] => {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (name: string, chain: string[]): void => {
    if (chain.includes(name)) {
      found.push([...chain.slice(chain.indexOf(name)), name]);
      return;
    }
    if (done.has(name)) return;
    for (const target of next(name)) visit(target, [...chain, name]);
    done.add(name);
  };
  for (const name of names) visit(name, []);
  return found;
};

const documentProblems = (document: Document, sectorIds: ReadonlySet<string>): string[] => {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`${document.file} ${path}: ${message}`);
  if (!sectorIds.has(document.sector)) at('$.sector', `sector ${document.sector} is not listed in sectors.json`);
  const ruleIds = new Map<string, number>();
  document.rules.forEach((rule, index) => {
    if (ruleIds.has(rule.id)) at(`$.rules[${index}].id`, `duplicate rule id ${rule.id} (also $.rules[${ruleIds.get(rule.id)}])`);
    else ruleIds.set(rule.id, index);
  });
  if (document.rules.length === 0) return problems;
  const vocabulary = vocabularyFor(document.sector);
  if (!vocabulary) {
    at('$.sector', `sector ${document.sector} has rules but no fact vocabulary`);
    return problems;
  }
  const observed = (fact: string) => Object.hasOwn(vocabulary.shape, fact);
  const shared = sharedConditionsOf(document);
  const categories = new Set(document.categories.map((category) => category.id));

  // Derived facts: what they read exists, tables exist, none is defined through itself.
  for (const [name, derived] of Object.entries(document.derivedFacts)) {
    const base = `$.derivedFacts[${JSON.stringify(name)}]`;
    if (observed(name)) at(base, `derived fact ${name} has the name of an observed fact`);
    walkExpression(derived.expression, `${base}.expression`, (node, path) => {
      if ('fact' in node && !observed(node.fact) && !Object.hasOwn(document.derivedFacts, node.fact)) at(`${path}.fact`, `unknown fact ${node.fact} (neither in the ${document.sector} vocabulary nor a derived fact)`);
      if ('lookup' in node && !Object.hasOwn(document.tables, node.lookup)) at(`${path}.lookup`, `unknown table ${node.lookup}`);
      if ('daysAfter' in node)
        node.daysAfter.forEach(({ fact }, index) => observed(fact) && (fieldMeta(vocabulary.shape[fact] as never) as { format?: string }).format !== 'date' && at(`${path}.daysAfter[${index}].fact`, `${fact} is not a date fact (daysAfter counts days between observed dates)`));
      if ('countTrue' in node) node.countTrue.forEach((fact, index) => observed(fact) || at(`${path}.countTrue[${index}]`, `unknown fact ${fact} (not in the ${document.sector} vocabulary)`));
    });
  }
  const derivedReads = (name: string): string[] => {
    const reads: string[] = [];
    const expression = document.derivedFacts[name]?.expression;
    if (expression !== undefined) walkExpression(expression, '', (node) => 'fact' in node && Object.hasOwn(document.derivedFacts, node.fact) && reads.push(node.fact));
    return reads;
  };
  for (const chain of cycles(Object.keys(document.derivedFacts), derivedReads)) at('$.derivedFacts', `derived facts defined through themselves: ${chain.join(' → ')}`);

  // Conditions: leaves read declared facts (derived ones only through the threshold operator, the one
  // json-rules-engine computes them for), references name a shared condition or a rule of this document.
  const references = new Map<string, string[]>();
  for (const [tree, root] of conditionTrees(document)) {
    const owner = /^\$\.rules\[(\d+)\]/.exec(root)?.[1];
    const ownerName = owner !== undefined ? document.rules[Number(owner)]!.id : /^\$\.sharedConditions\[(".*")\]/.exec(root)?.[1];
    walkCondition(tree, root, (node, path) => {
      if ('condition' in node) {
        if (!Object.hasOwn(shared, node.condition) && !ruleIds.has(node.condition)) at(`${path}.condition`, `refers to ${node.condition}, neither a shared condition nor a rule of this document`);
        const key = ownerName === undefined ? undefined : owner !== undefined ? ownerName : JSON.parse(ownerName) as string;
        if (key !== undefined) references.set(key, [...(references.get(key) ?? []), node.condition]);
      } else if ('fact' in node) {
        if (Object.hasOwn(document.derivedFacts, node.fact)) {
          if (node.operator !== 'threshold') at(`${path}.fact`, `derived fact ${node.fact} can only be compared with the threshold operator`);
        } else if (!observed(node.fact)) at(`${path}.fact`, `unknown fact ${node.fact} (neither in the ${document.sector} vocabulary nor a derived fact)`);
      }
    });
  }
  for (const chain of cycles([...references.keys()], (name) => references.get(name) ?? [])) at('$', `conditions refer to themselves: ${chain.join(' → ')}`);

  document.rules.forEach((rule, index) => {
    rule.facts.forEach((fact, factIndex) => observed(fact) || at(`$.rules[${index}].facts[${factIndex}]`, `unknown fact ${fact} (not in the ${document.sector} vocabulary)`));
    if (!categories.has(rule.category)) at(`$.rules[${index}].category`, `unknown category ${rule.category}`);
    if (rule.partOf !== undefined && !ruleIds.has(rule.partOf)) at(`$.rules[${index}].partOf`, `unknown rule ${rule.partOf}`);
  });
  return problems;
};

/** Problems across the whole of rules-data (each file is already valid against the format). */
export const crossDocumentProblems = (sectors: readonly { id: string }[], documents: readonly Document[]): string[] => {
  const sectorIds = new Set(sectors.map((sector) => sector.id));
  const problems = documents.flatMap((document) => documentProblems(document, sectorIds));
  // Rule ids are unique across documents too: findings, questions and ledger items refer to them alone.
  const owners = new Map<string, string>();
  for (const document of documents) {
    document.rules.forEach((rule, index) => {
      const owner = owners.get(rule.id);
      if (owner !== undefined && owner !== document.file) problems.push(`${document.file} $.rules[${index}].id: rule id ${rule.id} is already used in ${owner}`);
      else owners.set(rule.id, document.file);
    });
  }
  // One document's versions follow each other: no two in force on the same day.
  const versions = new Map<string, Document[]>();
  for (const document of documents) versions.set(document.id, [...(versions.get(document.id) ?? []), document]);
  for (const [id, list] of versions) {
    const sorted = [...list].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (let index = 1; index < sorted.length; index += 1) {
      const previous = sorted[index - 1]!;
      const next = sorted[index]!;
      if (previous.effectiveTo === null || previous.effectiveTo >= next.effectiveFrom) {
        problems.push(`${previous.file} $.effectiveTo: ${id}@${previous.version} (${previous.effectiveFrom} – ${previous.effectiveTo ?? 'open'}) overlaps ${id}@${next.version} in ${next.file} (from ${next.effectiveFrom})`);
      }
    }
  }
  return problems;
};
