// The shape of an assessment whose findings are built when first read, shared by assess() and the batch's rebuilt results.
import type { Assessment, DocumentInForce, Finding, Notice } from './assess.js';

/**
 * `findings` is an own enumerable accessor standing where the plain field stands, so JSON, spreading,
 * structured cloning and deep equality see the same fields in the same order as a plain object; a caller that
 * reads only the summary (a screening) never pays for finding objects. Subclasses say how to build them.
 */
export abstract class AssessmentWithLazyFindings implements Assessment {
  declare sector: string;
  declare asOf: string;
  declare documents: DocumentInForce[];
  declare notices: Notice[];
  declare findings: Finding[];
  declare summary: Assessment['summary'];
  #findings: Finding[] | undefined = undefined;

  static readonly #findingsDescriptor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: AssessmentWithLazyFindings) {
      return (this.#findings ??= this.buildFindings());
    },
    set(this: AssessmentWithLazyFindings, value: Finding[]) {
      this.#findings = value;
    },
  };

  protected constructor(sector: string, asOf: string, documents: DocumentInForce[], notices: Notice[], summary: Assessment['summary']) {
    this.sector = sector;
    this.asOf = asOf;
    this.documents = documents;
    this.notices = notices;
    Object.defineProperty(this, 'findings', AssessmentWithLazyFindings.#findingsDescriptor);
    this.summary = summary;
  }

  /** Called once, on the first read of `findings`. */
  protected abstract buildFindings(): Finding[];
}
