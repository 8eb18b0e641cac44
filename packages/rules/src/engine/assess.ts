// assess(): the documents in force on a date, every rule three-valued with its reasons and citation.
import type { Bilingual, Condition, Rule } from '../documents/format.js';
import { documentsInForce, loadRulesData, type LoadedDocument } from '../documents/load.js';
import { describeFact, validateFacts, vocabularyFor } from '../facts/vocabulary.js';
import { InputError } from '../validation/issues.js';
import { firedRuleIds } from './json-rules-engine.js';
import { applicabilityOf, fullTestOf } from './rule-tests.js';
import { evaluateCondition, leavesOf, missingFactsOf, type EvaluationContext, type LeafReason, type Outcome } from './three-valued.js';
import { resolveAsOf } from './as-of.js';
import type { FactsOf } from '../generated/fact-types.js';

export type Status = 'hazard' | 'clear' | 'unknown';

export interface FindingCitation {
  documentId: string;
  version: string;
  number: string;
  article: number | string;
  item: number | string | null;
  subItem: number | string | null;
  label: string;
}

export interface Finding {
  ruleId: string;
  status: Status;
  /** false: the rule does not apply here (it is then clear); null: applicability itself is unknown. */
  applicable: boolean | null;
  verified: boolean;
  title: Bilingual;
  category: { id: string; title: Bilingual };
  citation: FindingCitation;
  /** The item this sub-item belongs to. */
  partOf: string | null;
  missingFacts: string[];
  /** One reason per condition, every condition included. */
  reasons: LeafReason[];
  explanation: Bilingual;
  readings: Bilingual[];
}

export interface DocumentInForce {
  id: string;
  version: string;
  number: string;
  title: Bilingual;
  effectiveFrom: string;
  effectiveTo: string | null;
  itemsAvailable: boolean | 'partial';
  supplementTo: string | null;
}

export interface Notice {
  kind: 'text-not-available' | 'text-partial' | 'no-document-in-force' | 'unverified-items';
  documentId: string | null;
  message: Bilingual;
}

export interface Assessment {
  sector: string;
  asOf: string;
  documents: DocumentInForce[];
  notices: Notice[];
  findings: Finding[];
  /** Counts first-level items only (sub-items are reported, and make their item fire, but are not counted twice). */
  summary: { hazard: number; clear: number; unknown: number; notApplicable: number; unverified: number };
}

const statusOf: Record<Outcome, Status> = { true: 'hazard', false: 'clear', unknown: 'unknown' };

const explain = (status: Status, applicable: boolean | null, missing: string[]): Bilingual => {
  if (applicable === false) return { zh: '本项不适用于所填情况。', en: 'This item does not apply to the situation described.' };
  if (status === 'hazard') return { zh: '构成重大事故隐患：判定条件均已成立。', en: 'A major accident hazard: the conditions of this item hold.' };
  if (status === 'clear') return { zh: '不构成：判定条件不成立。', en: 'Clear: the conditions of this item do not hold.' };
  return {
    zh: `尚不能判定，需查明：${missing.join('、')}。`,
    en: `Cannot be decided yet; find out: ${missing.join(', ')}.`,
  };
};

const describeDocument = (document: LoadedDocument): DocumentInForce => ({
  id: document.id,
  version: document.version,
  number: document.number,
  title: document.title,
  effectiveFrom: document.effectiveFrom,
  effectiveTo: document.effectiveTo,
  itemsAvailable: document.itemsAvailable,
  supplementTo: document.supplementTo,
});

const noticesFor = (documents: LoadedDocument[], asOf: string): Notice[] => {
  if (documents.length === 0) {
    return [{ kind: 'no-document-in-force', documentId: null, message: { zh: `${asOf} 无本行业现行判定标准可用。`, en: `No criteria of this sector in force on ${asOf}.` } }];
  }
  return documents.flatMap((document): Notice[] => {
    const name = `${document.title.zh}（${document.number}）`;
    const notices: Notice[] = [];
    if (document.itemsAvailable === false) {
      notices.push({
        kind: 'text-not-available',
        documentId: document.id,
        message: {
          zh: `${asOf} 适用${name}，但其条文尚未收录，无法判定；不会改用旧版本。`,
          en: `${document.title.en} (${document.number}) applies on ${asOf}, but its text is not available to us: nothing is decided, and the older version is not applied instead.`,
        },
      });
    } else if (document.itemsAvailable === 'partial') {
      notices.push({
        kind: 'text-partial',
        documentId: document.id,
        message: { zh: `${name}仅部分条文已收录，未收录的情形不在本报告中。`, en: `Only part of ${document.title.en} is available; items not available are not in this report.` },
      });
    }
    const unverified = document.rules.filter((rule) => !rule.verified).length;
    if (unverified > 0) {
      notices.push({
        kind: 'unverified-items',
        documentId: document.id,
        message: { zh: `${name}有${unverified}项条文未经核实，结论仅供参考。`, en: `${unverified} items of ${document.title.en} have unverified text; treat their results with care.` },
      });
    }
    return notices;
  });
};

