// Complete random fact sets for a document: every fact it reads answered, numbers drawn near its
// thresholds and table edges so that both sides of each boundary are visited.
import fc from 'fast-check';
import type { LoadedDocument } from '../../packages/rules/src/documents/load.js';
import { toDecimalString, toRational, add, subtract } from '../../packages/rules/src/exact/rational.js';
import { vocabularyFor, vocabularyJsonSchema } from '../../packages/rules/src/facts/vocabulary.js';
import { thresholdLeaves } from './rules.js';

interface PropertySchema {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  items?: { enum?: string[] };
  format?: string;
}

const interestingNumbers = (document: LoadedDocument): number[] => {
  const limits = [
    ...document.rules.flatMap((rule) => thresholdLeaves(document, rule).map((leaf) => leaf.value.limit)),
    ...Object.values(document.tables).flatMap((table) => table.bands.flatMap((band) => [band.from, band.to, band.value])),
  ].filter((value) => value !== null);
  const near = limits.flatMap((limit) => {
    const value = toRational(limit);
    return [value, add(value, toRational('0.01')), subtract(value, toRational('0.01')), add(value, toRational(1))];
  });
  return [...new Set([0, 1, 2, 3, 10, 100, 1000, ...near.map((value) => Number(toDecimalString(value, 6)))])];
};

export const completeFacts = (document: LoadedDocument): fc.Arbitrary<Record<string, unknown>> => {
  const vocabulary = vocabularyFor(document.sector)!;
  const used = new Set(document.rules.flatMap((rule) => rule.facts));
  const properties = (vocabularyJsonSchema(vocabulary, used) as { properties: Record<string, PropertySchema> }).properties;
  const numbers = interestingNumbers(document);
  const arbitraries = Object.fromEntries(
    Object.entries(properties).map(([name, schema]): [string, fc.Arbitrary<unknown>] => {
      if (schema.type === 'boolean') return [name, fc.boolean()];
      if (schema.enum) return [name, fc.constantFrom(...schema.enum)];
      if (schema.type === 'array') return [name, fc.subarray(schema.items?.enum ?? [])];
      // Dates a day apart as well as years apart, so a window compared in days is visited on both sides of its edge.
      if (schema.format === 'date') return [name, fc.constantFrom('2020-01-01', '2024-02-29', '2024-03-01', '2024-06-30', '2026-06-30', '2026-07-01', '2026-07-02')];
      const minimum = schema.minimum ?? Number.NEGATIVE_INFINITY;
      const maximum = schema.maximum ?? Number.POSITIVE_INFINITY;
      const candidates = numbers.filter((value) => value >= minimum && value <= maximum && (schema.type !== 'integer' || Number.isInteger(value)));
      return [name, fc.oneof(fc.constantFrom(...(candidates.length > 0 ? candidates : [0])), fc.integer({ min: 0, max: 100_000 }).filter((value) => value <= maximum))];
    }),
  );
  return fc.record(arbitraries);
};
