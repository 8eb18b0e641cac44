// Old fact names: a renamed or split fact is accepted under its old name for one minor version, read as
// the new observations its field's `aliases` give (or set aside when no reading is honest), with a notice.
import type { z } from 'zod';
import type { FactAlias } from './fields.js';
import type { FactVocabulary } from './build.js';
import { fieldMeta } from './vocabulary.js';

/** An old fact name found in input, and what it was read as. */
export interface DeprecatedFactUse {
  name: string;
  replacedBy: string[];
  deprecatedIn: string;
  /** The old answer was not read at all: the items that need it stay unknown until the new facts are given. */
  setAside: boolean;
  message: { zh: string; en: string };
}

/** The facts to answer instead of an old name: as the alias lists them, else those its values read, else the fact itself. */
export const aliasReplacedBy = (fact: string, alias: FactAlias): string[] => {
  if (alias.replacedBy) return alias.replacedBy;
  const read = [...new Set(Object.values(alias.values ?? {}).flatMap((facts) => Object.keys(facts)))];
  return read.length > 0 ? read : [fact];
};

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
    const { alias } = entry;
    const read = alias.values ? alias.values[JSON.stringify(value)] : { [entry.fact]: value };
    if (read) Object.assign(fromAliases, read);
    const replacedBy = aliasReplacedBy(entry.fact, alias);
    const why = alias.note ? { zh: `${alias.note.zh}`, en: ` ${alias.note.en}` } : { zh: '', en: '' };
    deprecated.push({
      name,
      replacedBy,
      deprecatedIn: alias.deprecatedIn,
      setAside: read === undefined,
      message:
        read === undefined
          ? {
              zh: `事实“${name}”已于 ${alias.deprecatedIn} 版停用，请改填 ${replacedBy.join('、')}；本次未采用该答案（不折算为新事实）。${why.zh}`,
              en: `fact ${name} is deprecated since ${alias.deprecatedIn}; answer ${replacedBy.join(', ')} instead (its answer was set aside this time, not read as the new facts).${why.en}`,
            }
          : {
              zh: `事实“${name}”已于 ${alias.deprecatedIn} 版停用，请改用 ${replacedBy.join('、')}；本次按同一结论折算读取。${why.zh}`,
              en: `fact ${name} is deprecated since ${alias.deprecatedIn}; use ${replacedBy.join(', ')} (read this time as the equivalent observations).${why.en}`,
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
