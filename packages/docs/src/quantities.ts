// How a number of the law is printed: the decimal exactly as written, with its unit, and ratios as percentages too.

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Units rules-data writes as English words, and how a Chinese page says them. Symbols (m, t, MPa, %) are
 * read the same in Chinese text and stay as written; the English view keeps the word.
 */
const unitWords: Record<string, string> = {
  count: '个',
  persons: '人',
  sites: '处',
  points: '分',
  times: '次',
  years: '年',
  month: '个月',
  months: '个月',
  grade: '级',
  grades: '级',
  rank: '级',
  yuan: '元',
  CNY: '元',
  'CNY/t': '元/吨',
  'CNY/year': '元/年',
  'CNY/1000m3': '元/千立方米',
  index: '指数',
  factor: '系数',
  date: '日期',
};

/** A unit as a Chinese page writes it. */
export const chineseUnit = (unit: string): string => unitWords[unit] ?? unit;

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
  const zh = chineseUnit(unit);
  return { zh: joinsTightly(zh) ? `${number}${zh}` : `${number} ${zh}`, en: unit === '%' ? `${number}%` : `${number} ${unit}` };
};

/** A quantity written out in one piece: "1.10（即110%）", "8 m³/t". */
export const quantityText = (value: string | number, unit: string | undefined): Bilingual => {
  const { zh, en, aside } = quantity(value, unit);
  return aside ? { zh: `${zh}（${aside.zh}）`, en: `${en} (${aside.en})` } : { zh, en };
};

/** How a unit is named beside a label: a ratio has no unit symbol, so it says 比值. */
export const unitName = (unit: string | undefined): string | undefined => (unit === 'ratio' ? '比值' : unit === undefined ? undefined : chineseUnit(unit));
