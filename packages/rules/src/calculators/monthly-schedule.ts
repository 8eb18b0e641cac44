// Twelve monthly amounts that add up exactly to a year's amount (逐月平均提取): the measures set no
// rounding rule, so each of the first eleven months takes one twelfth cut down to the fen and the
// twelfth month takes whatever remains, sub-fen digits included, so nothing is lost or invented.
import { divide, multiply, subtract, toRational, type Rational } from '../exact/rational.js';

const fen = 100n;

/** The exact decimal of a terminating rational (every amount here is a product of decimals). */
export const exactDecimal = (value: Rational): string => {
  let digits = 0;
  let scale = 1n;
  while ((value.n * scale) % value.d !== 0n) {
    digits += 1;
    scale *= 10n;
    if (digits > 40) throw new Error('exactDecimal: the value does not terminate');
  }
  const negative = value.n < 0n;
  const scaled = ((negative ? -value.n : value.n) * scale) / value.d;
  const text = scaled.toString().padStart(digits + 1, '0');
  const body = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${body}` : body;
};

export interface MonthlySchedule {
  months: string[];
  /** Yuan of the twelfth month beyond the others (the remainder of cutting to the fen). */
  lastMonthExtraYuan: string;
}

/** One twelfth cut down to the fen for months 1–11; month 12 is the rest, so the sum is the annual amount exactly. */
export const monthlySchedule = (annual: Rational): MonthlySchedule => {
  const twelfth = divide(annual, toRational(12));
  const cut: Rational = { n: (twelfth.n * fen) / twelfth.d, d: fen };
  const last = subtract(annual, multiply(cut, toRational(11)));
  return { months: [...Array.from({ length: 11 }, () => exactDecimal(cut)), exactDecimal(last)], lastMonthExtraYuan: exactDecimal(subtract(last, cut)) };
};
