// Questions generated from the rules. Each situation is rendered from a rule's exam template and the
// facts behind it; the key is the engine's verdict on those facts, never typed by hand.
import {
  assessRules,
  crossesThreshold,
  exact,
  factDefinitionsFor,
  thresholdInclusion,
  thresholdLeavesOf as thresholdLeavesOfCondition,
  thresholdSide,
  type LoadedDocument,
  type Rational,
  type Rule,
  type Threshold,
} from '@anquan/rules';
import { createHash } from 'node:crypto';
import { arrangeKeys } from './arrange.js';
import { renderSituation } from './facts-text.js';
import { topicLabel, topicsOfRule } from './topics.js';
import { judgementOptions, type Evidence, type Question, type QuestionOption } from './question.js';

const { add, multiply, subtract, toDecimalString, toRational } = exact;

export interface Situation {
  ruleId: string;
  facts: Record<string, unknown>;
  text: string;
  status: 'hazard' | 'clear';
  reasons: string[];
}

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 10);
const optionKeys = ['A', 'B', 'C', 'D', 'E', 'F'];
/** Longer situations are asked as judgements only: an option a trainee must read four times stays short. */
export const maxOptionLength = 60;

export const templateVariables = (template: string): string[] => [...template.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]!);

const chapterOf = (document: LoadedDocument, rule: Rule) => {
  const category = document.categories.find((candidate) => candidate.id === rule.category);
  return { id: `${document.id}@${document.version}/${rule.category}`, title: `${document.title.zh} · ${category?.title.zh ?? rule.category}` };
};

const citationOf = (document: LoadedDocument, rule: Rule) => ({
  text: `《${document.title.zh}》（${document.number}）${rule.citation.label}`,
  documentId: document.id,
  version: document.version,
  label: rule.citation.label,
});

/** One engine run per rule and set of facts while a document's questions are generated. */
export type Verdicts = Map<string, ReturnType<typeof assessRules>>;
const verdictOf = (document: LoadedDocument, rule: Rule, facts: Record<string, unknown>, verdicts?: Verdicts) => {
  const key = `${rule.id}|${JSON.stringify(facts)}`;
  let found = verdicts?.get(key);
  if (!found) {
    found = assessRules(document, facts, [rule.id]);
    verdicts?.set(key, found);
  }
  return found;
};

/** The engine's verdict on a situation, rendered; undefined when the facts leave it unknown. */
export const situationFor = async (document: LoadedDocument, rule: Rule, facts: Record<string, unknown>, verdicts?: Verdicts): Promise<Situation | undefined> => {
  if (!rule.exam) return undefined;
  const [finding] = await verdictOf(document, rule, facts, verdicts);
  if (!finding || finding.status === 'unknown') return undefined;
  return {
    ruleId: rule.id,
    facts,
    text: renderSituation(document.sector, rule.exam.situation.zh, facts),
    status: finding.status,
    reasons: finding.reasons.filter((reason) => reason.outcome !== 'unknown').map((reason) => reason.text.zh),
  };
};

interface Leaf {
  fact: string;
  value: Threshold;
}
/**
 * A rule's own threshold leaves, from the core walker (shared conditions are not inlined: a limit written
 * once for several items is asked about where it is written, not once per item). Kept as { fact, value },
 * the shape question ids are digested from.
 */
const leavesCache = new WeakMap<Rule, Leaf[]>();
const thresholdLeavesOf = (rule: Rule): Leaf[] => {
  let leaves = leavesCache.get(rule);
  if (!leaves) leavesCache.set(rule, (leaves = thresholdLeavesOfCondition(rule.conditions).map((leaf) => ({ fact: leaf.fact, value: leaf.value }))));
  return leaves;
};

const decimals = (value: string | number): number => (String(value).split('.')[1] ?? '').length;

/** How a threshold leaf is set from observed facts: directly, or as the numerator of a ratio. */
const leafSetter = (document: LoadedDocument, rule: Rule, leaf: Leaf) => {
  const variables = templateVariables(rule.exam?.situation.zh ?? '');
  const base = rule.exam?.hazardExample ?? {};
  const derived = document.derivedFacts[leaf.fact];
  if (!derived) {
    if (!variables.includes(leaf.fact) || !(leaf.fact in base)) return undefined;
    const definition = factDefinitionsFor(document.sector)?.get(leaf.fact);
    // A count is the one kind of fact that takes whole numbers only.
    return { fact: leaf.fact, label: definition?.label.zh ?? leaf.fact, integer: definition?.kind === 'count', scale: toRational(1) };
  }
  const expression = derived.expression;
  if (typeof expression !== 'object' || !('ratio' in expression)) return undefined;
  const [numerator, denominator] = expression.ratio;
  if (typeof numerator !== 'object' || typeof denominator !== 'object' || !('fact' in numerator) || !('fact' in denominator)) return undefined;
  const scale = base[denominator.fact];
  if (!variables.includes(numerator.fact) || !variables.includes(denominator.fact) || typeof scale !== 'number' || scale <= 0) return undefined;
  return { fact: numerator.fact, label: derived.label.zh, integer: false, scale: toRational(scale) };
};

