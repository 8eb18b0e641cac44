// Compiles a rule document once into closures that evaluate its rules three-valued: limits pre-parsed,
// shared conditions, rule references and derived facts computed once per evaluation, reasons on demand.
import type { Condition, Expression, Rule, RuleDocument, Threshold } from '../documents/format.js';
import { add, compare, divide, isZero, multiply, subtract, toRational, type Rational } from '../exact/rational.js';
import type { Evaluated, FactValues } from './expressions.js';
import { daysAfter, lookupBand } from './expressions.js';
import { leafReasoner, type FactDescription, type LeafReason, type Outcome } from './three-valued.js';

/** Outcomes as small integers in the hot path: false, true, unknown. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = 0 | 1 | 2;
type LeafCondition = Extract<Condition, { fact: string }>;
export const outcomeNames: readonly Outcome[] = ['false', 'true', 'unknown'];

/** What one evaluation remembers: the outcome of each named condition, the value of each derived fact. */
export interface Scope {
  readonly facts: FactValues;
  readonly memo: (Tri | undefined)[];
  readonly derived: (Evaluated | undefined)[];
  /** Made on the first reason asked for. */
  reasons: Map<LeafNode, LeafReason> | undefined;
  /** A copy of the facts to try values of missing facts in (outcomeOf), made when first needed. */
  trial: Record<string, unknown> | undefined;
  /**
   * While values of missing facts are tried (outcomeOf): the evaluation they are tried within, and the
   * facts given values. A named condition or derived fact that reads none of those is taken from it.
   */
  readonly parent: Scope | undefined;
  readonly open: readonly string[] | undefined;
}

interface BaseNode {
  evaluate: (scope: Scope) => Tri;
}
export interface LeafNode extends BaseNode {
  kind: 'leaf';
  condition: LeafCondition;
  /** The facts whose absence keeps this leaf open (call only when it is unknown). */
  missing: (scope: Scope) => readonly string[];
  /** For a threshold on a derived fact: its value in this evaluation. */
  derivedValue?: (scope: Scope) => Evaluated;
}
export interface GroupNode extends BaseNode {
  kind: 'all' | 'any';
  children: Node[];
}
export interface NotNode extends BaseNode {
  kind: 'not';
  child: Node;
}
/** A named condition evaluated once per evaluation: a rule's full test, a shared condition, a category scope. */
export interface NamedNode extends BaseNode {
  kind: 'named';
  name: string;
  slot: number;
  target: Node | undefined;
  /** The observed facts it reads, found when first needed. */
  deps?: ReadonlySet<string>;
}
export type Node = LeafNode | GroupNode | NotNode | NamedNode;

export interface CompiledRule {
  rule: Rule;
  /**
   * Yes/no and one-of facts read by more than one leaf of the test. Kleene's logic cannot see that
   * `a ∧ b ∨ ¬a ∧ b` holds whatever `a` is; when such a fact is missing, its values are tried in turn.
   */
  repeated: readonly string[];
  /** Where the rule applies (category scope and its own), or undefined when it applies everywhere. */
  applicability: Node | undefined;
  /** Applicability and trigger together, as json-rules-engine sees the rule. */
  test: NamedNode;
}

export interface CompiledDocument {
  document: RuleDocument;
  rules: CompiledRule[];
  rulesById: Map<string, CompiledRule>;
  newScope: (facts: FactValues) => Scope;
  /** The leaf reasons of a node, in order (every leaf, or only those that decide its outcome). */
  reasonsOf: (node: Node, scope: Scope, mode: 'all' | 'decided') => LeafReason[];
  /** The facts that keep an unknown node open: every leaf still unknown, in order, without repeats. */
  missingFactsOf: (node: Node, scope: Scope) => string[];
  /**
   * The rule's outcome, exact where Kleene's is not: an unknown whose repeated yes/no or one-of facts
   * are missing is decided when every value they can take gives the same verdict.
   */
  outcomeOf: (rule: CompiledRule, scope: Scope) => Tri;
}

export class CompileError extends Error {}

type SharedConditions = Record<string, { conditions: Condition }>;
/** Shared conditions of a document; read defensively until the format declares them. */
export const sharedConditionsOf = (document: RuleDocument): SharedConditions =>
  ((document as unknown as { sharedConditions?: SharedConditions }).sharedConditions ?? {}) as SharedConditions;

