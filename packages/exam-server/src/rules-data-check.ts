// Checks at start that rules-data loads, so a broken file stops the server with its name instead of
// answering 500 later. @anquan/rules' loader names the file and place of every problem in the documents;
// the exam files (bank, blueprints) are read here with the same JSON reader.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRuleDocuments, parseJsonFile, rulesDataDirectory, RulesDataError } from '@anquan/rules';
import { baseBlueprints } from './papers/blueprints.js';
import { curatedBank } from './questions/bank.js';

const jsonFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'schema' ? [] : jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });

/** The first rules-data file that is not valid JSON, as "file:line:column message", if any. */
export const firstMalformedJson = (directory: string): string | undefined => {
  for (const path of jsonFiles(directory).sort()) {
    try {
      parseJsonFile(readFileSync(path, 'utf8'), relative(directory, path));
    } catch (error) {
      if (error instanceof RulesDataError) return error.problems.join('\n');
      throw error;
    }
  }
  return undefined;
};

/** Loads everything the server reads from rules-data; resolves to an error message, or undefined when all is well. */
export const checkRulesData = (): string | undefined => {
  try {
    loadRuleDocuments();
    baseBlueprints();
    curatedBank();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let directory: string | undefined;
    try {
      directory = rulesDataDirectory();
    } catch {
      return message;
    }
    const malformed = error instanceof SyntaxError ? firstMalformedJson(directory) : undefined;
    return `${directory}\n${malformed ?? message}`;
  }
};
