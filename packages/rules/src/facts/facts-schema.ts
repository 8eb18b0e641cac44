// factsSchema(): the JSON Schema of what a sector's documents in force on a date ask about.
import { documentsInForce } from '../documents/load.js';
import { knownSector } from '../engine/assess.js';
import { resolveAsOf } from '../engine/as-of.js';
import { vocabularyFor, vocabularyJsonSchema, type JSONSchema } from './vocabulary.js';

export const factsSchema = (sector: string, options: { asOf?: string } = {}): JSONSchema => {
  const sectorId = knownSector(sector);
  const asOf = resolveAsOf(options.asOf);
  const used = new Set(documentsInForce(sectorId, asOf).flatMap((document) => document.rules.flatMap((rule) => rule.facts)));
  return {
    $id: `urn:anquan:facts:${sectorId}:${asOf}`,
    ...vocabularyJsonSchema(vocabularyFor(sectorId)!, used),
    'x-sector': sectorId,
    'x-asOf': asOf,
  };
};
