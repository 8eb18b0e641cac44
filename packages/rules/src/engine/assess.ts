// assess(): the documents in force on a date, every rule three-valued with its reasons and citation.
import type { Bilingual, Rule, RuleDocument } from '../documents/format.js';
import { documentsInForce, loadRulesData, type LoadedDocument } from '../documents/load.js';
import { describeDefinedFact, factsValidatorOfSector, finiteDomainsOfSector, hasVocabulary } from '../facts/definitions.js';
import { InputError } from '../validation/issues.js';
import { compileDocument, outcomeNames, TRUE, UNKNOWN, type CompiledDocument } from './compiled.js';
import type { LeafReason, Outcome } from './three-valued.js';
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
  summary: {
    hazard: number;
    clear: number;
    unknown: number;
    notApplicable: number;
    unverified: number;
    /** Hazards on items whose text is verified, and on items marked unverified (together: `hazard`). */
    hazardVerified: number;
    hazardUnverified: number;
  };
}

const statusOf: Record<Outcome, Status> = { true: 'hazard', false: 'clear', unknown: 'unknown' };

const notApplicableText: Bilingual = { zh: '本项不适用于所填情况。', en: 'This item does not apply to the situation described.' };
const hazardText: Bilingual = { zh: '构成重大事故隐患：判定条件均已成立。', en: 'A major accident hazard: the conditions of this item hold.' };
const clearText: Bilingual = { zh: '不构成：判定条件不成立。', en: 'Clear: the conditions of this item do not hold.' };
const explanationOf = (status: Status, applicable: boolean | null, missing: string[]): Bilingual => {
  if (applicable === false) return notApplicableText;
  if (status === 'hazard') return hazardText;
  if (status === 'clear') return clearText;
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

export type Explain = 'all' | 'decided' | 'none';

export interface AssessOptions {
  asOf?: string;
  /**
   * Which reasons each finding carries: every condition ('all', the default), only the conditions that
   * decide its status ('decided'), or none ('none', for screening many enterprises).
   */
  explain?: Explain;
  /** Also run json-rules-engine and throw if a decided verdict differs from it (for debugging the data). */
  crossCheck?: boolean;
}

const compiledDocuments = new WeakMap<RuleDocument, CompiledDocument>();

/** A document compiled once, on first use. */
export const compiledDocumentFor = (document: LoadedDocument): CompiledDocument => {
  let compiled = compiledDocuments.get(document);
  if (!compiled) {
    // Read from the facts.json definitions: no zod object is built on the way to a first result.
    if (!hasVocabulary(document.sector)) throw new Error(`no fact vocabulary for sector ${document.sector}`);
    compiled = compileDocument(document, (fact) => describeDefinedFact(document.sector, document, fact), finiteDomainsOfSector(document.sector));
    compiledDocuments.set(document, compiled);
  }
  return compiled;
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

/** Evaluates every rule of one document (or only `ruleIds`) on validated facts. */
export const assessDocument = async (
  document: LoadedDocument,
  facts: Record<string, unknown>,
  ruleIds?: readonly string[],
  options: Pick<AssessOptions, 'explain' | 'crossCheck'> = {},
): Promise<Finding[]> => {
  const findings = findingsOf(document, facts, ruleIds, options.explain ?? 'all');
  if (options.crossCheck) {
    const { firedRuleIds } = await import('./reference-engine.js');
    const fired = await firedRuleIds(document, facts, ruleIds);
    for (const finding of findings) {
      if (finding.status !== 'unknown' && (finding.status === 'hazard') !== fired.has(finding.ruleId)) {
        throw new Error(`${finding.ruleId}: json-rules-engine and the three-valued evaluation disagree`);
      }
    }
  }
  return findings;
};

/** The synchronous heart of assess: compiled evaluation, reasons as asked. */
export const findingsOf = (document: LoadedDocument, facts: Record<string, unknown>, ruleIds: readonly string[] | undefined, explain: Explain): Finding[] => {
  const compiled = compiledDocumentFor(document);
  const scope = compiled.newScope(facts);
  const rules = ruleIds
    ? ruleIds.map((id) => {
        const rule = compiled.rulesById.get(id);
        if (!rule) throw new InputError([{ path: 'ruleIds', message: `unknown rule ${id} in ${document.id}@${document.version}` }]);
        return rule;
      })
    : compiled.rules;
  return rules.map((compiledRule): Finding => {
    const { rule, applicability, test } = compiledRule;
    const outcome = compiled.outcomeOf(compiledRule, scope);
    const applicableOutcome = applicability ? applicability.evaluate(scope) : TRUE;
    const applicable = applicableOutcome === UNKNOWN ? null : applicableOutcome === TRUE;
    const status = statusOf[outcomeNames[outcome]!];
    const missingFacts = outcome === UNKNOWN ? compiled.missingFactsOf(test, scope) : [];
    const constants = constantsOf(document, rule);
    return {
      ruleId: rule.id,
      status,
      applicable,
      verified: rule.verified,
      title: constants.title,
      category: constants.category,
      citation: constants.citation,
      partOf: rule.partOf ?? null,
      missingFacts,
      reasons: explain === 'none' ? [] : compiled.reasonsOf(test, scope, explain),
      explanation: explanationOf(status, applicable, missingFacts),
      readings: rule.readings,
    };
  });
};

export const knownSector = (sector: unknown): string => {
  const sectors = loadRulesData().sectors.map((candidate) => candidate.id);
  if (typeof sector !== 'string' || !sectors.includes(sector) || !hasVocabulary(sector)) {
    const assessable = sectors.filter((id) => hasVocabulary(id));
    throw new InputError([{ path: 'sector', message: `unknown sector ${JSON.stringify(sector)}; expected one of: ${assessable.join(', ')}` }]);
  }
  return sector;
};

/** Assesses facts about one enterprise or site against every document of its sector in force on `asOf`. */
export const assess = async <S extends string>(sector: S, facts: FactsOf<S>, options: AssessOptions = {}): Promise<Assessment> => {
  const assessment = assessNow(sector, facts, options);
  if (options.crossCheck) {
    for (const document of documentsInForce(assessment.sector, assessment.asOf)) {
      await assessDocument(document, factsValidatorOfSector(assessment.sector)(facts), undefined, { explain: 'none', crossCheck: true });
    }
  }
  return assessment;
};

const explainModes: readonly Explain[] = ['all', 'decided', 'none'];

/** assess() without the promise: what batches and workers call. */
export const assessNow = (sector: string, facts: unknown, options: AssessOptions = {}): Assessment => {
  const sectorId = knownSector(sector);
  const asOf = resolveAsOf(options.asOf);
  const explain = options.explain ?? 'all';
  if (!explainModes.includes(explain)) throw new InputError([{ path: 'options.explain', message: `expected one of: ${explainModes.join(', ')}, got ${JSON.stringify(explain)}` }]);
  const validFacts = factsValidatorOfSector(sectorId)(facts);
  const documents = documentsInForce(sectorId, asOf);
  const findings = documents.length === 1 ? findingsOf(documents[0]!, validFacts, undefined, explain) : documents.flatMap((document) => findingsOf(document, validFacts, undefined, explain));
  const described = describedDocuments(documents, asOf);
  return {
    sector: sectorId,
    asOf,
    documents: described.documents,
    notices: described.notices,
    findings,
    summary: summaryOf(findings),
  };
};

const described = new WeakMap<LoadedDocument[], Map<string, { documents: DocumentInForce[]; notices: Notice[] }>>();
/** What the assessment says about the documents in force, built once per set of documents and date. */
const describedDocuments = (documents: LoadedDocument[], asOf: string): { documents: DocumentInForce[]; notices: Notice[] } => {
  let byDate = described.get(documents);
  if (!byDate) described.set(documents, (byDate = new Map()));
  let result = byDate.get(asOf);
  if (!result) byDate.set(asOf, (result = { documents: documents.map(describeDocument), notices: noticesFor(documents, asOf) }));
  return { documents: [...result.documents], notices: [...result.notices] };
};

/** Counts first-level items; hazards are also split by whether the item's text is verified. */
const summaryOf = (findings: readonly Finding[]): Assessment['summary'] => {
  const summary = { hazard: 0, clear: 0, unknown: 0, notApplicable: 0, unverified: 0, hazardVerified: 0, hazardUnverified: 0 };
  for (const finding of findings) {
    if (finding.partOf !== null) continue;
    summary[finding.status] += 1;
    if (finding.applicable === false) summary.notApplicable += 1;
    if (!finding.verified) summary.unverified += 1;
    if (finding.status === 'hazard') {
      if (finding.verified) summary.hazardVerified += 1;
      else summary.hazardUnverified += 1;
    }
  }
  return summary;
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
  return assessDocument(loaded, factsValidatorOfSector(loaded.sector)(facts), ruleIds);
};
