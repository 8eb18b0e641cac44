// Converts the TypeScript fact vocabularies (src/facts/*.ts, as they were before vocabularies became data)
// into rules-data/<sector>/facts.json and rules-data/shared-facts.json, and checks that the builder makes
// the same JSON Schema from the result. Run: node --import tsx packages/rules/scripts/vocabularies-to-json.ts [sector …]
// Entries only the JSON can hold (sentence, deprecated, an English hint) are kept from an existing file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesData = join(root, '..', '..', 'rules-data');
// Imported by path at run time: the TypeScript vocabularies exist only until the commit that removes them.
const { factVocabularies } = (await import(join(root, 'src', 'facts', 'index.ts'))) as { factVocabularies: Record<string, z.ZodObject<z.ZodRawShape>> };
const { sharedFacts } = (await import(join(root, 'src', 'facts', 'shared.ts'))) as { sharedFacts: Record<string, z.ZodType> };
const { fieldMeta } = await import('../src/facts/vocabulary.js');
const { buildVocabulary } = await import('../src/facts/build.js');
const { factsFileSchema } = await import('../src/facts/format.js');

type Json = Record<string, unknown>;

const jsonSchemaOf = (field: z.ZodType): Json => z.toJSONSchema(field, { target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
const objectSchemaOf = (shape: z.ZodRawShape): Json => z.toJSONSchema(z.strictObject(shape), { target: 'draft-2020-12', unrepresentable: 'any' }) as Json;

/** One field back to its definition: the kind from the JSON Schema the builder produced, labels from its meta. */
const definitionOf = (name: string, field: z.ZodType): Json => {
  const schema = jsonSchemaOf(field);
  const meta = fieldMeta(field);
  const label = { zh: meta.title, en: meta.description };
  const common = { label, ...(meta.hint ? { hint: { zh: meta.hint } } : {}), ...(meta.aliases ? { aliases: meta.aliases } : {}) };
  const items = schema.items as Json | undefined;
  if (schema.type === 'boolean') return { kind: 'observed', ...common };
  if (schema.type === 'integer') return { kind: 'count', unit: meta.unit, ...common };
  if (schema.type === 'number') {
    if (meta.unit === '%' && schema.maximum === 100) return { kind: 'percent', ...common };
    if (schema.minimum === 0) return { kind: 'quantity', unit: meta.unit, ...common };
    return { kind: 'signedQuantity', unit: meta.unit, ...common };
  }
  if (schema.type === 'string' && Array.isArray(schema.enum)) return { kind: 'oneOf', options: meta.optionLabels, ...common };
  if (schema.type === 'string' && schema.format === 'date') return { kind: 'date', ...common };
  if (schema.type === 'array' && items && Array.isArray(items.enum)) return { kind: 'someOf', options: meta.optionLabels, ...common };
  throw new Error(`${name}: no fact kind matches ${JSON.stringify(schema)}`);
};

const kept = (existing: Json | undefined, definition: Json): Json => {
  if (!existing || existing.kind !== definition.kind) return definition;
  const hint = existing.hint as { en?: string } | undefined;
  return {
    ...definition,
    ...(hint?.en && definition.hint ? { hint: { ...(definition.hint as Json), en: hint.en } } : {}),
    ...(existing.sentence ? { sentence: existing.sentence } : {}),
    ...(existing.deprecated ? { deprecated: existing.deprecated } : {}),
  };
};

const readExisting = (path: string): Record<string, Json> =>
  existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as { facts?: Record<string, Json> }).facts ?? {}) : {};

const write = (path: string, file: Json) => writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);

const sharedPath = join(rulesData, 'shared-facts.json');
const sharedExisting = readExisting(sharedPath);
const shared = Object.fromEntries(Object.entries(sharedFacts).map(([name, field]) => [name, kept(sharedExisting[name], definitionOf(name, field))]));
const sharedFile = factsFileSchema.parse({ $schema: './schema/facts.schema.json', sector: 'shared', facts: shared });
write(sharedPath, { $schema: './schema/facts.schema.json', sector: 'shared', facts: shared });

const wanted = process.argv.slice(2);
const sectors = wanted.length > 0 ? wanted : Object.keys(factVocabularies);
let failures = 0;
for (const sector of sectors) {
  const vocabulary = factVocabularies[sector];
  if (!vocabulary) throw new Error(`no TypeScript vocabulary for ${sector}; known: ${Object.keys(factVocabularies).join(', ')}`);
  const path = join(rulesData, sector, 'facts.json');
  const existing = readExisting(path);
  const uses: string[] = [];
  const facts: Record<string, Json> = {};
  for (const [name, field] of Object.entries(vocabulary.shape)) {
    if (sharedFacts[name] === field) uses.push(name);
    else facts[name] = kept(existing[name], definitionOf(name, field as z.ZodType));
  }
  // Deprecated names exist only in the JSON: keep them, after the facts they point to.
  for (const [name, definition] of Object.entries(existing)) if (definition.deprecated && !(name in facts)) facts[name] = definition;
  const file = { $schema: '../schema/facts.schema.json', sector, ...(uses.length > 0 ? { uses } : {}), facts };
  const built = buildVocabulary(factsFileSchema.parse(file), sharedFile.facts);
  // The same JSON Schema (labels, units, limits, error messages aside) from the TypeScript and from the data.
  const strip = (schema: Json): Json => {
    const properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Json>)
        .filter(([name]) => !(facts[name] as Json | undefined)?.deprecated)
        .map(([name, property]) => {
          const { sentence: _sentence, hintEn: _hintEn, ...rest } = property;
          return [name, rest];
        }),
    );
    return { ...schema, properties };
  };
  if (!isDeepStrictEqual(strip(objectSchemaOf(built.shape)), strip(objectSchemaOf(vocabulary.shape)))) {
    failures += 1;
    process.stderr.write(`${sector}: the vocabulary built from facts.json differs from the TypeScript one\n`);
  }
  write(path, file);
  process.stdout.write(`${sector}/facts.json: ${Object.keys(facts).length} facts${uses.length > 0 ? `, ${uses.length} shared` : ''}\n`);
}
if (failures > 0) process.exit(1);
