// The JSON Schema that rules-data files name in $schema (generated from the format's TypeScript types by
// typescript-json-schema at build time) accepts every file and refuses a broken one, so editors can
// be trusted to flag mistakes while a file is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadRulesData, rulesDataDirectory } from '../packages/rules/src/documents/load.js';
import { repositoryRoot } from './support/repository.js';

const schema = JSON.parse(readFileSync(join(repositoryRoot, 'packages', 'rules', 'schema', 'rule-document.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('generated rule-document JSON Schema', () => {
  it('accepts every rules-data file', () => {
    for (const document of loadRulesData().documents) {
      const raw = JSON.parse(readFileSync(join(rulesDataDirectory(), document.file), 'utf8'));
      expect(validate(raw), `${document.file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('refuses a rule without its verified flag, and a condition that is not json-rules-engine’s', () => {
    const document = loadRulesData().documents.find((candidate) => candidate.rules.length > 0)!;
    const raw = JSON.parse(readFileSync(join(rulesDataDirectory(), document.file), 'utf8'));
    const { verified: _dropped, ...withoutFlag } = raw.rules[0];
    expect(validate({ ...raw, rules: [withoutFlag] })).toBe(false);
    expect(validate({ ...raw, rules: [{ ...raw.rules[0], conditions: { every: [] } }] })).toBe(false);
  });

  it('names no path of the machine it was built on', () => {
    expect(JSON.stringify(schema)).not.toContain(repositoryRoot);
  });
});
