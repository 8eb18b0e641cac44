// Old fact names: a renamed or split fact is accepted under its old name for one minor version, read as
// the new observations its field's `aliases` give, with a deprecation notice.
import type { z } from 'zod';
import type { FactAlias } from './fields.js';
import type { FactVocabulary } from './build.js';
import { fieldMeta } from './vocabulary.js';

/** An old fact name found in input, and what it was read as. */
export interface DeprecatedFactUse {
  name: string;
  replacedBy: string[];
  deprecatedIn: string;
  message: { zh: string; en: string };
}

const cache = new WeakMap<FactVocabulary, Map<string, { fact: string; alias: FactAlias }>>();

/** Old names of the vocabulary's facts, from the `aliases` their fields carry. */
export const factAliases = (vocabulary: FactVocabulary): Map<string, { fact: string; alias: FactAlias }> => {
  const cached = cache.get(vocabulary);
  if (cached) return cached;
  const aliases = new Map<string, { fact: string; alias: FactAlias }>();
  for (const [fact, field] of Object.entries(vocabulary.shape)) {
    for (const alias of fieldMeta(field as z.ZodType).aliases ?? []) aliases.set(alias.name, { fact, alias });
  }
  cache.set(vocabulary, aliases);
  return aliases;
};

/**
 * Reads old fact names as the facts that replaced them (a renamed or split fact is accepted under its old
 * name for one minor version). An answer given under the new name wins over one read from an old name.
 */
export const resolveFactAliases = (
  vocabulary: FactVocabulary,
  facts: Record<string, unknown>,
): { facts: Record<string, unknown>; deprecated: DeprecatedFactUse[] } => {
  const aliases = factAliases(vocabulary);
  const resolved: Record<string, unknown> = {};
  const fromAliases: Record<string, unknown> = {};
  const deprecated: DeprecatedFactUse[] = [];
  for (const [name, value] of Object.entries(facts)) {
    const entry = vocabulary.shape[name] ? undefined : aliases.get(name);
    if (!entry) {
      resolved[name] = value;
      continue;
    }
    const read = entry.alias.values ? (entry.alias.values[JSON.stringify(value)] ?? {}) : { [entry.fact]: value };
    Object.assign(fromAliases, read);
    const replacedBy = entry.alias.values ? [...new Set(Object.values(entry.alias.values).flatMap((facts) => Object.keys(facts)))] : [entry.fact];
    deprecated.push({
      name,
      replacedBy,
      deprecatedIn: entry.alias.deprecatedIn,
      message: {
        zh: `事实“${name}”已于 ${entry.alias.deprecatedIn} 版停用，请改用 ${replacedBy.join('、')}；本次按同一结论折算读取。`,
        en: `fact ${name} is deprecated since ${entry.alias.deprecatedIn}; use ${replacedBy.join(', ')} (read this time as the equivalent observations).`,
      },
    });
  }
  return { facts: { ...fromAliases, ...resolved }, deprecated };
};

const warned = new Set<string>();

/** Node's deprecation channel, once per old name per process: callers see it without a change to results. */
export const warnDeprecatedFacts = (uses: readonly DeprecatedFactUse[]): void => {
  for (const use of uses) {
    if (warned.has(use.name) || typeof process === 'undefined' || typeof process.emitWarning !== 'function') continue;
    warned.add(use.name);
    process.emitWarning(use.message.en, { type: 'DeprecationWarning', code: 'ANQUAN_DEPRECATED_FACT' });
  }
};
