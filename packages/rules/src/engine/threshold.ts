// The one numeric comparison of the rules: a value against a limit, on a side, with the inclusivity the
// document gives. Exact: both sides are read as rationals.
import type { Threshold } from '../documents/format.js';
import { compare, isRationalInput, toRational, type Rational } from '../exact/rational.js';

export type NumericValue = number | string | Rational;

export const isNumericValue = (value: unknown): value is NumericValue =>
  isRationalInput(value) || (typeof value === 'object' && value !== null && 'n' in value && 'd' in value);

/** True when `value` is on the threshold's side of its limit (the limit itself counts when inclusive). */
export const crossesThreshold = (value: NumericValue, threshold: Threshold): boolean => {
  const order = compare(toRational(value), toRational(threshold.limit));
  if (order === 0) return threshold.inclusive;
  return threshold.side === 'above' ? order > 0 : order < 0;
};

export interface Interval {
  low: Rational;
  high: Rational;
}
const isInterval = (value: unknown): value is Interval => typeof value === 'object' && value !== null && 'low' in value && 'high' in value;

/**
 * json-rules-engine operator. A count known only within an interval crosses when both ends do; anything
 * that is not a number (missing, or no table band applies) does not cross.
 */
export const thresholdOperator = (factValue: unknown, threshold: Threshold): boolean => {
  if (isInterval(factValue)) return crossesThreshold(factValue.low, threshold) && crossesThreshold(factValue.high, threshold);
  return isNumericValue(factValue) && crossesThreshold(factValue, threshold);
};
