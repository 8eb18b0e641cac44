// The rule-document format: one zod schema is the source of truth; types are inferred from it and
// the JSON Schema that rules-data files reference is generated from it (z.toJSONSchema).
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** A decimal written as a string ("1.10") or a JSON number; compared exactly, never as a float. */
const decimal = z.union([z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal such as "1.10"'), z.number()]);

export const bilingualSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const citationSchema = z.strictObject({
  /** Article or section as printed: 4, or "UG", "5.2" for standards numbered by clause. */
  article: z.union([z.number().int(), z.string().min(1)]),
  item: z.union([z.number().int(), z.string()]).nullable(),
  subItem: z.union([z.number().int(), z.string()]).nullable().optional(),
  /** The label as a reader of the text would print it, e.g. 第四条第（一）项. */
  label: z.string().min(1),
  /** The item's label in shared/sources/index, e.g. "Art.4(1)"; the coverage test joins on it. */
  indexLabel: z.string().min(1),
});

/**
 * A threshold: the fact is compared with `limit` on `side`, and `inclusive` says whether the limit
 * itself counts. It is always written out, because 以上/以下/超过 mean different things in different
 * documents and the operator's name must never carry that meaning.
 */
export const thresholdSchema = z.strictObject({
  side: z.enum(['above', 'below']),
  limit: decimal,
  inclusive: z.boolean(),
  unit: z.string().optional(),
});

type LeafCondition = {
  fact: string;
  operator: string;
  value: unknown;
  name?: string;
};
export type Condition =
  | LeafCondition
  | { all: Condition[]; name?: string }
  | { any: Condition[]; name?: string }
  | { not: Condition; name?: string }
  | { condition: string; name?: string };

const leafBase = { fact: z.string().min(1), name: z.string().optional() };

/**
 * A fact leaf in json-rules-engine's format. Each operator says what its value must be, in the schema
 * itself (not in a refinement), so the published JSON Schema refuses what zod refuses.
 */
const leafSchema = z.discriminatedUnion('operator', [
  z.strictObject({ ...leafBase, operator: z.literal('threshold'), value: thresholdSchema }),
  z.strictObject({ ...leafBase, operator: z.enum(['in', 'notIn']), value: z.array(z.unknown(), { error: 'operator in/notIn expects an array value' }) }),
  z.strictObject({ ...leafBase, operator: z.enum(['equal', 'notEqual', 'contains', 'doesNotContain']), value: z.unknown() }),
]);

export const conditionSchema: z.ZodType<Condition, Condition> = z.lazy(() =>
  z.union([
    leafSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1), name: z.string().optional() }),
    z.strictObject({ any: z.array(conditionSchema).min(1), name: z.string().optional() }),
    z.strictObject({ not: conditionSchema, name: z.string().optional() }),
    z.strictObject({ condition: z.string().min(1), name: z.string().optional() }),
  ]),
) as z.ZodType<Condition, Condition>;

export type Expression =
  | string
  | number
  | { fact: string }
  | { sum: Expression[] }
  | { difference: [Expression, Expression] }
  | { product: Expression[] }
  | { ratio: [Expression, Expression] }
  /** Whole days from the second date fact to the first (first − second): a date the law compares, observed as a date. */
  | { daysAfter: [{ fact: string }, { fact: string }] }
  | { lookup: string; key: Expression }
  | { countTrue: string[] }
  /** How many of the named shared conditions hold (GB 35181 §5.3.2 counts elements, some of them measured). */
  | { countHolding: string[] };

export const expressionSchema: z.ZodType<Expression, Expression> = z.lazy(() =>
  z.union([
    decimal,
    z.strictObject({ fact: z.string().min(1) }),
    z.strictObject({ sum: z.array(expressionSchema).min(1) }),
    z.strictObject({ difference: z.tuple([expressionSchema, expressionSchema]) }),
    z.strictObject({ product: z.array(expressionSchema).min(1) }),
    z.strictObject({ ratio: z.tuple([expressionSchema, expressionSchema]) }),
    z.strictObject({ daysAfter: z.tuple([z.strictObject({ fact: z.string().min(1) }), z.strictObject({ fact: z.string().min(1) })]) }),
    z.strictObject({ lookup: z.string().min(1), key: expressionSchema }),
    z.strictObject({ countTrue: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ countHolding: z.array(z.string().min(1)).min(1) }),
  ]),
) as z.ZodType<Expression, Expression>;

/** A quantity the document computes from observed facts (a ratio, a sum, a table limit). */
export const derivedFactSchema = z.strictObject({
  label: bilingualSchema,
  unit: z.string().optional(),
  expression: expressionSchema,
});

export const bandSchema = z.strictObject({
  /** Lower edge; null = unbounded. */
  from: decimal.nullable(),
  fromInclusive: z.boolean(),
  /** Upper edge; null = unbounded. */
  to: decimal.nullable(),
  toInclusive: z.boolean(),
  value: decimal,
});

/** A banded lookup table as printed in the text (e.g. coal 2026 Table 1). */
export const tableSchema = z.strictObject({
  title: bilingualSchema,
  citation: z.string().min(1),
  key: z.strictObject({ label: bilingualSchema, unit: z.string() }),
  value: z.strictObject({ label: bilingualSchema, unit: z.string() }),
  bands: z.array(bandSchema).min(1),
  note: bilingualSchema.optional(),
});

