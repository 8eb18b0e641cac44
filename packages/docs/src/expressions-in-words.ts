// Turns a derived fact's expression (ratio, difference, sum, product, days between dates, lookup, countTrue, countHolding) into a formula in words.
import type { RuleDocument } from '@anquan/rules';
import type { FactWording } from './conditions-in-words.js';
import type { Bilingual } from './quantities.js';

export type Expression = RuleDocument['derivedFacts'][string]['expression'];

export interface TableWording {
  title: Bilingual;
  valueLabel: Bilingual;
}

export interface ExpressionContext {
  fact: (name: string) => FactWording;
  table: (id: string) => TableWording | undefined;
  /** The label of a shared condition of the document, for `countHolding`. */
  shared?: (name: string) => Bilingual | undefined;
}

const operators = { sum: ' + ', difference: ' − ', product: ' × ', ratio: ' ÷ ' } as const;

const isCompound = (expression: Expression): boolean =>
  typeof expression === 'object' && ('sum' in expression || 'difference' in expression || 'product' in expression || 'ratio' in expression);

/** The formula in words: facts by their labels (「」 in Chinese), compound operands in brackets. */
export const expressionInWords = (expression: Expression, context: ExpressionContext): Bilingual => {
  if (typeof expression === 'string' || typeof expression === 'number') return { zh: String(expression), en: String(expression) };
  if ('fact' in expression) {
    const { label } = context.fact(expression.fact);
    return { zh: `「${label.zh}」`, en: label.en };
  }
  for (const key of ['sum', 'difference', 'product', 'ratio'] as const) {
    if (key in expression) {
      const operands = (expression as Record<typeof key, Expression[]>)[key].map((operand) => {
        const words = expressionInWords(operand, context);
        return isCompound(operand) ? { zh: `（${words.zh}）`, en: `(${words.en})` } : words;
      });
      return { zh: operands.map((operand) => operand.zh).join(operators[key]), en: operands.map((operand) => operand.en).join(operators[key]) };
    }
  }
  if ('daysAfter' in expression) {
    const [later, earlier] = expression.daysAfter.map((operand) => context.fact(operand.fact).label);
    return { zh: `「${earlier!.zh}」至「${later!.zh}」的天数`, en: `days from ${earlier!.en} to ${later!.en}` };
  }
  if ('lookup' in expression) {
    const key = expressionInWords(expression.key, context);
    const table = context.table(expression.lookup);
    const title = table?.title ?? { zh: expression.lookup, en: expression.lookup };
    const value = table?.valueLabel ?? { zh: '对应值', en: 'value' };
    return {
      zh: `按${title.zh}以${key.zh}查得的${value.zh}（无适用档位时不判定为超限）`,
      en: `${value.en} looked up in ${title.en} for ${key.en} (no band: the threshold does not hold)`,
    };
  }
  if ('countTrue' in expression) {
    const labels = expression.countTrue.map((name) => context.fact(name).label);
    return {
      zh: `下列各项中回答为“是”的项数：${labels.map((label) => `「${label.zh}」`).join('、')}`,
      en: `how many of these are answered yes: ${labels.map((label) => label.en).join('; ')}`,
    };
  }
  if ('countHolding' in expression) {
    const labels = expression.countHolding.map((name) => context.shared?.(name) ?? { zh: name, en: name });
    return {
      zh: `下列各项中成立的项数：${labels.map((label) => `「${label.zh}」`).join('、')}`,
      en: `how many of these hold: ${labels.map((label) => label.en).join('; ')}`,
    };
  }
  const json = JSON.stringify(expression);
  return { zh: json, en: json };
};

/** The facts an expression reads directly. */
export const factsInExpression = (expression: Expression): string[] => {
  if (typeof expression === 'string' || typeof expression === 'number') return [];
  if ('fact' in expression) return [expression.fact];
  if ('sum' in expression) return expression.sum.flatMap(factsInExpression);
  if ('product' in expression) return expression.product.flatMap(factsInExpression);
  if ('difference' in expression) return expression.difference.flatMap(factsInExpression);
  if ('ratio' in expression) return expression.ratio.flatMap(factsInExpression);
  if ('daysAfter' in expression) return expression.daysAfter.map((operand) => operand.fact);
  if ('lookup' in expression) return factsInExpression(expression.key);
  if ('countTrue' in expression) return [...expression.countTrue];
  return [];
};

/**
 * The derived facts behind `names`, each after the derived facts it is computed from, so a reader meets
 * every quantity before it is used.
 */
export const derivedFactsBehind = (names: string[], derivedFacts: RuleDocument['derivedFacts']): string[] => {
  const ordered: string[] = [];
  const visit = (name: string, trail: Set<string>): void => {
    const derived = derivedFacts[name];
    if (!derived || ordered.includes(name) || trail.has(name)) return;
    trail.add(name);
    for (const operand of factsInExpression(derived.expression)) visit(operand, trail);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
};
