// assess(): the documents in force on a date, every rule three-valued with its reasons and citation.
import type { Bilingual, RuleDocument } from '../documents/format.js';
import { documentsInForce, loadRulesData, type LoadedDocument } from '../documents/load.js';
import { describeDefinedFact, factsValidatorOfSector, finiteDomainsOfSector, hasVocabulary } from '../facts/definitions.js';
import { InputError } from '../validation/issues.js';
import { compileDocument, FALSE, TRUE, type CompiledDocument, type Scope, type Tri } from './compiled.js';
import { applicableOf, buildFinding, findingOf } from './finding.js';
import { AssessmentWithLazyFindings } from './lazy-findings.js';
import type { LeafReason } from './three-valued.js';
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
  const findings = new Array<Finding>(rules.length);
  for (let index = 0; index < rules.length; index += 1) findings[index] = findingOf(document, compiled, rules[index]!, scope, explain);
  return findings;
};

let assessableSectors: { data: ReturnType<typeof loadRulesData>; ids: Set<string> } | undefined;
export const knownSector = (sector: unknown): string => {
  const data = loadRulesData();
  // The sectors that have a vocabulary, found once per load of rules-data rather than on every call.
  if (assessableSectors?.data !== data) assessableSectors = { data, ids: new Set(data.sectors.map((candidate) => candidate.id).filter((id) => hasVocabulary(id))) };
  if (typeof sector !== 'string' || !assessableSectors.ids.has(sector)) {
    throw new InputError([{ path: 'sector', message: `unknown sector ${JSON.stringify(sector)}; expected one of: ${[...assessableSectors.ids].join(', ')}` }]);
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

/** Which findings an assessment lists: all (the default), all but the clear ones, or only hazards. */
export type FindingsKept = 'all' | 'not-clear' | 'hazards';

/** assess() without the promise: what batches and workers call. */
export const assessNow = (sector: string, facts: unknown, options: AssessOptions = {}, kept: FindingsKept = 'all'): Assessment => {
  const sectorId = knownSector(sector);
  const asOf = resolveAsOf(options.asOf);
  const explain = options.explain ?? 'all';
  if (!explainModes.includes(explain)) throw new InputError([{ path: 'options.explain', message: `expected one of: ${explainModes.join(', ')}, got ${JSON.stringify(explain)}` }]);
  const validFacts = factsValidatorOfSector(sectorId)(facts);
  const documents = documentsInForce(sectorId, asOf);
  const evaluations = documents.map((document) => evaluateDocument(document, validFacts));
  const described = describedDocuments(documents, asOf);
  return new LazyAssessment(sectorId, asOf, described.documents, described.notices, evaluations, explain, kept);
};

/** One document evaluated: each rule's outcome and applicability decided, its finding not yet built. */
interface Evaluation {
  document: LoadedDocument;
  compiled: CompiledDocument;
  scope: Scope;
  outcomes: Uint8Array;
  applicability: Uint8Array;
}

const evaluateDocument = (document: LoadedDocument, facts: Record<string, unknown>): Evaluation => {
  const compiled = compiledDocumentFor(document);
  const scope = compiled.newScope(facts);
  const rules = compiled.rules;
  const outcomes = new Uint8Array(rules.length);
  const applicability = new Uint8Array(rules.length);
  for (let index = 0; index < rules.length; index += 1) {
    outcomes[index] = compiled.outcomeOf(rules[index]!, scope);
    applicability[index] = applicableOf(rules[index]!, scope);
  }
  return { document, compiled, scope, outcomes, applicability };
};

const keeps: Record<FindingsKept, (outcome: number) => boolean> = {
  all: () => true,
  'not-clear': (outcome) => outcome !== FALSE,
  hazards: (outcome) => outcome === TRUE,
};

/** Counts first-level items; hazards are also split by whether the item's text is verified. */
const summaryOf = (evaluations: readonly Evaluation[]): Assessment['summary'] => {
  const summary = { hazard: 0, clear: 0, unknown: 0, notApplicable: 0, unverified: 0, hazardVerified: 0, hazardUnverified: 0 };
  for (const { compiled, outcomes, applicability } of evaluations) {
    for (let index = 0; index < outcomes.length; index += 1) {
      const rule = compiled.rules[index]!.rule;
      if (rule.partOf !== undefined && rule.partOf !== null) continue;
      const outcome = outcomes[index];
      if (outcome === TRUE) {
        summary.hazard += 1;
        if (rule.verified) summary.hazardVerified += 1;
        else summary.hazardUnverified += 1;
      } else if (outcome === FALSE) summary.clear += 1;
      else summary.unknown += 1;
      if (applicability[index] === FALSE) summary.notApplicable += 1;
      if (!rule.verified) summary.unverified += 1;
    }
  }
  return summary;
};

/** assess()'s result: the summary is counted at once from the outcomes; findings are built when first read. */
class LazyAssessment extends AssessmentWithLazyFindings {
  #evaluations: Evaluation[];
  #explain: Explain;
  #kept: FindingsKept;

  constructor(sector: string, asOf: string, documents: DocumentInForce[], notices: Notice[], evaluations: Evaluation[], explain: Explain, kept: FindingsKept) {
    super(sector, asOf, documents, notices, summaryOf(evaluations));
    this.#evaluations = evaluations;
    this.#explain = explain;
    this.#kept = kept;
  }

  protected buildFindings(): Finding[] {
    const findings: Finding[] = [];
    const keep = keeps[this.#kept];
    for (const { document, compiled, scope, outcomes, applicability } of this.#evaluations) {
      for (let index = 0; index < outcomes.length; index += 1) {
        const outcome = outcomes[index] as Tri;
        if (keep(outcome)) findings.push(buildFinding(document, compiled, compiled.rules[index]!, scope, this.#explain, outcome, applicability[index] as Tri));
      }
    }
    return findings;
  }
}

const described = new WeakMap<LoadedDocument[], Map<string, { documents: DocumentInForce[]; notices: Notice[] }>>();
/** What the assessment says about the documents in force, built once per set of documents and date. */
const describedDocuments = (documents: LoadedDocument[], asOf: string): { documents: DocumentInForce[]; notices: Notice[] } => {
  let byDate = described.get(documents);
  if (!byDate) described.set(documents, (byDate = new Map()));
  let result = byDate.get(asOf);
  if (!result) byDate.set(asOf, (result = { documents: documents.map(describeDocument), notices: noticesFor(documents, asOf) }));
  return { documents: [...result.documents], notices: [...result.notices] };
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
