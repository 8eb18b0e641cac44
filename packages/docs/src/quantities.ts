// How a number of the law is printed: the decimal exactly as written, with its unit, and ratios as percentages too.

export interface Bilingual {
  zh: string;
  en: string;
}

/** Units written in Chinese characters sit right after the number (3个); symbols get a thin space (8 m³/t). */
const joinsTightly = (unit: string): boolean => /^[\u3400-\u9fff%‰℃°]/.test(unit);

/** Moves the decimal point two places right, on the string, so 1.10 becomes 110 without floating point. */
export const asPercent = (decimal: string): string => {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${rest ? `.${rest}` : ''}`;
};

/** A number with its unit, and what it means when the unit needs explaining (a ratio as a percentage). */
export interface Quantity {
  zh: string;
  en: string;
  aside?: Bilingual;
}

/** A limit or value with its unit; `ratio` is shown as the ratio, with the percentage it means aside. */
export const quantity = (value: string | number, unit: string | undefined): Quantity => {
  const number = String(value);
  if (!unit) return { zh: number, en: number };
  if (unit === 'ratio') {
    if (!/^-?\d+(\.\d+)?$/.test(number)) return { zh: number, en: number };
    const percent = `${asPercent(number)}%`;
    return { zh: number, en: number, aside: { zh: `即${percent}`, en: percent } };
  }
  return { zh: joinsTightly(unit) ? `${number}${unit}` : `${number} ${unit}`, en: unit === '%' ? `${number}%` : `${number} ${unit}` };
};

/** A quantity written out in one piece: "1.10（即110%）", "8 m³/t". */
export const quantityText = (value: string | number, unit: string | undefined): Bilingual => {
  const { zh, en, aside } = quantity(value, unit);
  return aside ? { zh: `${zh}（${aside.zh}）`, en: `${en} (${aside.en})` } : { zh, en };
};

/** How a unit is named beside a label: a ratio has no unit symbol, so it says 比值. */
export const unitName = (unit: string | undefined): string | undefined => (unit === 'ratio' ? '比值' : unit);