const and = (a: Tri, b: Tri): Tri => (a === FALSE || b === FALSE ? FALSE : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : TRUE);

/**
 * A number fact against a limit. Comparing the doubles gives the exact answer whenever the limit is the
 * shortest decimal of its own double: a value's shortest decimal (what toRational reads) lies inside the
 * value's rounding interval, intervals of distinct doubles do not overlap, so the order of the two decimals
 * is the order of the two doubles, and equal doubles have the same shortest decimal.
 */
const compileCrossing = (threshold: Threshold): { onNumber: (value: number) => boolean; onRational: (value: Rational) => boolean } => {
  const limit = toRational(threshold.limit);
  const limitNumber = Number(threshold.limit);
  const floatExact = Number.isFinite(limitNumber) && compare(toRational(limitNumber), limit) === 0;
  const above = threshold.side === 'above';
  const inclusive = threshold.inclusive;
  const decide = (order: number) => (order === 0 ? inclusive : above ? order > 0 : order < 0);
  const onRational = (value: Rational) => decide(compare(value, limit));
  const onNumber = floatExact
    ? (value: number) => (value === limitNumber ? inclusive : above ? value > limitNumber : value < limitNumber)
    : (value: number) => onRational(toRational(value));
  return { onNumber, onRational };
};

export const compileDocument = (
  document: RuleDocument,
  describe: (fact: string) => FactDescription,
  domains: ReadonlyMap<string, readonly unknown[]> = new Map(),
): CompiledDocument => {
  const shared = sharedConditionsOf(document);
  const rulesById = new Map(document.rules.map((rule) => [rule.id, rule]));
  let slots = 0;
  const derivedSlots = new Map<string, number>();
  const derivedEvaluators: ((scope: Scope) => Evaluated)[] = [];

  // Derived facts: each compiled once and memoised per evaluation in its slot.
  const compileExpression = (expression: Expression, path: string[]): ((scope: Scope) => Evaluated) => {
    if (typeof expression === 'string' || typeof expression === 'number') {
      const value: Evaluated = { kind: 'value', value: toRational(expression) };
      return () => value;
    }
    if ('fact' in expression) {
      const name = expression.fact;
      if (document.derivedFacts[name]) {
        const slot = derivedSlotOf(name, path);
        return (scope) => derivedIn(slot, scope);
      }
      const missing: Evaluated = { kind: 'missing', facts: [name] };
      const notNumber: Evaluated = { kind: 'none', why: `${name} is not a number` };
      return (scope) => {
        const value = scope.facts[name];
        if (value === undefined) return missing;
        if (typeof value !== 'number') return notNumber;
        return { kind: 'value', value: toRational(value) };
      };
    }
    if ('countTrue' in expression) {
      const facts = expression.countTrue;
      return (scope) => {
        let trues = 0n;
        const missing: string[] = [];
        for (const fact of facts) {
          const value = scope.facts[fact];
          if (value === undefined) missing.push(fact);
          else if (value === true) trues += 1n;
        }
        if (missing.length === 0) return { kind: 'value', value: { n: trues, d: 1n } };
        return { kind: 'missing', facts: missing, bounds: [{ n: trues, d: 1n }, { n: trues + BigInt(missing.length), d: 1n }] };
      };
    }
    if ('countHolding' in expression) {
      // Like countTrue, over shared conditions: the open ones widen the count to the interval it must lie in.
      const names = expression.countHolding;
      let nodes: NamedNode[] | undefined;
      return (scope) => {
        nodes ??= names.map((name) => referenceNode(name));
        let trues = 0n;
        let open = 0n;
        const missing = new Set<string>();
        for (const node of nodes) {
          const outcome = node.evaluate(scope);
          if (outcome === TRUE) trues += 1n;
          else if (outcome === UNKNOWN) {
            open += 1n;
            for (const leaf of leavesUnder(node)) for (const fact of leaf.missing(scope)) if (scope.facts[fact] === undefined) missing.add(fact);
          }
        }
        if (open === 0n) return { kind: 'value', value: { n: trues, d: 1n } };
        return { kind: 'missing', facts: [...missing], bounds: [{ n: trues, d: 1n }, { n: trues + open, d: 1n }] };
      };
    }
    const combine = (parts: ((scope: Scope) => Evaluated)[], operation: (values: Rational[]) => Evaluated) => (scope: Scope): Evaluated => {
      const evaluated = parts.map((part) => part(scope));
      let missing: string[] | undefined;
      let none: Evaluated | undefined;
      for (const part of evaluated) {
        if (part.kind === 'missing') (missing ??= []).push(...part.facts);
        else if (part.kind === 'none') none ??= part;
      }
      if (missing) return { kind: 'missing', facts: [...new Set(missing)] };
      if (none) return none;
      return operation(evaluated.map((part) => (part as { value: Rational }).value));
    };
    if ('sum' in expression) return combine(expression.sum.map((part) => compileExpression(part, path)), (values) => ({ kind: 'value', value: values.reduce(add) }));
    if ('product' in expression)
      return combine(expression.product.map((part) => compileExpression(part, path)), (values) => ({ kind: 'value', value: values.reduce(multiply) }));
    if ('difference' in expression)
      return combine(expression.difference.map((part) => compileExpression(part, path)), ([a, b]) => ({ kind: 'value', value: subtract(a!, b!) }));
    if ('ratio' in expression)
      return combine(expression.ratio.map((part) => compileExpression(part, path)), ([a, b]) =>
        isZero(b!) ? { kind: 'none', why: 'ratio over zero' } : { kind: 'value', value: divide(a!, b!) },
      );
    if ('daysAfter' in expression) {
      const [later, earlier] = expression.daysAfter.map((operand) => operand.fact) as [string, string];
      return (scope) => daysAfter([later, scope.facts[later]], [earlier, scope.facts[earlier]]);
    }
    const table = document.tables[expression.lookup];
    if (!table) throw new CompileError(`derived fact ${path.join(' → ')} looks up unknown table ${expression.lookup}`);
    const noBand: Evaluated = { kind: 'none', why: `no band of ${expression.lookup} applies` };
    const bandValues = new Map(table.bands.map((band) => [band, { kind: 'value', value: toRational(band.value) } as Evaluated]));
    return combine([compileExpression(expression.key, path)], ([key]) => {
      const band = lookupBand(table, key!);
      return band ? bandValues.get(band)! : noBand;
    });
  };
  const derivedSlotOf = (name: string, path: string[]): number => {
    const known = derivedSlots.get(name);
    if (known !== undefined) return known;
    if (path.includes(name)) throw new CompileError(`derived fact ${[...path, name].join(' → ')} refers to itself`);
    const slot = derivedEvaluators.length;
    derivedSlots.set(name, slot);
    derivedNames[slot] = name;
    derivedEvaluators.push(() => ({ kind: 'none', why: 'not compiled' }));
    derivedEvaluators[slot] = compileExpression(document.derivedFacts[name]!.expression, [...path, name]);
    return slot;
  };

  // A derived fact's value in a scope, computed once; while values are tried, taken from the parent when
  // it reads none of the facts tried.
  const derivedDeps: (ReadonlySet<string> | undefined)[] = [];
  const derivedNames: string[] = [];
  const derivedIn = (slot: number, scope: Scope): Evaluated => {
    const known = scope.derived[slot];
    if (known !== undefined) return known;
    const parent = scope.parent;
    const value =
      parent !== undefined && independent((derivedDeps[slot] ??= new Set(baseFacts(derivedNames[slot]!))), scope.open!) ? derivedIn(slot, parent) : derivedEvaluators[slot]!(scope);
    scope.derived[slot] = value;
    return value;
  };

  const compileLeaf = (condition: LeafCondition): LeafNode => {
    const fact = condition.fact;
    const missingOne = [fact];
    if (condition.operator === 'threshold') {
      const crossing = compileCrossing(condition.value as Threshold);
      if (document.derivedFacts[fact]) {
        const slot = derivedSlotOf(fact, []);
        const value = (scope: Scope) => derivedIn(slot, scope);
        const evaluate = (scope: Scope): Tri => {
          const evaluated = value(scope);
          if (evaluated.kind === 'value') return crossing.onRational(evaluated.value) ? TRUE : FALSE;
          if (evaluated.kind === 'none') return FALSE;
          // A count with unanswered items is decided as soon as both ends of its range agree.
          if (evaluated.bounds) {
            const low = crossing.onRational(evaluated.bounds[0]);
            if (low === crossing.onRational(evaluated.bounds[1])) return low ? TRUE : FALSE;
          }
          return UNKNOWN;
        };
        return { kind: 'leaf', condition, evaluate, derivedValue: value, missing: (scope) => { const evaluated = value(scope); return evaluated.kind === 'missing' ? evaluated.facts : []; } };
      }
      const evaluate = (scope: Scope): Tri => {
        const value = scope.facts[fact];
        if (value === undefined) return UNKNOWN;
        if (typeof value !== 'number') return FALSE;
        return crossing.onNumber(value) ? TRUE : FALSE;
      };
      return { kind: 'leaf', condition, evaluate, missing: () => missingOne };
    }
    const expected = condition.value;
    let test: (value: unknown) => boolean;
    switch (condition.operator) {
      case 'equal':
        test = (value) => value === expected;
        break;
      case 'notEqual':
        test = (value) => value !== expected;
        break;
      case 'in': {
        const set = new Set(expected as unknown[]);
        test = (value) => set.has(value);
        break;
      }
      case 'notIn': {
        const set = new Set(expected as unknown[]);
        test = (value) => !set.has(value);
        break;
      }
      case 'contains':
        test = (value) => Array.isArray(value) && value.includes(expected);
        break;
      case 'doesNotContain':
        test = (value) => Array.isArray(value) && !value.includes(expected);
        break;
      default:
        throw new CompileError(`unknown operator ${condition.operator} on fact ${fact}`);
    }
    const evaluate = (scope: Scope): Tri => {
      const value = scope.facts[fact];
      return value === undefined ? UNKNOWN : test(value) ? TRUE : FALSE;
    };
    return { kind: 'leaf', condition, evaluate, missing: () => missingOne };
  };

  const named = new Map<string, NamedNode>();
  const compiling = new Set<string>();
  const namedNode = (key: string, name: string, body: () => Node): NamedNode => {
    const known = named.get(key);
    if (known) {
      if (compiling.has(key)) throw new CompileError(`condition ${name} refers to itself through ${[...compiling].join(' → ')}`);
      return known;
    }
    const node: NamedNode = {
      kind: 'named',
      name,
      slot: slots++,
      target: undefined,
      evaluate: (scope) => {
        const known = scope.memo[node.slot];
        if (known !== undefined) return known;
        const parent = scope.parent;
        const outcome = parent !== undefined && independent(node.deps ??= dependenciesOf(node), scope.open!) ? node.evaluate(parent) : node.target!.evaluate(scope);
        scope.memo[node.slot] = outcome;
        return outcome;
      },
    };
    named.set(key, node);
    compiling.add(key);
    node.target = body();
    compiling.delete(key);
    return node;
  };

  const compileCondition = (condition: Condition): Node => {
    if ('all' in condition || 'any' in condition) {
      const isAll = 'all' in condition;
      const children = (isAll ? (condition as { all: Condition[] }).all : (condition as { any: Condition[] }).any).map(compileCondition);
      const decisive = isAll ? FALSE : TRUE;
      const evaluate = (scope: Scope): Tri => {
        let open = false;
        for (const child of children) {
          const outcome = child.evaluate(scope);
          if (outcome === decisive) return decisive;
          if (outcome === UNKNOWN) open = true;
        }
        return open ? UNKNOWN : isAll ? TRUE : FALSE;
      };
      return { kind: isAll ? 'all' : 'any', children, evaluate };
    }
    if ('not' in condition) {
      const child = compileCondition(condition.not);
      return { kind: 'not', child, evaluate: (scope) => { const outcome = child.evaluate(scope); return outcome === UNKNOWN ? UNKNOWN : outcome === TRUE ? FALSE : TRUE; } };
    }
    if ('condition' in condition) return referenceNode(condition.condition);
    return compileLeaf(condition);
  };

  // A reference names a shared condition of the document first, then one of its rules (its full test).
  const referenceNode = (name: string): NamedNode => {
    if (Object.hasOwn(shared, name)) return namedNode(`shared:${name}`, name, () => compileCondition(shared[name]!.conditions));
    const rule = rulesById.get(name);
    if (!rule) throw new CompileError(`condition refers to ${name}, which is neither a shared condition nor a rule of ${document.id}@${document.version}`);
    return ruleTest(rule);
  };

  const categoryScopes = new Map<string, NamedNode | undefined>();
  const categoryScope = (id: string): NamedNode | undefined => {
    if (!categoryScopes.has(id)) {
      const category = document.categories.find((candidate) => candidate.id === id);
      categoryScopes.set(id, category?.appliesWhen ? namedNode(`category:${id}`, id, () => compileCondition(category.appliesWhen!)) : undefined);
    }
    return categoryScopes.get(id);
  };

  const compiledRules = new Map<string, CompiledRule>();
  const applicabilityNode = (rule: Rule): Node | undefined => {
    const scopes = [categoryScope(rule.category), rule.appliesWhen ? compileCondition(rule.appliesWhen) : undefined].filter((node): node is Node => node !== undefined);
    if (scopes.length === 0) return undefined;
    if (scopes.length === 1) return scopes[0];
    const [category, own] = scopes as [Node, Node];
    return { kind: 'all', children: [category, own], evaluate: (scope) => { const first = category.evaluate(scope); return first === FALSE ? FALSE : and(first, own.evaluate(scope)); } };
  };
  const ruleTest = (rule: Rule): NamedNode =>
    namedNode(`rule:${rule.id}`, rule.id, () => {
      const applicability = applicabilityNode(rule);
      const conditions = compileCondition(rule.conditions);
      const children = applicability ? [applicability, conditions] : [conditions];
      const evaluate = applicability
        ? (scope: Scope): Tri => { const first = applicability.evaluate(scope); return first === FALSE ? FALSE : and(first, conditions.evaluate(scope)); }
        : conditions.evaluate;
      compiledRules.set(rule.id, { rule, applicability, repeated: [], test: undefined as unknown as NamedNode });
      return { kind: 'all', children, evaluate };
    });

  const independent = (deps: ReadonlySet<string>, open: readonly string[]): boolean => {
    for (const fact of open) if (deps.has(fact)) return false;
    return true;
  };
  const dependenciesOf = (node: Node): ReadonlySet<string> => new Set(leavesUnder(node).flatMap((leaf) => baseFacts(leaf.condition.fact)));

  // The observed facts each leaf reads (through derived facts), to find the facts read more than once.
  const baseFacts = (fact: string, seen: string[] = []): string[] => {
    const derived = document.derivedFacts[fact];
    if (!derived || seen.includes(fact)) return [fact];
    const found: string[] = [];
    const walk = (expression: Expression): void => {
      if (typeof expression === 'string' || typeof expression === 'number') return;
      if ('fact' in expression) found.push(...baseFacts(expression.fact, [...seen, fact]));
      else if ('countTrue' in expression) found.push(...expression.countTrue);
      else if ('countHolding' in expression) {
        for (const name of expression.countHolding) for (const leaf of leavesUnder(referenceNode(name))) found.push(...baseFacts(leaf.condition.fact, [...seen, fact]));
      }
      else if ('lookup' in expression) walk(expression.key);
      else if ('daysAfter' in expression) found.push(...expression.daysAfter.map((operand) => operand.fact));
      else for (const part of 'sum' in expression ? expression.sum : 'product' in expression ? expression.product : 'difference' in expression ? expression.difference : expression.ratio) walk(part);
    };
    walk(derived.expression);
    return [...new Set(found)];
  };
  const leavesUnder = (node: Node, out: LeafNode[] = []): LeafNode[] => {
    if (node.kind === 'leaf') out.push(node);
    else if (node.kind === 'named') leavesUnder(node.target!, out);
    else if (node.kind === 'not') leavesUnder(node.child, out);
    else for (const child of node.children) leavesUnder(child, out);
    return out;
  };
  for (const rule of document.rules) {
    const test = ruleTest(rule);
    const compiled = compiledRules.get(rule.id)!;
    compiled.test = test;
    const reads = new Map<string, number>();
    for (const leaf of leavesUnder(compiled.test)) for (const fact of baseFacts(leaf.condition.fact)) reads.set(fact, (reads.get(fact) ?? 0) + 1);
    compiled.repeated = [...reads].filter(([fact, count]) => count > 1 && domains.has(fact)).map(([fact]) => fact);
  }
  for (const name of Object.keys(shared)) referenceNode(name);

  // Reasons reuse the reference trace's wording, leaf by leaf, so both speak the same words.
  const descriptions = new Map<string, FactDescription>();
  const describeOnce = (fact: string) => {
    let description = descriptions.get(fact);
    if (!description) descriptions.set(fact, (description = describe(fact)));
    return description;
  };
  const reasoners = new Map<LeafNode, (facts: FactValues, evaluated?: Evaluated) => LeafReason>();
  const reasonOf = (leaf: LeafNode, scope: Scope): LeafReason => {
    const reasons = (scope.reasons ??= new Map());
    let reason = reasons.get(leaf);
    if (!reason) {
      let reasoner = reasoners.get(leaf);
      if (!reasoner) reasoners.set(leaf, (reasoner = leafReasoner(leaf.condition, document, describeOnce)));
      reason = reasoner(scope.facts, leaf.derivedValue?.(scope));
      reasons.set(leaf, reason);
    }
    return reason;
  };

  const reasonsOf = (node: Node, scope: Scope, mode: 'all' | 'decided'): LeafReason[] => {
    const out: LeafReason[] = [];
    const walk = (current: Node): void => {
      switch (current.kind) {
        case 'leaf':
          out.push(reasonOf(current, scope));
          return;
        case 'named':
          walk(current.target!);
          return;
        case 'not':
          walk(current.child);
          return;
        default: {
          if (mode === 'all') {
            for (const child of current.children) walk(child);
            return;
          }
          // Only what decides: a holding `all` needs every child, a failing one its first failing child;
          // `any` the other way round; an open group waits on its open children.
          const outcome = current.evaluate(scope);
          const decisive = current.kind === 'all' ? FALSE : TRUE;
          if (outcome === decisive) {
            walk(current.children.find((child) => child.evaluate(scope) === decisive)!);
          } else {
            for (const child of current.children) if (outcome !== UNKNOWN || child.evaluate(scope) === UNKNOWN) walk(child);
          }
        }
      }
    };
    walk(node);
    return out;
  };

  const missingFactsOf = (node: Node, scope: Scope): string[] => {
    const found = new Set<string>();
    const walk = (current: Node): void => {
      if (current.kind === 'leaf') {
        if (current.evaluate(scope) === UNKNOWN) for (const fact of current.missing(scope)) found.add(fact);
      } else if (current.kind === 'named') walk(current.target!);
      else if (current.kind === 'not') walk(current.child);
      else for (const child of current.children) walk(child);
    };
    walk(node);
    return [...found];
  };

  // Trying values multiplies the work: at most this many combinations, or the Kleene verdict stands.
  const maximumCombinations = 64;
  const outcomeOf = (compiled: CompiledRule, scope: Scope): Tri => {
    const outcome = compiled.test.evaluate(scope);
    if (outcome !== UNKNOWN || compiled.repeated.length === 0) return outcome;
    const open = compiled.repeated.filter((fact) => scope.facts[fact] === undefined);
    if (open.length === 0) return outcome;
    let combinations = 1;
    for (const fact of open) combinations *= domains.get(fact)!.length;
    if (combinations > maximumCombinations) return outcome;
    let agreed: Tri | undefined;
    // One copy of the facts per evaluation, made when first needed: each combination writes the open facts
    // into it, and they are set back to unanswered (undefined) afterwards. Conditions and derived facts that
    // read none of the open facts are taken from the evaluation already made.
    const facts = (scope.trial ??= { ...(scope.facts as Record<string, unknown>) });
    const memo = new Array<Tri | undefined>(slotCount);
    const derived = new Array<Evaluated | undefined>(derivedCount);
    try {
      for (let index = 0; index < combinations; index += 1) {
        let rest = index;
        for (const fact of open) {
          const domain = domains.get(fact)!;
          facts[fact] = domain[rest % domain.length];
          rest = Math.floor(rest / domain.length);
        }
        if (index > 0) {
          memo.fill(undefined);
          derived.fill(undefined);
        }
        const result = compiled.test.evaluate({ facts, memo, derived, reasons: undefined, trial: undefined, parent: scope, open });
        if (result === UNKNOWN || (agreed !== undefined && result !== agreed)) return UNKNOWN;
        agreed = result;
      }
    } finally {
      for (const fact of open) facts[fact] = undefined;
    }
    return agreed ?? outcome;
  };

  const slotCount = slots;
  const derivedCount = derivedEvaluators.length;
  function newScope(facts: FactValues): Scope {
    return { facts, memo: new Array(slotCount), derived: new Array(derivedCount), reasons: undefined, trial: undefined, parent: undefined, open: undefined };
  }
  return {
    document,
    rules: document.rules.map((rule) => compiledRules.get(rule.id)!),
    rulesById: compiledRules,
    newScope,
    reasonsOf,
    missingFactsOf,
    outcomeOf,
  };
};
