// Which rules read each fact, across a sector's document versions, asked of the core's walker (factsReadBy).
import { factsReadBy, type Condition, type LoadedDocument, type Rule } from '@anquan/rules';

export interface FactReader {
  document: LoadedDocument;
  rule: Rule;
}

/**
 * A rule's whole test: its category's scope, its own scope and its conditions. The engine tests the same
 * three together; which facts they read does not depend on how they are nested, so an `all` of them is enough.
 */
const wholeTestOf = (document: LoadedDocument, rule: Rule): Condition => ({
  all: [document.categories.find((category) => category.id === rule.category)?.appliesWhen, rule.appliesWhen, rule.conditions].filter(
    (condition): condition is Condition => condition !== undefined,
  ),
});

/** The observed facts one rule reads: shared conditions inlined, derived facts resolved, referenced rules followed. */
export const factsReadByRule = (document: LoadedDocument, rule: Rule): string[] => {
  const resolveRule = (id: string): Condition | undefined => {
    const referenced = document.rules.find((candidate) => candidate.id === id);
    return referenced ? wholeTestOf(document, referenced) : undefined;
  };
  return factsReadBy(wholeTestOf(document, rule), document, resolveRule, new Set([rule.id]));
};

/** Every fact read by the rules of these documents, with its readers in document order, then rule order. */
export const readersOfFacts = (documents: readonly LoadedDocument[]): Map<string, FactReader[]> => {
  const readers = new Map<string, FactReader[]>();
  for (const document of documents) {
    for (const rule of document.rules) {
      for (const fact of factsReadByRule(document, rule)) readers.set(fact, [...(readers.get(fact) ?? []), { document, rule }]);
    }
  }
  return readers;
};
