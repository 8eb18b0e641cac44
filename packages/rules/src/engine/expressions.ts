// Evaluates derived facts (ratios, sums, table limits, counts, days between dates) exactly, and says which facts were missing.
import { lookupBand } from '../documents/bands.js';
import { observedFactsOfExpression, leavesOf } from '../documents/conditions.js';
import type { Expression, RuleDocument } from '../documents/format.js';
import { add, divide, isZero, multiply, subtract, toRational, type Rational } from '../exact/rational.js';

export type FactValues = Readonly<Record<string, unknown>>;

export type Evaluated =
  | { kind: 'value'; value: Rational }
  /** No band of a table applies, or a ratio over zero: the quantity does not exist, so no threshold is crossed. */
  | { kind: 'none'; why: string }
  /** Some facts are missing; for counts, the bounds the value must lie in whatever they turn out to be. */
  | { kind: 'missing'; facts: string[]; bounds?: [Rational, Rational] };

type Context = Pick<RuleDocument, 'derivedFacts' | 'tables'> & Partial<Pick<RuleDocument, 'sharedConditions'>>;

/** Evaluates a shared condition three-valued (set by three-valued.ts, which imports this module). */
let holds: (name: string, facts: FactValues, context: Context) => { outcome: 'true' | 'false' | 'unknown'; missingFacts: string[] } = () => {
  throw new Error('countHolding needs the three-valued evaluator');
};
export const setConditionEvaluator = (evaluator: typeof holds): void => {
  holds = evaluator;
};

export { lookupBand } from '../documents/bands.js';

const combine = (parts: Evaluated[], operation: (values: Rational[]) => Evaluated): Evaluated => {
  const missing = parts.filter((part) => part.kind === 'missing');
  if (missing.length > 0) return { kind: 'missing', facts: [...new Set(missing.flatMap((part) => part.facts))] };
  const none = parts.find((part) => part.kind === 'none');
  if (none) return none;
  return operation(parts.map((part) => (part as { value: Rational }).value));
};

/** A calendar date YYYY-MM-DD as a day number (days since 1970-01-01), or undefined when it is no such day. */
const dayNumber = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: a day that does not exist is not compared.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) return undefined;
  return time / 86_400_000;
};

type DateOperand = readonly [name: string, value: unknown];

/**
 * Whole days from the second date to the first (first − second), shared by the compiled evaluator and the
 * json-rules-engine reference so both count days the same way: a missing date is missing, a date that is
 * not a calendar day makes no quantity.
 */
export const daysAfter = ([laterName, later]: DateOperand, [earlierName, earlier]: DateOperand): Evaluated => {
  const missing = [laterName, earlierName].filter((_, index) => (index === 0 ? later : earlier) === undefined);
  if (missing.length > 0) return { kind: 'missing', facts: [...new Set(missing)] };
  const [a, b] = [dayNumber(later), dayNumber(earlier)];
  if (a === undefined) return { kind: 'none', why: `${laterName} is not a calendar date` };
  if (b === undefined) return { kind: 'none', why: `${earlierName} is not a calendar date` };
  return { kind: 'value', value: { n: BigInt(a - b), d: 1n } };
};

