// Turns a rule's json-rules-engine condition tree into Chinese words (English beside), one line per leaf.
import { leavesOf, referencesOf, thresholdInclusion, thresholdSide, type Rule, type SharedCondition } from '@anquan/rules';
import { quantity, quantityText, type Bilingual } from './quantities.js';

export type Condition = Rule['conditions'];

/** What the words need to know about a fact: its labels, its unit, the Chinese names of its options. */
export interface FactWording {
  label: Bilingual;
  unit?: string;
  optionLabels?: Record<string, string>;
}

/** How another rule is named when a condition refers to it; `link` is a site-root-relative URL. */
export interface RuleReference {
  label: string;
  title: Bilingual;
  link?: string;
}

export interface WordingContext {
  fact: (name: string) => FactWording;
  rule: (id: string) => RuleReference | undefined;
  /** A shared condition of the document (a clause written once), read in place with its label. */
  shared?: (name: string) => SharedCondition | undefined;
}

/** One line of the conditions in words; a group line introduces its children. */
export interface Words extends Bilingual {
  link?: string;
  children: Words[];
}

interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
}

const isLeaf = (condition: Condition): condition is Condition & Leaf => 'fact' in condition && 'operator' in condition;

const valueWords = (value: unknown, fact: FactWording): Bilingual => {
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof value === 'string' && fact.optionLabels?.[value] !== undefined) return { zh: `“${fact.optionLabels[value]}”`, en: `“${value}”` };
  if (typeof value === 'number') return quantityText(value, fact.unit);
  if (typeof value === 'string') return { zh: `“${value}”`, en: `“${value}”` };
  const json = JSON.stringify(value);
  return { zh: json, en: json };
};

const listWords = (values: unknown[], fact: FactWording): Bilingual => {
  const words = values.map((value) => valueWords(value, fact));
  return { zh: words.map((word) => word.zh).join('、'), en: words.map((word) => word.en).join(', ') };
};

interface ThresholdValue {
  side: 'above' | 'below';
  limit: string | number;
  inclusive: boolean;
  unit?: string;
}

const isThreshold = (value: unknown): value is ThresholdValue =>
  typeof value === 'object' && value !== null && 'side' in value && 'limit' in value && 'inclusive' in value;

// The words follow the house convention: 以上/以下/达到/不超过 include the number, 超过/低于 exclude it,
// and the page says which, so a reader never has to guess the boundary.
const thresholdWords = (label: Bilingual, threshold: ThresholdValue, fact: FactWording): Bilingual => {
  const limit = quantity(threshold.limit, threshold.unit ?? fact.unit);
  const side = thresholdSide(threshold);
  const inclusion = thresholdInclusion(threshold);
  return {
    zh: `${label.zh}${side.zh}${limit.zh}（${limit.aside ? `${limit.aside.zh}，` : ''}${inclusion.zh}）`,
    en: `${label.en} ${side.en} ${limit.en} (${limit.aside ? `${limit.aside.en}, ` : ''}${inclusion.en})`,
  };
};

const leafWords = (leaf: Leaf, context: WordingContext): Bilingual => {
  const fact = context.fact(leaf.fact);
  const label = fact.label;
  const { value } = leaf;
  switch (leaf.operator) {
    case 'threshold':
      if (isThreshold(value)) return thresholdWords(label, value, fact);
      break;
    case 'equal': {
      const words = valueWords(value, fact);
      return typeof value === 'boolean' ? { zh: `${label.zh}：${words.zh}`, en: `${label.en}: ${words.en}` } : { zh: `${label.zh}为${words.zh}`, en: `${label.en} is ${words.en}` };
    }
    case 'notEqual': {
      const words = valueWords(value, fact);
      return typeof value === 'boolean'
        ? { zh: `${label.zh}：${value ? '否' : '是'}`, en: `${label.en}: ${value ? 'no' : 'yes'}` }
        : { zh: `${label.zh}不为${words.zh}`, en: `${label.en} is not ${words.en}` };
    }
    case 'in':
    case 'notIn':
      if (Array.isArray(value)) {
        const words = listWords(value, fact);
        const single = value.length === 1;
        if (leaf.operator === 'in') return single ? { zh: `${label.zh}为${words.zh}`, en: `${label.en} is ${words.en}` } : { zh: `${label.zh}为${words.zh}之一`, en: `${label.en} is one of ${words.en}` };
        return single ? { zh: `${label.zh}不为${words.zh}`, en: `${label.en} is not ${words.en}` } : { zh: `${label.zh}不为${words.zh}中的任何一项`, en: `${label.en} is none of ${words.en}` };
      }
      break;
    case 'contains': {
      const words = valueWords(value, fact);
      return { zh: `${label.zh}包括${words.zh}`, en: `${label.en} include ${words.en}` };
    }
    case 'doesNotContain': {
      const words = valueWords(value, fact);
      return { zh: `${label.zh}不包括${words.zh}`, en: `${label.en} do not include ${words.en}` };
    }
  }
  const json = JSON.stringify(value);
  return { zh: `${label.zh} ${leaf.operator} ${json}`, en: `${label.en} ${leaf.operator} ${json}` };
};

/** The condition tree in words; a group of one is read as its only member. */
export const conditionInWords = (condition: Condition, context: WordingContext): Words => {
  if ('all' in condition || 'any' in condition) {
    const members = 'all' in condition ? condition.all : condition.any;
    if (members.length === 1 && members[0]) return conditionInWords(members[0], context);
    const children = members.map((member) => conditionInWords(member, context));
    return 'all' in condition
      ? { zh: '同时满足以下各项：', en: 'all of the following:', children }
      : { zh: '满足以下任一项：', en: 'any of the following:', children };
  }
  if ('not' in condition) {
    return { zh: '以下情形不成立：', en: 'it is not the case that:', children: [conditionInWords(condition.not, context)] };
  }
  if ('condition' in condition) {
    const shared = context.shared?.(condition.condition);
    if (shared) return { zh: `${shared.label.zh}，即：`, en: `${shared.label.en}, that is:`, children: [conditionInWords(shared.conditions, context)] };
    const rule = context.rule(condition.condition);
    if (!rule) return { zh: `规则 ${condition.condition} 的判定条件成立`, en: `the conditions of rule ${condition.condition} hold`, children: [] };
    return {
      zh: `${rule.label}（${rule.title.zh}）的判定条件成立`,
      en: `the conditions of ${rule.label} (${rule.title.en}) hold`,
      ...(rule.link ? { link: rule.link } : {}),
      children: [],
    };
  }
  if (isLeaf(condition)) return { ...leafWords(condition, context), children: [] };
  const json = JSON.stringify(condition);
  return { zh: json, en: json, children: [] };
};

/** Every fact name a condition tree reads directly (observed or derived), shared conditions of `document` included. */
export const factsInCondition = (condition: Condition | undefined, document?: { sharedConditions: Record<string, SharedCondition> }): string[] => [
  ...new Set(leavesOf(condition, document).map((leaf) => leaf.fact)),
];

/** Every rule or shared condition a condition tree refers to with `{ condition: <name> }`. */
export const rulesReferred = (condition: Condition | undefined): string[] => [...new Set(referencesOf(condition))];