/** A table of records as printed (GB 18218's named chemicals, a catalogue, rates by industry). */
export const datasetSchema = z.strictObject({
  title: bilingualSchema,
  citation: z.string().min(1),
  columns: z.record(z.string(), z.strictObject({ label: bilingualSchema, unit: z.string().optional() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  verified: z.boolean().default(true),
  note: bilingualSchema.optional(),
});

/** A named figure of the document, next to the article that sets it (OpenFisca-style parameters). */
export const parameterSchema = z.strictObject({
  label: bilingualSchema,
  value: z.union([decimal, z.string(), z.boolean(), z.null()]),
  unit: z.string().optional(),
  citation: z.string().min(1),
  verified: z.boolean().default(true),
  note: bilingualSchema.optional(),
});

export const categorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: bilingualSchema,
  /** Where the whole category applies (underground sites only, outburst mines only …). */
  appliesWhen: conditionSchema.optional(),
});

/** What the exam generator needs to phrase a question about the rule. */
export const examBlockSchema = z.strictObject({
  /** A handlebars template describing the situation; variables are fact names. */
  situation: bilingualSchema,
  /** Facts that make the rule fire (a witness, checked by the tests). */
  hazardExample: z.record(z.string(), z.unknown()),
  /** Facts that leave the rule applicable but clear (checked by the tests). */
  clearExample: z.record(z.string(), z.unknown()),
});

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id such as coal-mine-2026-art4-1'),
  citation: citationSchema,
  category: z.string(),
  title: bilingualSchema,
  verified: z.boolean(),
  /** Set on a numbered sub-item: the rule of the item it belongs to. */
  partOf: z.string().optional(),
  /**
   * Every observed fact the rule reads (derived facts resolved to what they are computed from). Optional in
   * the files: the loader derives it from the conditions; when written, it must equal what they read.
   */
  facts: z.array(z.string().min(1)).min(1).optional(),
  appliesWhen: conditionSchema.optional(),
  conditions: conditionSchema,
  /** Readings chosen where the digest flags an ambiguity, and boundary notes, in our own words. */
  readings: z.array(bilingualSchema).default([]),
  /** What stays unverified, when verified is false. */
  unverifiedNote: bilingualSchema.optional(),
  exam: examBlockSchema.optional(),
});

/**
 * An item the document has but whose text we do not hold (with `itemsAvailable: "partial"`): listed with
 * its citation so readers and coverage see it, never evaluated, never driven by an "items found" fact.
 */
export const notEncodedItemSchema = z.strictObject({
  citation: citationSchema,
  title: bilingualSchema,
  /** What is known and why the content is not encoded, in our own words. */
  note: bilingualSchema,
});

/** A clause many items share (GB 35181 §5.3.2), written once and referenced as `{ "condition": name }`. */
export const sharedConditionSchema = z.strictObject({
  label: bilingualSchema,
  conditions: conditionSchema,
});

export const documentKinds = ['major-hazard-criteria', 'grading', 'calculator'] as const;

export const ruleDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    sector: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(documentKinds),
    title: bilingualSchema,
    issuer: bilingualSchema,
    number: z.string().min(1),
    issued: isoDate.nullable(),
    effectiveFrom: isoDate,
    /** Last day in force; null while in force. */
    effectiveTo: isoDate.nullable(),
    replaces: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
    replacedBy: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
    /** A supplement applies together with the document it supplements instead of replacing it. */
    supplementTo: z.string().nullable().default(null),
    /** false: the text of this version is not available to us; assess says so instead of guessing. */
    itemsAvailable: z.union([z.boolean(), z.literal('partial')]),
    source: z.strictObject({
      digest: z.string().min(1),
      index: z.string().nullable(),
      officialUrl: z.string().nullable().default(null),
    }),
    /** Definitions of 以上/以下 etc. as the document (or the digest's convention) reads them. */
    boundaryConvention: bilingualSchema,
    notes: z.array(bilingualSchema).default([]),
    parameters: z.record(z.string(), parameterSchema).default({}),
    tables: z.record(z.string(), tableSchema).default({}),
    datasets: z.record(z.string(), datasetSchema).default({}),
    derivedFacts: z.record(z.string(), derivedFactSchema).default({}),
    /** Named conditions of this document; a `{ condition }` leaf resolves here first, then to a rule id. */
    sharedConditions: z.record(z.string().regex(/^[A-Za-z0-9.-]+$/, 'expected a name of letters, digits, ".", "-"'), sharedConditionSchema).default({}),
    categories: z.array(categorySchema).default([]),
    rules: z.array(ruleSchema),
    notEncoded: z.array(notEncodedItemSchema).default([]),
  })
  .superRefine((doc, ctx) => {
    if (doc.effectiveTo !== null && doc.effectiveTo < doc.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    }
    doc.rules.forEach((rule, index) => {
      if (rule.id in doc.sharedConditions) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `rule id ${rule.id} is also the name of a shared condition` });
      }
    });
  });

export type Bilingual = z.infer<typeof bilingualSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Threshold = z.infer<typeof thresholdSchema>;
export type DerivedFact = z.infer<typeof derivedFactSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Table = z.infer<typeof tableSchema>;
export type Parameter = z.infer<typeof parameterSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type Category = z.infer<typeof categorySchema>;
export type ExamBlock = z.infer<typeof examBlockSchema>;
export type NotEncodedItem = z.infer<typeof notEncodedItemSchema>;
export type SharedCondition = z.infer<typeof sharedConditionSchema>;
/** A rule after loading: its facts are always listed (derived from its conditions when the file omits them). */
export type Rule = Omit<z.output<typeof ruleSchema>, 'facts'> & { facts: string[] };
/** A rules-data file as written (defaults not yet applied). */
export type RuleDocumentInput = z.input<typeof ruleDocumentSchema>;
/** A rules-data file after validation and loading. */
export type RuleDocument = Omit<z.output<typeof ruleDocumentSchema>, 'rules'> & { rules: Rule[] };