/** Evaluates every rule of one document (or only `ruleIds`) on validated facts. */
export const assessDocument = async (
  document: LoadedDocument,
  facts: Record<string, unknown>,
  ruleIds?: readonly string[],
): Promise<Finding[]> => {
  const vocabulary = vocabularyFor(document.sector);
  if (!vocabulary) throw new Error(`no fact vocabulary for sector ${document.sector}`);
  const rulesById = new Map(document.rules.map((rule) => [rule.id, rule]));
  const context: EvaluationContext = {
    document,
    facts,
    describe: (fact) => describeFact(vocabulary, document, fact),
    resolve: (name): Condition => {
      const shared = document.sharedConditions[name];
      if (shared) return shared.conditions;
      const rule = rulesById.get(name);
      if (!rule) throw new Error(`${document.file}: condition refers to unknown rule ${name}`);
      return fullTestOf(document, rule);
    },
  };
  const fired = await firedRuleIds(document, facts, ruleIds);
  const rules = ruleIds ? document.rules.filter((rule) => ruleIds.includes(rule.id)) : document.rules;
  return rules.map((rule: Rule): Finding => {
    const trace = evaluateCondition(fullTestOf(document, rule), context);
    // json-rules-engine decides the verdict; the three-valued pass adds "unknown" and the reasons. When
    // the pass is decided it must agree with the engine, or the data or an operator is broken.
    if (trace.outcome !== 'unknown' && (trace.outcome === 'true') !== fired.has(rule.id)) {
      throw new Error(`${rule.id}: json-rules-engine and the three-valued evaluation disagree`);
    }
    const applicability = applicabilityOf(document, rule);
    const applicableOutcome = applicability ? evaluateCondition(applicability, context).outcome : 'true';
    const applicable = applicableOutcome === 'unknown' ? null : applicableOutcome === 'true';
    const status = statusOf[trace.outcome];
    const missingFacts = missingFactsOf(trace);
    const category = document.categories.find((candidate) => candidate.id === rule.category);
    return {
      ruleId: rule.id,
      status,
      applicable,
      verified: rule.verified,
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
      partOf: rule.partOf ?? null,
      missingFacts,
      reasons: leavesOf(trace),
      explanation: explain(status, applicable, missingFacts),
      readings: rule.readings,
    };
  });
};

export const knownSector = (sector: unknown): string => {
  const sectors = loadRulesData().sectors.map((candidate) => candidate.id);
  if (typeof sector !== 'string' || !sectors.includes(sector) || !vocabularyFor(sector)) {
    const assessable = sectors.filter((id) => vocabularyFor(id));
    throw new InputError([{ path: 'sector', message: `unknown sector ${JSON.stringify(sector)}; expected one of: ${assessable.join(', ')}` }]);
  }
  return sector;
};

/** Assesses facts about one enterprise or site against every document of its sector in force on `asOf`. */
export const assess = async <S extends string>(sector: S, facts: FactsOf<S>, options: { asOf?: string } = {}): Promise<Assessment> => {
  const sectorId = knownSector(sector);
  const asOf = resolveAsOf(options.asOf);
  const validFacts = validateFacts(vocabularyFor(sectorId)!, facts);
  const documents = documentsInForce(sectorId, asOf);
  const findings = (await Promise.all(documents.map((document) => assessDocument(document, validFacts)))).flat();
  const firstLevel = findings.filter((finding) => finding.partOf === null);
  const count = (status: Status) => firstLevel.filter((finding) => finding.status === status).length;
  return {
    sector: sectorId,
    asOf,
    documents: documents.map(describeDocument),
    notices: noticesFor(documents, asOf),
    findings,
    summary: {
      hazard: count('hazard'),
      clear: count('clear'),
      unknown: count('unknown'),
      notApplicable: firstLevel.filter((finding) => finding.applicable === false).length,
      unverified: firstLevel.filter((finding) => !finding.verified).length,
    },
  };
};

/**
 * Evaluates some rules of one document version on facts (validated against the sector's vocabulary),
 * for tools that ask about single items, such as the exam generator.
 */
export const assessRules = async (
  document: { id: string; version: string },
  facts: unknown,
  ruleIds?: readonly string[],
): Promise<Finding[]> => {
  const loaded = loadRulesData().documents.find((candidate) => candidate.id === document.id && candidate.version === document.version);
  if (!loaded) throw new InputError([{ path: 'document', message: `unknown document ${document.id}@${document.version}` }]);
  return assessDocument(loaded, validateFacts(vocabularyFor(loaded.sector)!, facts), ruleIds);
};
