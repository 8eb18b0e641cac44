// One finding of assess(): its status decided at once, its missing facts, reasons and explanation built
// when first read, so that a caller who reads a few findings (or none) does not pay for every text.
import type { Bilingual, Rule } from '../documents/format.js';
import type { LoadedDocument } from '../documents/load.js';
import type { Explain, Finding, FindingCitation, Status } from './assess.js';
import { outcomeNames, TRUE, UNKNOWN, type CompiledDocument, type CompiledRule, type Scope, type Tri } from './compiled.js';
import type { LeafReason, Outcome } from './three-valued.js';

const statusOf: Record<Outcome, Status> = { true: 'hazard', false: 'clear', unknown: 'unknown' };

const notApplicableText: Bilingual = { zh: '本项不适用于所填情况。', en: 'This item does not apply to the situation described.' };
const hazardText: Bilingual = { zh: '构成重大事故隐患：判定条件均已成立。', en: 'A major accident hazard: the conditions of this item hold.' };
const clearText: Bilingual = { zh: '不构成：判定条件不成立。', en: 'Clear: the conditions of this item do not hold.' };
/** The one-sentence explanation of a finding. */
export const explanationOf = (status: Status, applicable: boolean | null, missing: string[]): Bilingual => {
  if (applicable === false) return notApplicableText;
  if (status === 'hazard') return hazardText;
  if (status === 'clear') return clearText;
  return {
    zh: `尚不能判定，需查明：${missing.join('、')}。`,
    en: `Cannot be decided yet; find out: ${missing.join(', ')}.`,
  };
};

interface RuleConstants {
  title: Bilingual;
  category: { id: string; title: Bilingual };
  citation: FindingCitation;
}
const ruleConstants = new WeakMap<Rule, RuleConstants>();
const constantsOf = (document: LoadedDocument, rule: Rule): RuleConstants => {
  let constants = ruleConstants.get(rule);
  if (!constants) {
    const category = document.categories.find((candidate) => candidate.id === rule.category);
    constants = {
      title: rule.title,
      category: { id: rule.category, title: category?.title ?? { zh: rule.category, en: rule.category } },
      citation: {
        documentId: document.id,
        version: document.version,
        number: document.number,
        article: rule.citation.article,
        item: rule.citation.item,
        subItem: rule.citation.subItem ?? null,
        label: rule.citation.label,
      },
    };
    ruleConstants.set(rule, constants);
  }
  return constants;
};

/** Applicability as a finding states it: TRUE, FALSE or UNKNOWN (as null). */
export const applicableOf = (compiledRule: CompiledRule, scope: Scope): Tri => (compiledRule.applicability ? compiledRule.applicability.evaluate(scope) : TRUE);

export const statusOfOutcome = (outcome: Tri): Status => statusOf[outcomeNames[outcome]!];

/**
 * One finding, its outcome and applicability already decided. When anything is left to build — the
 * reasons, or the facts an unknown still needs — it is a LazyFinding whose fields are built when first
 * read; otherwise it is a plain object.
 */
export const buildFinding = (
  document: LoadedDocument,
  compiled: CompiledDocument,
  compiledRule: CompiledRule,
  scope: Scope,
  explain: Explain,
  outcome: Tri,
  applicableOutcome: Tri,
): Finding => {
  const rule = compiledRule.rule;
  const applicable = applicableOutcome === UNKNOWN ? null : applicableOutcome === TRUE;
  const status = statusOfOutcome(outcome);
  const constants = constantsOf(document, rule);
  if (explain !== 'none' || outcome === UNKNOWN) return new LazyFinding(rule, status, applicable, constants, compiled, compiledRule, scope, explain);
  return {
    ruleId: rule.id,
    status,
    applicable,
    verified: rule.verified,
    title: constants.title,
    category: constants.category,
    citation: constants.citation,
    partOf: rule.partOf ?? null,
    missingFacts: [],
    reasons: [],
    explanation: explanationOf(status, applicable, []),
    readings: rule.readings,
  };
};

/** One finding: its outcome decided now, the rest as buildFinding says. */
export const findingOf = (document: LoadedDocument, compiled: CompiledDocument, compiledRule: CompiledRule, scope: Scope, explain: Explain): Finding =>
  buildFinding(document, compiled, compiledRule, scope, explain, compiled.outcomeOf(compiledRule, scope), applicableOf(compiledRule, scope));

/**
 * A finding whose missing facts, reasons and explanation are built when first read, then kept. They are
 * own enumerable accessors placed where the plain fields stand, so JSON, spreading, structured cloning and
 * deep equality see the same fields in the same order as a plain finding. The accessor functions are shared
 * by every instance (one descriptor each), which keeps construction cheap; the state is in private fields.
 * The facts read later are validation's copy, so a later change to the caller's object alters nothing.
 */
class LazyFinding {
  declare ruleId: string;
  declare status: Status;
  declare applicable: boolean | null;
  declare verified: boolean;
  declare title: Bilingual;
  declare category: RuleConstants['category'];
  declare citation: FindingCitation;
  declare partOf: string | null;
  declare missingFacts: string[];
  declare reasons: LeafReason[];
  declare explanation: Bilingual;
  declare readings: Bilingual[];
  #compiled: CompiledDocument;
  #rule: CompiledRule;
  #scope: Scope;
  #explain: Explain;
  #status: Status;
  #applicable: boolean | null;
  #missing: string[] | undefined = undefined;
  #stillMissing: string[] | undefined = undefined;
  #reasons: LeafReason[] | undefined = undefined;
  #explanation: Bilingual | undefined = undefined;

  static readonly #missingFacts: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyFinding) {
      return (this.#missing ??= this.#missingNow());
    },
    set(this: LazyFinding, value: string[]) {
      this.#missing = value;
    },
  };
  static readonly #reasonsDescriptor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyFinding) {
      return (this.#reasons ??= this.#explain === 'none' ? [] : this.#compiled.reasonsOf(this.#rule.test, this.#scope, this.#explain));
    },
    set(this: LazyFinding, value: LeafReason[]) {
      this.#reasons = value;
    },
  };
  static readonly #explanationDescriptor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyFinding) {
      return (this.#explanation ??= explanationOf(this.#status, this.#applicable, this.#missingNow()));
    },
    set(this: LazyFinding, value: Bilingual) {
      this.#explanation = value;
    },
  };

  constructor(rule: Rule, status: Status, applicable: boolean | null, constants: RuleConstants, compiled: CompiledDocument, compiledRule: CompiledRule, scope: Scope, explain: Explain) {
    this.#compiled = compiled;
    this.#rule = compiledRule;
    this.#scope = scope;
    this.#explain = explain;
    this.#status = status;
    this.#applicable = applicable;
    this.ruleId = rule.id;
    this.status = status;
    this.applicable = applicable;
    this.verified = rule.verified;
    this.title = constants.title;
    this.category = constants.category;
    this.citation = constants.citation;
    this.partOf = rule.partOf ?? null;
    Object.defineProperty(this, 'missingFacts', LazyFinding.#missingFacts);
    Object.defineProperty(this, 'reasons', LazyFinding.#reasonsDescriptor);
    Object.defineProperty(this, 'explanation', LazyFinding.#explanationDescriptor);
    this.readings = rule.readings;
  }

  /** The facts an unknown still needs, as first found (an assignment to missingFacts does not change it). */
  #missingNow(): string[] {
    return (this.#stillMissing ??= this.#status === 'unknown' ? this.#compiled.missingFactsOf(this.#rule.test, this.#scope) : []);
  }
}
