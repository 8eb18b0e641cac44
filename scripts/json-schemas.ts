// Writes rules-data/schema/*.schema.json: the JSON Schema of every rules-data format, made by zod from the
// same zod values that validate the files (z.toJSONSchema), so other languages and editors check what we check.
// Run: node --import tsx scripts/json-schemas.ts (--check: exit 1 when a committed schema is stale).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ruleDocumentSchema } from '../packages/rules/src/documents/format.js';
import { sectorsFileSchema } from '../packages/rules/src/documents/load.js';
import { factsFileSchema } from '../packages/rules/src/facts/format.js';
import { bankFileSchema } from '../packages/exam-server/src/questions/bank.js';
import { blueprintsFileSchema } from '../packages/exam-server/src/papers/blueprints.js';
import { casesFileSchema } from '../tests/support/repository.js';
import { reasonTemplatesFileSchema } from '../packages/rules/src/calculators/reason.js';

export const schemaDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules-data', 'schema');

const formats: Record<string, { title: string; schema: z.ZodType }> = {
  'rule-document': { title: 'Anquan rule document: one document version (rules-data/<sector>/<document>-<version>.json)', schema: ruleDocumentSchema },
  facts: { title: "Anquan fact vocabulary: a sector's facts (rules-data/<sector>/facts.json, rules-data/shared-facts.json)", schema: factsFileSchema },
  sectors: { title: 'Anquan sectors (rules-data/sectors.json)', schema: sectorsFileSchema },
  'question-bank': { title: 'Anquan curated question bank topic (rules-data/question-bank/*.json)', schema: bankFileSchema },
  blueprints: { title: 'Anquan exam blueprints (rules-data/exams/blueprints.json)', schema: blueprintsFileSchema },
  'reason-templates': { title: 'Anquan calculator reason templates (rules-data/calculators/reason-templates.json)', schema: reasonTemplatesFileSchema },
  cases: { title: 'Anquan boundary and example cases (tests/cases/<sector>/*.cases.json)', schema: casesFileSchema },
};

/** Each schema file's name and text. Input shape: a field with a default may be left out of a file. */
export const jsonSchemas = (): Map<string, string> =>
  new Map(
    Object.entries(formats).map(([name, { title, schema }]) => {
      const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
      const { $schema, ...rest } = generated;
      return [`${name}.schema.json`, `${JSON.stringify({ $schema, $id: `urn:anquan:schema:${name}`, title, ...rest }, null, 2)}\n`];
    }),
  );

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(schemaDirectory, { recursive: true });
  for (const [file, text] of jsonSchemas()) {
    const path = join(schemaDirectory, file);
    if (check) {
      let committed = '';
      try {
        committed = readFileSync(path, 'utf8');
      } catch {}
      if (committed !== text) {
        stale += 1;
        process.stderr.write(`${path} is stale: run node --import tsx scripts/json-schemas.ts\n`);
      }
    } else writeFileSync(path, text);
  }
  if (stale > 0) process.exit(1);
  if (!check) process.stdout.write(`wrote ${jsonSchemas().size} schemas to ${schemaDirectory}\n`);
}
