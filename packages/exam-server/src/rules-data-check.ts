// Checks at start that rules-data loads, so a broken file stops the server with its name instead of
// answering 500 later. @anquan/rules' loader names the file for schema errors; for a file that is not
// JSON at all this finds the file and the line and column itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRuleDocuments, rulesDataDirectory } from '@anquan/rules';
import { baseBlueprints } from './papers/blueprints.js';
import { curatedBank } from './questions/bank.js';

const jsonFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'schema' ? [] : jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });

/** The offset of a JSON.parse failure: V8 reports a position, or only the text around the bad token. */
const offsetOf = (text: string, message: string): number | undefined => {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const context = /Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON/.exec(message);
  if (!context) return undefined;
  const [, token, cut, around] = context;
  const start = text.indexOf(around!);
  if (start < 0) return undefined;
  // V8 shows up to ten characters before the token when it cuts the text.
  return start + (cut ? 10 : Math.max(0, around!.indexOf(token!)));
};

/** "line:column" (1-based) of a JSON.parse failure. */
const where = (text: string, message: string): string => {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `${lineColumn[1]}:${lineColumn[2]}`;
  const offset = offsetOf(text, message);
  if (offset === undefined) return '';
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
};

/** The first rules-data file that is not valid JSON, as "file:line:column message", if any. */
export const firstMalformedJson = (directory: string): string | undefined => {
  for (const path of jsonFiles(directory).sort()) {
    const text = readFileSync(path, 'utf8');
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = where(text, message);
      return `${relative(directory, path)}${position ? `:${position}` : ''}: ${message}`;
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