/** Evaluates an expression against observed facts; derived facts are resolved through the document. */
export const evaluateExpression = (expression: Expression, facts: FactValues, context: Context): Evaluated => {
  const recur = (inner: Expression) => evaluateExpression(inner, facts, context);
  if (typeof expression === 'string' || typeof expression === 'number') return { kind: 'value', value: toRational(expression) };
  if ('fact' in expression) {
    const derived = context.derivedFacts[expression.fact];
    if (derived) return recur(derived.expression);
    const value = facts[expression.fact];
    if (value === undefined) return { kind: 'missing', facts: [expression.fact] };
    if (typeof value !== 'number') return { kind: 'none', why: `${expression.fact} is not a number` };
    return { kind: 'value', value: toRational(value) };
  }
  if ('sum' in expression) return combine(expression.sum.map(recur), (values) => ({ kind: 'value', value: values.reduce(add) }));
  if ('product' in expression)
    return combine(expression.product.map(recur), (values) => ({ kind: 'value', value: values.reduce(multiply) }));
  if ('difference' in expression)
    return combine(expression.difference.map(recur), ([a, b]) => ({ kind: 'value', value: subtract(a!, b!) }));
  if ('ratio' in expression)
    return combine(expression.ratio.map(recur), ([a, b]) =>
      isZero(b!) ? { kind: 'none', why: 'ratio over zero' } : { kind: 'value', value: divide(a!, b!) },
    );
  if ('daysAfter' in expression) return daysAfter(...expression.daysAfter.map((operand) => [operand.fact, facts[operand.fact]] as const) as [DateOperand, DateOperand]);
  if ('lookup' in expression) {
    const table = context.tables[expression.lookup];
    if (!table) throw new Error(`unknown table ${expression.lookup}`);
    return combine([recur(expression.key)], ([key]) => {
      const band = lookupBand(table, key!);
      return band ? { kind: 'value', value: toRational(band.value) } : { kind: 'none', why: `no band of ${expression.lookup} applies` };
    });
  }
  if ('countHolding' in expression) {
    // Like countTrue, over conditions: unknown ones widen the count to the interval it must lie in.
    const outcomes = expression.countHolding.map((name) => holds(name, facts, context));
    const trues = BigInt(outcomes.filter((result) => result.outcome === 'true').length);
    const unknown = outcomes.filter((result) => result.outcome === 'unknown');
    if (unknown.length === 0) return { kind: 'value', value: { n: trues, d: 1n } };
    const missing = [...new Set(unknown.flatMap((result) => result.missingFacts))];
    return { kind: 'missing', facts: missing, bounds: [{ n: trues, d: 1n }, { n: trues + BigInt(unknown.length), d: 1n }] };
  }
  const known = expression.countTrue.filter((fact) => facts[fact] !== undefined);
  const trues = BigInt(known.filter((fact) => facts[fact] === true).length);
  const missing = expression.countTrue.filter((fact) => facts[fact] === undefined);
  if (missing.length === 0) return { kind: 'value', value: { n: trues, d: 1n } };
  return { kind: 'missing', facts: missing, bounds: [{ n: trues, d: 1n }, { n: trues + BigInt(missing.length), d: 1n }] };
};

/** The observed facts an expression reads, derived facts resolved. */
export const baseFactsOf = (expression: Expression, context: Context): string[] => {
  if (typeof expression === 'string' || typeof expression === 'number') return [];
  const recur = (inner: Expression) => baseFactsOf(inner, context);
  if ('fact' in expression) {
    const derived = context.derivedFacts[expression.fact];
    return derived ? recur(derived.expression) : [expression.fact];
  }
  if ('sum' in expression) return expression.sum.flatMap(recur);
  if ('product' in expression) return expression.product.flatMap(recur);
  if ('difference' in expression) return expression.difference.flatMap(recur);
  if ('ratio' in expression) return expression.ratio.flatMap(recur);
  if ('daysAfter' in expression) return expression.daysAfter.map((operand) => operand.fact);
  if ('lookup' in expression) return recur(expression.key);
  if ('countHolding' in expression) return observedFactsOfExpression(expression, context);
  return [...expression.countTrue];
};

/** The tables an expression looks up, derived facts resolved. */
export const tablesOf = (expression: Expression, context: Context): { table: string; keyFacts: string[] }[] => {
  if (typeof expression === 'string' || typeof expression === 'number' || 'countTrue' in expression) return [];
  const recur = (inner: Expression) => tablesOf(inner, context);
  if ('countHolding' in expression) {
    const shared = { sharedConditions: context.sharedConditions ?? {} };
    return expression.countHolding.flatMap((name) => leavesOf({ condition: name }, shared).flatMap((leaf) => recur({ fact: leaf.fact })));
  }
  if ('fact' in expression) {
    const derived = context.derivedFacts[expression.fact];
    return derived ? recur(derived.expression) : [];
  }
  if ('lookup' in expression) return [{ table: expression.lookup, keyFacts: baseFactsOf(expression.key, context) }, ...recur(expression.key)];
  if ('daysAfter' in expression) return [];
  const parts = 'sum' in expression ? expression.sum : 'product' in expression ? expression.product : 'difference' in expression ? expression.difference : expression.ratio;
  return parts.flatMap(recur);
};