/** Facts for a leaf's quantity at `value` (ratio limits scaled by the example's denominator). */
export const factsAt = (document: LoadedDocument, rule: Rule, leaf: Leaf, value: Rational): Record<string, unknown> | undefined => {
  const setter = leafSetter(document, rule, leaf);
  if (!setter || value.n < 0n) return undefined;
  const number = Number(toDecimalString(multiply(value, setter.scale), 9));
  if (setter.integer && !Number.isInteger(number)) return undefined;
  return { ...rule.exam!.hazardExample, [setter.fact]: number };
};

const stepOf = (limit: string | number, integer: boolean): Rational => (integer ? toRational(1) : toRational(`1e-${Math.max(decimals(limit), 0) + 1}`));

/** The situations a rule offers: its two examples and, for each threshold, the limit and either side of it. */
export const situationsOf = async (document: LoadedDocument, rule: Rule, verdicts?: Verdicts): Promise<Situation[]> => {
  if (!rule.exam) return [];
  const candidates: Record<string, unknown>[] = [rule.exam.hazardExample, rule.exam.clearExample];
  for (const leaf of thresholdLeavesOf(rule)) {
    const setter = leafSetter(document, rule, leaf);
    if (!setter) continue;
    const limit = toRational(leaf.value.limit);
    const step = stepOf(leaf.value.limit, setter.integer);
    for (const value of [limit, subtract(limit, step), add(limit, step)]) {
      const facts = factsAt(document, rule, leaf, value);
      if (facts) candidates.push(facts);
    }
  }
  const situations: Situation[] = [];
  for (const facts of candidates) {
    const situation = await situationFor(document, rule, facts, verdicts).catch(() => undefined);
    if (situation && !situations.some((existing) => existing.text === situation.text)) situations.push(situation);
  }
  return situations;
};

const evidence = (document: LoadedDocument, optionKey: string, situation: Situation): Evidence => ({
  optionKey,
  ruleId: situation.ruleId,
  documentId: document.id,
  version: document.version,
  facts: situation.facts,
  status: situation.status,
});

/** What a question teaches, in Chinese, for its explanation. */
const topicLine = (document: LoadedDocument, rule: Rule): string => {
  const topics = topicsOfRule(document, rule).map(topicLabel);
  return topics.length ? `考点：${topics.join('、')}。` : '';
};

/**
 * A judgement states the situation and claims it is (or is not) a major hazard; the key is whether the
 * claim matches the engine's verdict. The generator alternates the claims so 正确 and 错误 are even.
 */
export const judgementQuestion = (document: LoadedDocument, rule: Rule, situation: Situation, claimsHazard = true): Question => ({
  id: `g:${rule.id}:j:${digest(situation.facts)}${claimsHazard ? '' : ':n'}`,
  type: 'judgement',
  kind: 'situation',
  stem: `${situation.text}依据《${document.title.zh}》，该情形${claimsHazard ? '' : '不'}构成重大事故隐患。`,
  options: judgementOptions,
  answer: [(situation.status === 'hazard') === claimsHazard ? 'T' : 'F'],
  explanation: `${topicLine(document, rule)}该情形${situation.status === 'hazard' ? '构成' : '不构成'}重大事故隐患。${rule.citation.label}：${rule.title.zh}。判定依据：${situation.reasons.join('；')}`,
  topics: topicsOfRule(document, rule),
  citation: citationOf(document, rule),
  ruleIds: [rule.id],
  chapter: chapterOf(document, rule),
  sector: document.sector,
  source: `${document.id}@${document.version}`,
  evidence: [{ ...evidence(document, 'T', situation), claim: claimsHazard ? 'hazard' : 'clear' }],
});

