// The search index written at build time: every rule and every fact, in Chinese with their ids, small enough for a phone, read by assets/search.js.
import type { LoadedDocument, Sector } from '@anquan/rules';
import { documentName } from './document-name.js';
import { factAnchor, factsPage, rulePage } from './paths.js';

/** One hit the search can return. Keys are one letter because the file is loaded on every search. */
export interface SearchEntry {
  /** "r" a rule, "f" a fact. */
  k: 'r' | 'f';
  /** Chinese title (rule) or label (fact). */
  t: string;
  /** The citation label of a rule ("第四条第（一）项"); the unit of a fact, if any. */
  l?: string;
  /** Index into `contexts`: the document a rule belongs to, the sector a fact belongs to. */
  c: number;
  /** The link, after its context's prefix: `contexts[c].p + h` is site-root-relative. */
  h: string;
  /** The rule id or the fact name, for developers (shown only in the technical view). */
  i: string;
}

export interface SearchContext {
  n: string;
  p: string;
}

export interface SearchIndex {
  /** Bumped when the entry shape changes, so a cached page and a new index never disagree silently. */
  version: 1;
  /** What entries share: a name shown under each hit (n) and the start of their links (p). */
  contexts: SearchContext[];
  entries: SearchEntry[];
}

export interface IndexedFact {
  sector: Sector;
  name: string;
  label: { zh: string };
  unit?: string | undefined;
}

export const buildSearchIndex = (documents: readonly LoadedDocument[], facts: readonly IndexedFact[]): SearchIndex => {
  const contexts: SearchContext[] = [];
  /** Files the name and the link's start (up to its last / or #) under one context; returns the index and the rest of the link. */
  const place = (name: string, href: string): { c: number; h: string } => {
    const cut = Math.max(href.lastIndexOf('/'), href.lastIndexOf('#')) + 1;
    const prefix = href.slice(0, cut);
    let c = contexts.findIndex((context) => context.n === name && context.p === prefix);
    if (c < 0) c = contexts.push({ n: name, p: prefix }) - 1;
    return { c, h: href.slice(cut) };
  };
  const entries: SearchEntry[] = [];
  for (const document of documents) {
    const name = documentName(document);
    for (const rule of document.rules) {
      entries.push({ k: 'r', t: rule.title.zh, l: rule.citation.label, ...place(name, rulePage(document, rule.id)), i: rule.id });
    }
  }
  for (const fact of facts) {
    entries.push({
      k: 'f',
      t: fact.label.zh,
      ...(fact.unit ? { l: fact.unit } : {}),
      ...place(`${fact.sector.title.zh} · 事实词汇表`, `${factsPage(fact.sector.id)}#${factAnchor(fact.name)}`),
      i: fact.name,
    });
  }
  return { version: 1, contexts, entries };
};

/** The index as a script that sets one global: pages opened from file:// may not fetch JSON, but may load a script. */
export const searchIndexScriptText = (index: SearchIndex): string => `window.anquanSearchIndex = ${JSON.stringify(index)};\n`;
