// The JSON Schema of every rules-data format (rules-data/schema, made by zod from the same values that
// validate the files) is current, accepts every file, and refuses what zod refuses, so editors and other
// languages can trust it while a file is written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaDirectory } from '../scripts/json-schemas.js';
import { loadRulesData, parseDocument, rulesDataDirectory } from '../packages/rules/src/documents/load.js';
import { repositoryRoot } from './support/repository.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaFile = (name: string) => JSON.parse(readFileSync(join(schemaDirectory, `${name}.schema.json`), 'utf8'));
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validator = (name: string) => validators.get(name) ?? validators.set(name, ajv.compile(schemaFile(name))).get(name)!;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const jsonFiles = (directory: string) => readdirSync(directory).filter((name) => name.endsWith('.json')).map((name) => join(directory, name));

describe('rules-data JSON Schemas', () => {
  it('are what the zod formats make (run node --import tsx scripts/json-schemas.ts after changing a format)', () => {
    for (const [file, text] of jsonSchemas()) expect(readFileSync(join(schemaDirectory, file), 'utf8'), file).toBe(text);
  });

  it('name no path of the machine they were made on', () => {
    for (const [file, text] of jsonSchemas()) expect(text, file).not.toContain(repositoryRoot);
  });

  it('accept every file of their format, and each file names its schema', () => {
    const check = (name: string, paths: string[]) => {
      const validate = validator(name);
      expect(paths.length, name).toBeGreaterThan(0);
      for (const path of paths) {
        const raw = readJson(path);
        expect(validate(raw), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(typeof raw.$schema === 'string' && raw.$schema.endsWith(`${name}.schema.json`), `${path} names ${name}.schema.json`).toBe(true);
      }
    };
    const directory = rulesDataDirectory();
    check('rule-document', loadRulesData().documents.map((document) => join(directory, document.file)));
    check('facts', [join(directory, 'shared-facts.json'), ...loadRulesData().sectors.map((sector) => join(directory, sector.id, 'facts.json')).filter((path) => existsSync(path))]);
    check('sectors', [join(directory, 'sectors.json')]);
    check('question-bank', jsonFiles(join(directory, 'question-bank')));
    check('blueprints', [join(directory, 'exams', 'blueprints.json')]);
    check('reason-templates', [join(directory, 'calculators', 'reason-templates.json')]);
    // Calculator cases (tests/cases/calculators/*.calculator-cases.json) have their own format, read by tests/support/calculator-cases.ts.
    check('cases', readdirSync(join(repositoryRoot, 'tests', 'cases')).flatMap((sector) => jsonFiles(join(repositoryRoot, 'tests', 'cases', sector))).filter((path) => !path.endsWith('.calculator-cases.json')));
  });
});

describe('the rule-document schema refuses the breakages zod refuses', () => {
  const validate = validator('rule-document');
  const document = loadRulesData().documents.find((candidate) => candidate.rules.some((rule) => JSON.stringify(rule.conditions).includes('"threshold"')))!;
  const raw = readJson(join(rulesDataDirectory(), document.file));
  const ruleIndex = raw.rules.findIndex((rule: { conditions: unknown }) => JSON.stringify(rule.conditions).includes('"threshold"'));
  /** A copy of the document with one change made by `edit` (on a deep copy). */
  const broken = (edit: (copy: any) => void) => {
    const copy = structuredClone(raw);
    edit(copy);
    return copy;
  };
  /** The first threshold leaf of the chosen rule, in a copy. */
  const thresholdLeaf = (copy: any): any => {
    const find = (node: any): any => {
      if (!node || typeof node !== 'object') return undefined;
      if (node.operator === 'threshold') return node;
      for (const child of [...(node.all ?? []), ...(node.any ?? []), node.not]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    return find(copy.rules[ruleIndex].conditions);
  };

  const breakages: [string, (copy: any) => void][] = [
    ['a misspelt operator "thresold"', (copy) => (thresholdLeaf(copy).operator = 'thresold')],
    ['a threshold without inclusive', (copy) => delete thresholdLeaf(copy).value.inclusive],
    ['a misspelt threshold key "thresold" in place of limit', (copy) => { const value = thresholdLeaf(copy).value; value.thresold = value.limit; delete value.limit; }],
    ['a limit written "1,10"', (copy) => (thresholdLeaf(copy).value.limit = '1,10')],
    ['a side "over"', (copy) => (thresholdLeaf(copy).value.side = 'over')],
    ['an effective date "July 2026"', (copy) => (copy.effectiveFrom = 'July 2026')],
    ['an extra key on the document', (copy) => (copy.publisher = 'someone')],
    ['an extra key on a rule', (copy) => (copy.rules[ruleIndex].severity = 'high')],
    ['an extra key on a citation', (copy) => (copy.rules[ruleIndex].citation.page = 3)],
    ['a rule id in capitals with a space', (copy) => (copy.rules[ruleIndex].id = 'Coal Mine 1')],
    ['a title without English', (copy) => delete copy.rules[ruleIndex].title.en],
    ['an empty all', (copy) => (copy.rules[ruleIndex].conditions = { all: [] })],
    ['an "in" with a single value', (copy) => (copy.rules[ruleIndex].conditions = { fact: 'x', operator: 'in', value: 'a' })],
    ['a condition that is not json-rules-engine’s ("every")', (copy) => (copy.rules[ruleIndex].conditions = { every: [] })],
    ['a rule without its verified flag', (copy) => delete copy.rules[ruleIndex].verified],
    ['an unknown document kind', (copy) => (copy.kind = 'guideline')],
  ];

  it('the untouched document is accepted by both', () => {
    expect(validate(raw), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(() => parseDocument(raw, document.file)).not.toThrow();
  });

  for (const [name, edit] of breakages) {
    it(`refuses ${name}, as zod does`, () => {
      const copy = broken(edit);
      expect(() => parseDocument(copy, document.file), 'zod refuses it').toThrow();
      expect(validate(copy), 'the JSON Schema refuses it').toBe(false);
    });
  }
});
