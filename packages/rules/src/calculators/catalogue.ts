// The calculators as a catalogue: each one's name, title, the document it reads and its inputs (from the
// same zod schema that validates them), for the CLI, the HTTP API and the docs site alike.
import { z } from 'zod';
import type { Bilingual } from '../documents/format.js';
import { calculators } from './index.js';

export interface CalculatorInputField {
  /** Dotted path; `[]` marks each element of a list (units[].substances[].chemical). */
  path: string;
  /** JSON Schema type words (string, number, integer, boolean, …), enum values listed. */
  type: string;
  required: boolean;
}

export interface CalculatorEntry {
  name: string;
  title: Bilingual;
  documentId: string;
  inputs: CalculatorInputField[];
  inputSchema: Record<string, unknown>;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
};

const typeWords = (schema: JsonSchema): string => {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeWords))].join(' | ');
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (schema.type === 'array' && schema.items) return `${typeWords(schema.items)}[]`;
  return schema.type ?? 'any';
};

/** The leaves of an input schema, one row per field, nested objects and lists of objects walked. */
const fieldsOf = (schema: JsonSchema, prefix: string, required: boolean): CalculatorInputField[] => {
  const objectLike = schema.properties ? schema : schema.type === 'array' && schema.items?.properties ? schema.items : undefined;
  if (!objectLike?.properties) return prefix ? [{ path: prefix, type: typeWords(schema), required }] : [];
  const base = schema.type === 'array' ? `${prefix}[]` : prefix;
  return Object.entries(objectLike.properties).flatMap(([key, child]) =>
    fieldsOf(child, base ? `${base}.${key}` : key, required && (objectLike.required ?? []).includes(key)),
  );
};

const cache = new Map<string, CalculatorEntry>();

export const describeCalculator = (name: string): CalculatorEntry | undefined => {
  const hit = cache.get(name);
  if (hit) return hit;
  const calculator = calculators[name];
  if (!calculator) return undefined;
  const inputSchema = z.toJSONSchema(calculator.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const entry = { name, title: calculator.title, documentId: calculator.documentId, inputs: fieldsOf(inputSchema as JsonSchema, '', true), inputSchema };
  cache.set(name, entry);
  return entry;
};

export const listCalculators = (): CalculatorEntry[] => Object.keys(calculators).map((name) => describeCalculator(name)!);
