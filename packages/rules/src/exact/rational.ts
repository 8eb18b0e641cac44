// Exact rational arithmetic on bigints: verdicts at a boundary (110 % of capacity, S = Σ q/Q reaching 1)
// must not depend on binary floating point, where 0.1 + 0.2 is 0.30000000000000004.

export interface Rational {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const normalise = (n: bigint, d: bigint): Rational => {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * Reads a decimal exactly as written: "1.10" is 11/10. A JS number is read through its shortest
 * round-trip decimal form, which is what the person typed (0.1 → 1/10, not the nearest binary double).
 */
export const toRational = (value: number | string | bigint | Rational): Rational => {
  if (typeof value === 'object') return value;
  if (typeof value === 'bigint') return { n: value, d: 1n };
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value).trim();
  const match = decimalPattern.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let n = BigInt(whole + fraction);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return normalise(sign === '-' ? -n : n, d);
};

export const isRationalInput = (value: unknown): value is number | string =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && decimalPattern.test(value.trim()));

export const add = (a: Rational, b: Rational): Rational => normalise(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational): Rational => normalise(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational): Rational => normalise(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational): Rational => normalise(a.n * b.d, a.d * b.n);
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, { n: 0n, d: 1n });

/** -1, 0 or 1. */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};

export const isZero = (a: Rational): boolean => a.n === 0n;

/** For display: exact when the decimal terminates, else rounded half away from zero to `digits`. */
export const toDecimalString = (a: Rational, digits = 6): string => {
  const negative = a.n < 0n;
  const n = negative ? -a.n : a.n;
  const scale = 10n ** BigInt(digits);
  let scaled = (n * scale) / a.d;
  if (((n * scale) % a.d) * 2n >= a.d) scaled += 1n;
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && scaled !== 0n ? `-${text}` : text;
};

export const toNumber = (a: Rational): number => Number(toDecimalString(a, 15));
