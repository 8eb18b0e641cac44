// The shape every calculator returns, and the small generic helpers they share: choosing the version in
// force, citing it, reading banded tables and marginal tiers exactly.
import { z } from 'zod';
import { inBand, lookupBand } from '../documents/bands.js';
import type { Band, Bilingual, Table } from '../documents/format.js';
import { documentVersionInForce, loadRulesData, type LoadedDocument } from '../documents/load.js';
import { add, compare, multiply, subtract, toDecimalString, toRational, type Rational } from '../exact/rational.js';
import { isCalendarDate, resolveAsOf } from '../engine/as-of.js';
import { asReason, reason, type CalculatorReason } from './reason.js';

// The one band lookup of the core (issue 15): calculators read tables exactly as the engine does.
export { inBand, lookupBand };
export { reason, type CalculatorReason, type ReasonParam, type ReasonParams } from './reason.js';

export interface CalculatorCitation {
  documentId: string;
  version: string;
  number: string;
  article: string | number;
  label: string;
}

export interface CalculatorResult<T> {
  calculator: string;
  asOf: string;
  /** decided: every figure the answer depends on is known and verified; unknown: see `missing`. */
  status: 'decided' | 'unknown';
  result: T;
  /** Input fields (dotted paths) or unverified figures (`figure:<document>/<name>`) the answer waits for. */
  missing: string[];
  /** Each reason's template code and parameters, with its sentences (`zh`, `en`) rendered from them. */
  reasons: CalculatorReason[];
  citations: CalculatorCitation[];
}

/**
 * What a calculator body builds: reasons rendered from templates (`reason(code, params)`), or, while a
 * sentence is still being moved to a template, plain text that `structured` turns into a `note` reason.
 */
export type CalculatorDraft<T> = Omit<CalculatorResult<T>, 'reasons'> & { reasons: Bilingual[] };

/** Wraps a calculator so every reason it returns has the one shape: code, parameters, Chinese, English. */
export const structured =
  <T, A extends unknown[]>(run: (...args: A) => CalculatorDraft<T>) =>
  (...args: A): CalculatorResult<T> => {
    const draft = run(...args);
    return { ...draft, reasons: draft.reasons.map((candidate) => asReason(draft.calculator, candidate)) };
  };

export interface CalculatorOptions {
  asOf?: string;
}

/** The as-of date of a call: validated, defaulting to today in China Standard Time. */
export const asOfDate = (options?: CalculatorOptions): string => resolveAsOf(options?.asOf);

/** A non-negative decimal as a person types it: 12, 0.5 or "0.1"; read exactly, never as a float. */
/** A non-negative decimal as text: digits, optionally a point and more digits. */
export const decimalText = /^\d+(\.\d+)?$/;

export const decimalInput = z.union([
  z.number().finite().nonnegative('expected a number ≥ 0'),
  z.string().regex(decimalText, 'expected a decimal ≥ 0 such as "12.5"'),
]);

/** What `decimalInput` accepts, checked without zod (for the fast paths that fall back to zod on any doubt). */
export const isDecimalInput = (value: unknown): boolean =>
  typeof value === 'number' ? Number.isFinite(value) && value >= 0 : typeof value === 'string' && decimalText.test(value);
export type DecimalInput = z.infer<typeof decimalInput>;

export const countInput = z.number().int('expected a whole number').nonnegative('expected a number ≥ 0');
export const dateInput = z.string().refine(isCalendarDate, 'expected a calendar date YYYY-MM-DD');

const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一百一十四 → 114 (article numbers as printed). */
export const chineseNumber = (text: string): number | undefined => {
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in chineseDigits) digit = chineseDigits[char] ?? 0;
    else if (char === '十') { total += (digit || 1) * 10; digit = 0; }
    else if (char === '百') { total += (digit || 1) * 100; digit = 0; }
    else return undefined;
  }
  return total + digit;
};

/** The article a citation label points at: an article written in Chinese numerals → its number, "4.2.1" → "4.2.1", anything else as written. */
export const articleOf = (label: string): string | number => {
  const article = /第([零一二两三四五六七八九十百]+)条/.exec(label);
  if (article?.[1]) return chineseNumber(article[1]) ?? label;
  const clause = /(\d+(?:\.\d+)+|表\s*\d+|附件\s*\d+)/.exec(label);
  return clause?.[1] ?? label;
};

export const cite = (document: LoadedDocument, label: string): CalculatorCitation => ({
  documentId: document.id,
  version: document.version,
  number: document.number,
  article: articleOf(label),
  label,
});

/** Collects citations once each, in the order first cited. */
export class Citations {
  private readonly seen = new Map<string, CalculatorCitation>();
  add(document: LoadedDocument, label: string): void {
    const key = `${document.id}@${document.version}#${label}`;
    if (!this.seen.has(key)) this.seen.set(key, cite(document, label));
  }
  list(): CalculatorCitation[] {
    return [...this.seen.values()];
  }
}

export const versionInForce = (documentId: string, asOf: string): LoadedDocument | undefined =>
  documentVersionInForce(documentId, asOf);