/** Options in the order given; the key is every option whose situation the engine found a hazard. */
const choiceQuestion = (
  document: LoadedDocument,
  rule: Rule,
  id: string,
  type: 'single' | 'multiple',
  stem: string,
  situations: Situation[],
): Question | undefined => {
  const texts = situations.map((situation) => situation.text);
  if (new Set(texts).size !== texts.length || situations.length < 3 || texts.some((text) => text.length > maxOptionLength)) return undefined;
  const options: QuestionOption[] = situations.map((situation, index) => ({ key: optionKeys[index]!, text: situation.text }));
  const answer = options.filter((_, index) => situations[index]!.status === 'hazard').map((option) => option.key);
  if (type === 'single' ? answer.length !== 1 : answer.length < 2) return undefined;
  return {
    id,
    type,
    kind: 'situation',
    stem,
    options,
    answer,
    topics: topicsOfRule(document, rule),
    explanation: [
      topicLine(document, rule),
      ...situations.map((situation, index) => `${optionKeys[index]}：${situation.status === 'hazard' ? '构成' : '不构成'}（${document.rules.find((candidate) => candidate.id === situation.ruleId)?.citation.label ?? ''}；${situation.reasons.join('；')}）`),
    ]
      .filter(Boolean)
      .join('\n'),
    citation: citationOf(document, rule),
    ruleIds: [...new Set(situations.map((situation) => situation.ruleId))],
    chapter: chapterOf(document, rule),
    sector: document.sector,
    source: `${document.id}@${document.version}`,
    evidence: situations.map((situation, index) => evidence(document, optionKeys[index]!, situation)),
  };
};

export const singleChoiceQuestion = (document: LoadedDocument, rule: Rule, hazard: Situation, clear: Situation[], seed: number) => {
  const category = document.categories.find((candidate) => candidate.id === rule.category);
  const options = [...clear.slice(0, 3)];
  options.splice(seed % (options.length + 1), 0, hazard);
  return choiceQuestion(document, rule, `g:${rule.id}:s:${digest(options.map((option) => option.facts))}`, 'single', `依据《${document.title.zh}》关于“${category?.title.zh ?? ''}”的规定，下列情形中构成重大事故隐患的是（  ）。`, options);
};

export const multipleChoiceQuestion = (document: LoadedDocument, rule: Rule, situations: Situation[]) => {
  const category = document.categories.find((candidate) => candidate.id === rule.category);
  return choiceQuestion(document, rule, `g:${rule.id}:m:${digest(situations.map((option) => option.facts))}`, 'multiple', `依据《${document.title.zh}》关于“${category?.title.zh ?? ''}”的规定，下列情形中构成重大事故隐患的有（  ）。`, situations);
};

/** A reading as a trainee reads it: the web address of its source stays in the data and the docs. */
const withoutAddresses = (text: string): string => text.replace(/[，,]?\s*https?:\/\/[^\s）)，。]+/g, '');

/** A limit as the law's reader says it, in the core's one wording of thresholds. */
const thresholdText = (label: string, threshold: Threshold): string => {
  const side = thresholdSide(threshold).zh;
  const unit = threshold.unit && threshold.unit !== 'ratio' ? ` ${threshold.unit}` : '';
  return `${label}${side} ${threshold.limit}${unit}`;
};

/**
 * Threshold recall: which wording of the limit is the law's. Each option is tested against the engine at
 * every probe point (each option's limit and a step either side); the key is the option that agrees
 * with the engine everywhere.
 */
export const recallQuestion = async (document: LoadedDocument, rule: Rule, leaf: Leaf, others: Threshold[], engineRuns?: Verdicts): Promise<Question | undefined> => {
  const setter = leafSetter(document, rule, leaf);
  if (!setter) return undefined;
  const candidates: Threshold[] = [
    leaf.value,
    { ...leaf.value, inclusive: !leaf.value.inclusive },
    { ...leaf.value, side: leaf.value.side === 'above' ? 'below' : 'above' },
    ...others.filter((other) => toRational(other.limit).n * toRational(leaf.value.limit).d !== toRational(leaf.value.limit).n * toRational(other.limit).d).slice(0, 1).map((other) => ({ ...leaf.value, limit: other.limit })),
  ];
  const probes = candidates.flatMap((candidate) => {
    const limit = toRational(candidate.limit);
    const step = stepOf(candidate.limit, setter.integer);
    return [limit, subtract(limit, step), add(limit, step)];
  });
  const verdicts: { value: Rational; hazard: boolean }[] = [];
  for (const value of probes) {
    const facts = factsAt(document, rule, leaf, value);
    if (!facts) continue;
    const [finding] = await verdictOf(document, rule, facts, engineRuns).catch(() => []);
    if (!finding || finding.status === 'unknown') return undefined;
    verdicts.push({ value, hazard: finding.status === 'hazard' });
  }
  const agrees = candidates.map((candidate) => verdicts.every((verdict) => crossesThreshold(verdict.value, candidate) === verdict.hazard));
  if (agrees.filter(Boolean).length !== 1 || verdicts.length < 3) return undefined;
  const options = candidates.map((candidate, index) => ({ key: optionKeys[index]!, text: thresholdText(setter.label, candidate) }));
  if (new Set(options.map((option) => option.text)).size !== options.length) return undefined;
  return {
    id: `g:${rule.id}:r:${digest(leaf)}`,
    type: 'single',
    kind: 'recall',
    stem: `依据《${document.title.zh}》${rule.citation.label}（${rule.title.zh}），在其他条件具备时，下列哪一项构成重大事故隐患？`,
    options,
    answer: options.filter((_, index) => agrees[index]).map((option) => option.key),
    explanation: `${topicLine(document, rule)}${rule.citation.label}：${thresholdText(setter.label, leaf.value)}（${thresholdInclusion(leaf.value).zh}）。${rule.readings.map((reading) => withoutAddresses(reading.zh)).join(' ')}`,
    citation: citationOf(document, rule),
    ruleIds: [rule.id],
    chapter: chapterOf(document, rule),
    sector: document.sector,
    source: `${document.id}@${document.version}`,
    topics: topicsOfRule(document, rule),
  };
};

