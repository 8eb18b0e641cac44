#!/usr/bin/env node
// The anquan command: assess facts against a sector's criteria, list what the library holds.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listDocuments, listSectors } from '../documents/catalogue.js';
import { assess } from '../engine/assess.js';
import { factsSchema } from '../facts/facts-schema.js';
import { definitionsFor } from '../facts/definitions.js';
import { InputError } from '../validation/issues.js';
import { formatReport } from './report.js';
import { RulesDataError } from '../documents/load.js';
import { commandUsage, type LazyCommand } from './extensions.js';

// Loaded when called: `anquan assess` does not load the calculators or the batch screener.
const commandExtensions: LazyCommand[] = [
  { name: 'calc', usage: commandUsage.calc, load: async () => (await import('./calc.js')).calcCommand },
  { name: 'screen', usage: commandUsage.screen, ownOptions: true, load: async () => (await import('./screen.js')).screenCommand },
];

const usage = `用法 / usage:
  anquan assess --sector <行业> <facts.json> [--as-of YYYY-MM-DD] [--json] [--all]
  anquan sectors
  anquan documents [--sector <行业>] [--as-of YYYY-MM-DD]
  anquan schema --sector <行业> [--as-of YYYY-MM-DD]
${commandExtensions.map((extension) => `  ${extension.usage}`).join('\n')}
退出码 / exit codes: 0 无重大事故隐患 (no hazard), 1 发现重大事故隐患 (hazards found), 2 输入有误 (bad input),
  3 规则数据有误 (rules-data is broken), 4 内部错误 (internal error)`;

const readJson = (path: string | undefined, what: string): unknown => {
  if (!path) throw new InputError([{ path: what, message: 'expected the path of a JSON file' }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError([{ path: what, message: `cannot read file ${path}` }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError([{ path: what, message: `${path} is not valid JSON (${(error as Error).message})` }]);
  }
};

const run = async (argv: string[]): Promise<number> => {
  // A command with options of its own reads them itself.
  const own = commandExtensions.find((extension) => extension.ownOptions && extension.name === argv[0]);
  if (own) return (await own.load()).run(argv.slice(1), { asOf: undefined, json: false, print: (value) => process.stdout.write(`${String(value)}\n`), readJson });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      sector: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const asOf = values['as-of'];
  const print = (value: unknown) => process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
  if (values.help || !command) {
    print(usage);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'assess': {
      if (!values.sector) throw new InputError([{ path: '--sector', message: `expected a sector: ${listSectors().map((sector) => sector.id).join(', ')}` }]);
      const facts = readJson(rest[0], 'facts file');
      const assessment = await assess(values.sector, facts, asOf === undefined ? {} : { asOf });
      if (values.json) print(assessment);
      else {
        // Labels from the sector's facts.json, without building its zod vocabulary.
        const definitions = definitionsFor(assessment.sector);
        const sector = listSectors().find((candidate) => candidate.id === values.sector)!;
        print(formatReport(assessment, sector.title.zh, (fact) => definitions?.get(fact)?.label.zh ?? fact, values.all));
      }
      return assessment.summary.hazard > 0 ? 1 : 0;
    }
    case 'sectors':
      print(values.json ? listSectors() : listSectors().map((sector) => `${sector.id}\t${sector.title.zh}\t${sector.title.en}`).join('\n'));
      return 0;
    case 'documents': {
      const documents = listDocuments({ ...(values.sector ? { sector: values.sector } : {}), ...(asOf ? { asOf } : {}) });
      print(
        values.json
          ? documents
          : documents
              .map((document) => `${document.id}@${document.version}\t${document.number}\t${document.effectiveFrom} – ${document.effectiveTo ?? '现行'}\t${document.title.zh}（${document.ruleCount} 条规则）`)
              .join('\n'),
      );
      return 0;
    }
    case 'schema':
      if (!values.sector) throw new InputError([{ path: '--sector', message: 'expected a sector' }]);
      print(factsSchema(values.sector, asOf === undefined ? {} : { asOf }));
      return 0;
    default: {
      const extension = commandExtensions.find((candidate) => candidate.name === command);
      if (!extension) throw new InputError([{ path: 'command', message: `unknown command ${command}\n${usage}` }]);
      return (await extension.load()).run(rest, { asOf, json: values.json, print, readJson });
    }
  }
};

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
    } else if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n${usage}\n`);
    } else if (error instanceof RulesDataError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 3;
      return;
    } else {
      process.stderr.write(`内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 4;
      return;
    }
    process.exitCode = 2;
  },
);