/**
 * Why nothing was computed: before the earliest version we hold, the text that applied then is not
 * available to us (the law did not stop existing); otherwise no version is in force. Names the document
 * by its Chinese title, never its id.
 */
export const noVersionReason = (documentId: string, asOf: string): CalculatorReason => {
  const versions = loadRulesData().documents.filter((document) => document.id === documentId).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const earliest = versions[0];
  if (earliest && asOf < earliest.effectiveFrom) {
    return reason('calculator.textNotAvailable', { document: documentId, asOf, title: earliest.title, number: earliest.number, effectiveFrom: earliest.effectiveFrom });
  }
  return reason('calculator.noVersion', { document: documentId, asOf, title: earliest?.title ?? { zh: '所需文件', en: documentId } });
};

export const requireTable = (document: LoadedDocument, id: string): Table => {
  const table = document.tables[id];
  if (!table) throw new Error(`${document.file}: table ${id} missing`);
  return table;
};

export const requireDataset = (document: LoadedDocument, id: string) => {
  const dataset = document.datasets[id];
  if (!dataset) throw new Error(`${document.file}: dataset ${id} missing`);
  return dataset;
};

export const requireParameter = (document: LoadedDocument, id: string) => {
  const parameter = document.parameters[id];
  if (!parameter) throw new Error(`${document.file}: parameter ${id} missing`);
  return parameter;
};

/** A parameter's value as an exact rational (throws when the data holds no number). */
export const parameterValue = (document: LoadedDocument, id: string): Rational => {
  const value = requireParameter(document, id).value;
  if (typeof value !== 'number' && (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value))) {
    throw new Error(`${document.file}: parameter ${id} is not a number`);
  }
  return toRational(value);
};

/** A band in interval notation, the same in both languages: [60, 70), (−∞, 60), [85, +∞). */
export const bandInterval = (band: Band): string =>
  `${band.from === null ? '(−∞' : `${band.fromInclusive ? '[' : '('}${String(band.from)}`}, ${band.to === null ? '+∞)' : `${String(band.to)}${band.toInclusive ? ']' : ')'}`}`;

/** The reason for a value looked up in a banded table, rendered from the band the lookup chose. */
export const bandReason = (table: Table, band: Band, params: { input: string; value: string; resultLabel: Bilingual }): CalculatorReason =>
  reason('band.lookup', {
    input: params.input,
    inputLabel: table.key.label,
    value: params.value,
    from: band.from === null ? null : String(band.from),
    fromInclusive: band.fromInclusive,
    to: band.to === null ? null : String(band.to),
    toInclusive: band.toInclusive,
    interval: bandInterval(band),
    outcome: String(band.value),
    resultLabel: params.resultLabel,
    tableTitle: table.title,
    citation: table.citation,
  });

export interface TierPart {
  from: string;
  to: string | null;
  rate: string;
  base: Rational;
  amount: Rational;
}

/**
 * 超额累退: each tier's rate applies only to the part of the base inside that tier, and the parts are
 * summed, so the amount is continuous at every tier bound (like a progressive tax with falling rates).
 */
export const marginalAmount = (table: Table, base: Rational): { total: Rational; parts: TierPart[] } => {
  const parts: TierPart[] = [];
  let total: Rational = { n: 0n, d: 1n };
  for (const band of table.bands) {
    const from = toRational(band.from ?? 0);
    if (compare(base, from) <= 0) continue;
    const top = band.to === null ? base : compare(base, toRational(band.to)) < 0 ? base : toRational(band.to);
    const slice = subtract(top, from);
    const amount = multiply(slice, toRational(band.value));
    total = add(total, amount);
    parts.push({ from: String(band.from ?? 0), to: band.to === null ? null : String(band.to), rate: String(band.value), base: slice, amount });
  }
  return { total, parts };
};

const safeLimit = BigInt(Number.MAX_SAFE_INTEGER);
/** Per number of digits: 10^digits, and the largest numerator whose scaled value stays exact on doubles. */
const showScales = Array.from({ length: 16 }, (_, digits) => ({ scale: 10 ** digits, bound: BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 10 ** digits / 2)) }));

/**
 * A rational for display: exact when the decimal terminates, else rounded half away from zero to `digits`,
 * as `toDecimalString` does. Small values take the same steps on doubles, where integers below 2^53 and
 * their `%` are exact (a hundred-chemical unit shows hundreds of figures; bigint division dominated it).
 */
export const show = (value: Rational, digits = 6): string => {
  const limits = showScales[digits];
  if (!limits || value.d > safeLimit || value.n > limits.bound || value.n < -limits.bound) return toDecimalString(value, digits);
  const { scale } = limits;
  const negative = value.n < 0n;
  const d = Number(value.d);
  const scaled = Number(negative ? -value.n : value.n) * scale;
  const remainder = scaled % d;
  let rounded = (scaled - remainder) / d;
  if (remainder * 2 >= d) rounded += 1;
  const fractionPart = rounded % scale;
  const whole = (rounded - fractionPart) / scale;
  let fraction = digits === 0 ? '' : String(fractionPart).padStart(digits, '0');
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end -= 1;
  fraction = fraction.slice(0, end);
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && rounded !== 0 ? `-${text}` : text;
};
