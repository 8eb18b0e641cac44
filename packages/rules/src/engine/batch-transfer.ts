// The compact form in which a worker of assessMany() sends a chunk's results, and the result objects the
// calling thread rebuilds from it: what every finding of a rule shares goes once per worker, the rest as
// numbers in one transferred buffer, and findings are built only when a result's `findings` is read.
import type { Assessment, DocumentInForce, Finding, Notice, Status } from './assess.js';
import { explanationOf } from './finding.js';
import { AssessmentWithLazyFindings } from './lazy-findings.js';
import type { LeafReason } from './three-valued.js';
import type { InputIssue } from '../validation/issues.js';

/** An item that could not be assessed (defined here, re-exported by batch.ts, so both ends share it). */
export interface ItemError {
  kind: 'item-error';
  index: number;
  issues: InputIssue[];
  message: string;
}

/** What every finding of one rule shares: sent once per worker, the first time the rule is found. */
export type RuleRow = Pick<Finding, 'ruleId' | 'verified' | 'title' | 'category' | 'citation' | 'partOf' | 'readings'>;

/** What every assessment of one sector, date and set of documents shares: sent once per worker. */
export interface HeaderRow {
  sector: string;
  asOf: string;
  documents: DocumentInForce[];
  notices: Notice[];
  /** The summary's fields in order: its values travel as numbers. */
  summaryKeys: string[];
}

/**
 * One chunk's results. `numbers` holds, per item, either
 * `0, header, …summary values, finding count, (rule, status, applicable, extra) per finding` or `1, extra`;
 * `extras` holds item errors and, for a finding, its missing facts and reasons when it has any.
 */
export interface PackedResults {
  newRules: RuleRow[];
  newHeaders: HeaderRow[];
  numbers: Int32Array;
  extras: unknown[];
}

interface FindingExtra {
  missingFacts?: string[];
  reasons?: LeafReason[];
}

const statuses: readonly Status[] = ['hazard', 'clear', 'unknown'];
const statusCodes: Record<Status, number> = { hazard: 0, clear: 1, unknown: 2 };
const applicables: readonly (boolean | null)[] = [true, false, null];
const OK = 0;
const ERROR = 1;
const NO_EXTRA = -1;

/** The worker's end: one per worker, so that each rule and header is sent once in its life. */
export class ResultPacker {
  #rules = new Map<string, number>();
  #rows: { ruleId: string }[] = [];
  #byCitation = new WeakMap<object, number>();
  #headers = new Map<string, number>();

