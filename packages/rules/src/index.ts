// @anquan/rules: the public contract (see DESIGN.md). Nothing else lives here.
export { listSectors, listDocuments, type DocumentInfo } from './documents/catalogue.js';
export type { Sector } from './documents/load.js';
export { factsSchema } from './facts/facts-schema.js';
export type * from './generated/fact-types.js';
export type { JSONSchema } from './facts/vocabulary.js';
export {
  assess,
  assessRules,
  type Assessment,
  type Finding,
  type FindingCitation,
  type DocumentInForce,
  type Notice,
  type Status,
  type AssessOptions,
  type Explain,
} from './engine/assess.js';
export { assessMany, defaultInThreadBelow, endIdleWorkers, isItemError, type AssessManyOptions, type BatchItem, type BatchResult, type BatchStats, type ItemError } from './engine/batch.js';
export type { LeafReason, Outcome } from './engine/three-valued.js';
export { registerOperators, registerDerivedFacts, registerConditions, toEngineRules, HAZARD_EVENT } from './engine/json-rules-engine.js';
export { InputError, type InputIssue } from './validation/issues.js';
export { todayInChina } from './engine/as-of.js';
export type { Band, Bilingual, Citation, Condition, Rule, RuleDocument, SharedCondition, Table, Threshold } from './documents/format.js';
export { loadRulesData as loadRuleDocuments, parseJsonFile, rulesDataDirectory, RulesDataError, type LoadedDocument } from './documents/load.js';
/** The one core the docs and the server use: documents in force, the condition walker, wording, bands. */
export { documentsInForce, documentVersionInForce, isInForce } from './documents/load.js';
export { factsReadBy, leavesOf, observedFactsOf, referencesOf, thresholdLeavesOf, type ConditionLeaf, type ThresholdLeaf } from './documents/conditions.js';
export { thresholdInclusion, thresholdSide } from './documents/wording.js';
export { inBand, lookupBand } from './documents/bands.js';
export { describeFact, fieldMeta, vocabularyFor } from './facts/vocabulary.js';
/** Old fact names accepted for a minor version, and the facts to answer instead. */
export { aliasReplacedBy, factAliases } from './facts/aliases.js';
export type { FactAlias } from './facts/fields.js';
/** A sector's facts as facts.json defines them (kind, unit, labels, options), without building its zod object. */
export { definitionsFor as factDefinitionsFor, hasVocabulary } from './facts/definitions.js';
export type { FactDefinition } from './facts/format.js';
export { crossesThreshold } from './engine/threshold.js';
/** Exact rational arithmetic (bigint fractions), as the engine uses it at boundaries. */
export * as exact from './exact/rational.js';
export type { Rational } from './exact/rational.js';
export * from './calculators/index.js';