/** Every question a document yields: judgements, single and multiple choice, threshold recall. */
export const generateDocumentQuestions = async (document: LoadedDocument, options: { shareVerdicts?: boolean } = {}): Promise<Question[]> => {
  // One engine run per rule and set of facts across the document (the bench turns this off to compare).
  const verdicts: Verdicts | undefined = options.shareVerdicts === false ? undefined : new Map();
  const situations = new Map<string, Situation[]>();
  for (const rule of document.rules) {
    situations.set(rule.id, await situationsOf(document, rule, verdicts));
    // Generating a document takes seconds of engine runs that only yield to microtasks: let pending
    // requests in between rules, so a server warming its questions still answers.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const questions: Question[] = [];
  const thresholds = document.rules.flatMap((rule) => thresholdLeavesOf(rule).map((leaf) => leaf.value));
  let claim = 0;
  let multiples = 0;
  for (const [index, rule] of document.rules.entries()) {
    const own = situations.get(rule.id) ?? [];
    for (const situation of own) {
      questions.push(judgementQuestion(document, rule, situation, claim % 2 === 0 ? situation.status === 'hazard' : situation.status !== 'hazard'));
      claim += 1;
    }
    const sameCategory = document.rules.filter((other) => other.category === rule.category && other.id !== rule.id && other.partOf !== rule.id && rule.partOf !== other.id);
    const short = (situation: Situation) => situation.text.length <= maxOptionLength;
    const clearElsewhere = sameCategory.flatMap((other) => situations.get(other.id) ?? []).filter((situation) => situation.status === 'clear' && short(situation));
    const hazard = own.find((situation) => situation.status === 'hazard' && short(situation));
    // Distractors first from the item itself (the other side of its boundary), then from its neighbours.
    const clear = [...own.filter((situation) => situation.status === 'clear' && short(situation)), ...clearElsewhere];
    if (hazard && clear.length >= 3) {
      const single = singleChoiceQuestion(document, rule, hazard, clear, index);
      if (single) questions.push(single);
    }
    // Multiple choice: 2, 3 or (now and then) 4 right options in turn, as many as the situations allow;
    // two right more often than three, as there are six sets of two and four of three, one of four.
    const hazards = [...own, ...sameCategory.flatMap((other) => situations.get(other.id) ?? [])].filter((situation) => situation.status === 'hazard' && short(situation));
    const wanted = [2, 3, 2, 2, 3, 2, 3, 2, 2, 3, 2, 4][multiples % 12]!;
    const right = Math.min(wanted, hazards.length);
    if (hazard && right >= 2 && clear.length >= 4 - right) {
      const chosen = [hazard, ...hazards.filter((situation) => situation !== hazard).slice(0, right - 1), ...clear.slice(0, 4 - right)];
      const multiple = multipleChoiceQuestion(document, rule, chosen);
      if (multiple) {
        questions.push(multiple);
        multiples += 1;
      }
    }
    for (const leaf of thresholdLeavesOf(rule)) {
      const recall = await recallQuestion(document, rule, leaf, thresholds.filter((other) => other.unit === leaf.value.unit), verdicts);
      if (recall) questions.push(recall);
    }
  }
  const seen = new Set<string>();
  const firstTurn = createHash('sha256').update(`${document.id}@${document.version}`).digest().readUInt16LE(0);
  return arrangeKeys(questions.filter((question) => (seen.has(question.id) ? false : (seen.add(question.id), true))), firstTurn);
};