  pack(results: readonly (Assessment | ItemError)[], withReasons: boolean): PackedResults {
    const packed: PackedResults = { newRules: [], newHeaders: [], numbers: new Int32Array(0), extras: [] };
    const known = { rules: this.#rules.size, headers: this.#headers.size };
    try {
      return this.#pack(results, withReasons, packed);
    } catch (error) {
      // Nothing of a chunk that failed is sent: forget its new rules and headers, or later chunks would refer to them.
      for (const [key, index] of this.#rules) if (index >= known.rules) this.#rules.delete(key);
      this.#rows.length = known.rules;
      this.#byCitation = new WeakMap();
      for (const [key, index] of this.#headers) if (index >= known.headers) this.#headers.delete(key);
      throw error;
    }
  }

  #pack(results: readonly (Assessment | ItemError)[], withReasons: boolean, packed: PackedResults): PackedResults {
    const numbers: number[] = [];
    for (const result of results) {
      if ((result as ItemError).kind === 'item-error') {
        numbers.push(ERROR, packed.extras.push(result) - 1);
        continue;
      }
      const assessment = result as Assessment;
      numbers.push(OK, this.#headerOf(assessment, packed));
      for (const value of Object.values(assessment.summary)) numbers.push(value);
      // Reading findings here builds them (the worker cannot send a closure over its facts).
      const findings = assessment.findings;
      numbers.push(findings.length);
      for (const finding of findings) {
        const extra: FindingExtra = {};
        if (finding.status === 'unknown' && finding.missingFacts.length > 0) extra.missingFacts = finding.missingFacts;
        if (withReasons && finding.reasons.length > 0) extra.reasons = finding.reasons;
        numbers.push(
          this.#ruleOf(finding, packed),
          statusCodes[finding.status],
          finding.applicable === true ? 0 : finding.applicable === false ? 1 : 2,
          extra.missingFacts || extra.reasons ? packed.extras.push(extra) - 1 : NO_EXTRA,
        );
      }
    }
    packed.numbers = Int32Array.from(numbers);
    return packed;
  }

  #ruleOf(finding: Finding, packed: PackedResults): number {
    // Findings of one rule share their citation object: found by it without building a key string.
    const known = this.#byCitation.get(finding.citation);
    if (known !== undefined && this.#rows[known]!.ruleId === finding.ruleId) return known;
    const key = `${finding.citation.documentId}@${finding.citation.version}#${finding.ruleId}`;
    let index = this.#rules.get(key);
    if (index !== undefined) this.#byCitation.set(finding.citation, index);
    else {
      const { ruleId, verified, title, category, citation, partOf, readings } = finding;
      index = this.#rules.size;
      this.#rules.set(key, index);
      packed.newRules.push({ ruleId, verified, title, category, citation, partOf, readings });
      this.#rows[index] = { ruleId };
      this.#byCitation.set(finding.citation, index);
    }
    return index;
  }

  #headerOf(assessment: Assessment, packed: PackedResults): number {
    const key = `${assessment.sector}|${assessment.asOf}|${assessment.documents.map((document) => `${document.id}@${document.version}`).join(',')}`;
    let index = this.#headers.get(key);
    if (index === undefined) {
      index = this.#headers.size;
      this.#headers.set(key, index);
      const { sector, asOf, documents, notices, summary } = assessment;
      packed.newHeaders.push({ sector, asOf, documents, notices, summaryKeys: Object.keys(summary) });
    }
    return index;
  }
}

/** The calling thread's end: one per worker, holding the rules and headers that worker has sent so far. */
export class ResultUnpacker {
  #rules: RuleRow[] = [];
  #headers: HeaderRow[] = [];

  /** Must see a worker's messages in the order it sent them (a worker's port keeps that order). */
  unpack(packed: PackedResults): (Assessment | ItemError)[] {
    this.#rules.push(...packed.newRules);
    this.#headers.push(...packed.newHeaders);
    const { numbers, extras } = packed;
    const results: (Assessment | ItemError)[] = [];
    let at = 0;
    while (at < numbers.length) {
      if (numbers[at] === ERROR) {
        results.push(extras[numbers[at + 1]!] as ItemError);
        at += 2;
        continue;
      }
      const header = this.#headers[numbers[at + 1]!]!;
      at += 2;
      const summary: Record<string, number> = {};
      for (const key of header.summaryKeys) summary[key] = numbers[at++]!;
      const count = numbers[at++]!;
      results.push(new PackedAssessment(header, summary as Assessment['summary'], numbers.subarray(at, at + count * 4), extras, this.#rules));
      at += count * 4;
    }
    return results;
  }
}

/**
 * An assessment rebuilt from the compact form. Like assess()'s own results its `findings` is an own
 * enumerable accessor in the place of the plain field, built when first read, so that JSON, spreading,
 * structured cloning and deep equality see the same fields in the same order.
 */
class PackedAssessment extends AssessmentWithLazyFindings {
  #numbers: Int32Array;
  #extras: unknown[];
  #rules: RuleRow[];

  constructor(header: HeaderRow, summary: Assessment['summary'], numbers: Int32Array, extras: unknown[], rules: RuleRow[]) {
    // Each result gets its own arrays, as assess() gives them, so that changing one changes no other.
    super(header.sector, header.asOf, [...header.documents], [...header.notices], summary);
    this.#numbers = numbers;
    this.#extras = extras;
    this.#rules = rules;
  }

  protected buildFindings(): Finding[] {
    const numbers = this.#numbers;
    const findings = new Array<Finding>(numbers.length / 4);
    for (let at = 0; at < numbers.length; at += 4) {
      const rule = this.#rules[numbers[at]!]!;
      const status = statuses[numbers[at + 1]!]!;
      const applicable = applicables[numbers[at + 2]!]!;
      const extra = numbers[at + 3] === NO_EXTRA ? {} : (this.#extras[numbers[at + 3]!] as FindingExtra);
      const missingFacts = extra.missingFacts ?? [];
      findings[at / 4] = {
        ruleId: rule.ruleId,
        status,
        applicable,
        verified: rule.verified,
        title: rule.title,
        category: rule.category,
        citation: rule.citation,
        partOf: rule.partOf,
        missingFacts,
        reasons: extra.reasons ?? [],
        explanation: explanationOf(status, applicable, missingFacts),
        readings: rule.readings,
      };
    }
    return findings;
  }
}
