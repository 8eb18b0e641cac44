// The page's search (assets/search.js), run as the browser runs it, over an index built from rules-data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { loadRuleDocuments } from '@anquan/rules';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndex } from './search-index.js';

interface Hit {
  score: number;
  entry: SearchIndex['entries'][number];
  context: SearchIndex['contexts'][number];
}
interface Search {
  normalize: (text: string) => string;
  bigrams: (text: string) => string[];
  search: (index: SearchIndex, query: string, limit?: number) => { total: number; hits: Hit[] };
}

/** Loads the script in a sandbox without a document, as a page would before the DOM exists, and returns what it exports. */
const loadSearch = (): Search => {
  const sandbox: { window: { anquanSearch?: Search } } = { window: {} };
  runInNewContext(readFileSync(join(import.meta.dirname, 'assets', 'search.js'), 'utf8'), sandbox);
  return sandbox.window.anquanSearch!;
};

const { documents, sectors } = loadRuleDocuments();
const coal = sectors.find((sector) => sector.id === 'coal-mine')!;
const index = buildSearchIndex(documents, [
  { sector: coal, name: 'gasConcentrationPercent', label: { zh: '回风流中甲烷浓度' }, unit: '%' },
  { sector: coal, name: 'powerSupplyCircuits', label: { zh: '供电回路数' } },
]);
const { search, normalize, bigrams } = loadSearch();
const allRules = documents.flatMap((document) => document.rules.map((rule) => ({ document, rule })));

describe('the search script', () => {
  it('finds every rule by its whole Chinese title', () => {
    const missed = allRules.filter(({ rule }) => !search(index, rule.title.zh, 10_000).hits.some((hit) => hit.entry.i === rule.id));
    expect(missed.map(({ rule }) => rule.id)).toEqual([]);
  });

  it('finds every rule by its id, first', () => {
    const missed = allRules.filter(({ rule }) => search(index, rule.id, 1).hits[0]?.entry.i !== rule.id);
    expect(missed.map(({ rule }) => rule.id)).toEqual([]);
  });

  it('matches part of a Chinese word, and returns only entries that contain it', () => {
    const { hits, total } = search(index, '瓦斯', 10_000);
    expect(total).toBeGreaterThan(0);
    expect(hits.length).toBe(total);
    for (const hit of hits) expect(`${hit.entry.t} ${hit.entry.l ?? ''} ${hit.context.n} ${hit.entry.i}`).toContain('瓦斯');
    expect(total).toBe(allRules.filter(({ document, rule }) => `${rule.title.zh}${rule.citation.label}${document.title.zh}`.includes('瓦斯')).length);
  });

  it('finds a fact by its Chinese label and by its name, linking to its entry on the vocabulary page', () => {
    const byLabel = search(index, '甲烷浓度').hits.find((hit) => hit.entry.k === 'f');
    expect(byLabel?.entry.i).toBe('gasConcentrationPercent');
    expect(`${byLabel!.context.p}${byLabel!.entry.h}`).toBe('sectors/coal-mine/facts.html#fact-gasConcentrationPercent');
    expect(search(index, 'powersupplycircuits').hits[0]?.entry.i).toBe('powerSupplyCircuits');
  });

  it('matches a longer Chinese phrase by most of its bigrams when the exact phrase is not written', () => {
    // "回风流甲烷浓度" is not in the label "回风流中甲烷浓度", but 5 of its 6 bigrams are.
    expect(search(index, '回风流甲烷浓度').hits.some((hit) => hit.entry.i === 'gasConcentrationPercent')).toBe(true);
    expect(search(index, '完全无关的词语组合').total).toBe(0);
  });

  it('needs every word of a query with spaces, and ranks a title match above a match elsewhere', () => {
    const both = search(index, '瓦斯 抽采', 10_000);
    expect(both.total).toBeGreaterThan(0);
    for (const hit of both.hits) {
      const text = `${hit.entry.t} ${hit.entry.l ?? ''} ${hit.context.n}`;
      expect(text).toContain('瓦斯');
      expect(text).toContain('抽采');
    }
    const scores = both.hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const inTitle = search(index, '煤矿', 10_000).hits.map((hit) => hit.entry.t.includes('煤矿'));
    expect(inTitle.includes(false)).toBe(true);
    expect(inTitle.indexOf(false)).toBeGreaterThan(inTitle.lastIndexOf(true));
  });

  it('normalises full-width letters and case, and splits bigrams without spaces', () => {
    expect(normalize('  ＡＢＣ　Def ')).toBe('abc def');
    expect(bigrams('瓦斯 抽采')).toEqual(['瓦斯', '斯抽', '抽采']);
    expect(search(index, '   ').total).toBe(0);
  });
});
