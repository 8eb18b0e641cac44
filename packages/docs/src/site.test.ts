// The built site as a reader meets it: Chinese screens without ids, titles without a repeated year, a search
// index holding every rule and fact, and fact entries listing exactly the rules the core says read them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { factAliases, loadRuleDocuments, vocabularyFor } from '@anquan/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildReport } from './build.js';
import { factAnchor, factsPage, rulePage, searchIndexJson, searchIndexScript } from './paths.js';
import type { SearchIndex } from './search-index.js';

// A fixed date, so which versions are in force (and so the pages) never depends on the day the test runs.
const asOf = '2026-12-01';
const { documents, sectors } = loadRuleDocuments();
let outDir: string;
let report: BuildReport;
const html = new Map<string, string>();

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'anquan-docs-site-'));
  report = buildSite({ outDir, asOf });
  for (const file of report.files.filter((name) => name.endsWith('.html'))) html.set(file, readFileSync(join(outDir, file), 'utf8'));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const decode = (value: string): string =>
  value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The text a reader sees in the Chinese view: no scripts, no element marked as English (lang="en") or as
 * technical (class "dev"), no tags or attributes. Those elements never nest an element of their own tag name.
 */
const chineseText = (page: string): string =>
  decode(
    page
      .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
      .replace(/<(\w+)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<(\w+)\b[^>]*\sclass="(?:[^"]*\s)?dev(?:\s[^"]*)?"[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  );

const textOf = (fragment: string): string => decode(fragment.replace(/<[^>]*>/g, ''));

describe('the Chinese pages', () => {
  const ruleIds = new Set(documents.flatMap((document) => document.rules.map((rule) => rule.id)));
  const factNames = new Set(documents.flatMap((document) => document.rules.flatMap((rule) => rule.facts)));

  it('show no rule id and no fact name outside the English and technical elements', () => {
    const shown: string[] = [];
    for (const [file, page] of html) {
      // The guide (library, CLI, HTTP API) and the calculators' input reference document code: code is their subject.
      if (file === 'guide.html' || file === 'calculators.html') continue;
      const text = chineseText(page);
      for (const token of text.match(/[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/g) ?? []) {
        if (ruleIds.has(token) || factNames.has(token)) shown.push(`${file}: ${token}`);
      }
    }
    expect(shown.slice(0, 20)).toEqual([]);
  });

  it('write formulas and units in words: no JSON and no English unit word on a Chinese screen', () => {
    const found: string[] = [];
    for (const [file, page] of html) {
      if (file === 'guide.html' || file === 'calculators.html') continue;
      const text = chineseText(page);
      if (text.includes('{"')) found.push(`${file}: JSON`);
      for (const match of text.matchAll(/[\d）)]\s?(persons|years|points|count|sites|times|months?)(?![A-Za-z])/g)) found.push(`${file}: ${match[0]}`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('still carry each rule id on its page, in the technical element', () => {
    const page = html.get(rulePage(documents[0]!, documents[0]!.rules[0]!.id))!;
    expect(page).toMatch(new RegExp(`class="dev"[^>]*>[^<]*<code>${documents[0]!.rules[0]!.id}</code>`));
    expect(chineseText(page)).not.toContain(documents[0]!.rules[0]!.id);
  });

  it('have titles, headings and crumbs that name no year twice', () => {
    const repeated: string[] = [];
    for (const [file, page] of html) {
      const titles = [
        ...[...page.matchAll(/<title>([\s\S]*?)<\/title>/g)].map((match) => textOf(match[1]!)),
        ...[...page.matchAll(/<h1>([\s\S]*?)<\/h1>/g)].map((match) => textOf(match[1]!.replace(/<span class="en"[^>]*>[\s\S]*?<\/span>/g, ''))),
        ...[...page.matchAll(/<nav class="crumbs"[^>]*>([\s\S]*?)<\/nav>/g)].flatMap((match) => [...match[1]!.matchAll(/>([^<]+)</g)].map((crumb) => decode(crumb[1]!))),
      ];
      for (const title of titles) {
        const years = title.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? [];
        if (new Set(years).size < years.length) repeated.push(`${file}: ${title}`);
      }
    }
    expect(repeated.slice(0, 20)).toEqual([]);
  });
});

describe('the search index', () => {
  const index = (): SearchIndex => JSON.parse(readFileSync(join(outDir, searchIndexJson()), 'utf8')) as SearchIndex;
  const href = (search: SearchIndex, entry: SearchIndex['entries'][number]): string => `${search.contexts[entry.c]!.p}${entry.h}`;

  it('holds every rule, linking to its page', () => {
    const search = index();
    const rules = new Map(search.entries.filter((entry) => entry.k === 'r').map((entry) => [href(search, entry), entry]));
    const missing: string[] = [];
    for (const document of documents) {
      for (const rule of document.rules) {
        const entry = rules.get(rulePage(document, rule.id));
        if (!entry || entry.t !== rule.title.zh || entry.i !== rule.id || entry.l !== rule.citation.label) missing.push(rule.id);
      }
    }
    expect(missing).toEqual([]);
    expect(rules.size).toBe(documents.reduce((total, document) => total + document.rules.length, 0));
  });

  it('holds every fact of every vocabulary, every old name still accepted, and every fact a rule reads, linking to its entry on the vocabulary page', () => {
    const search = index();
    const facts = new Set(search.entries.filter((entry) => entry.k === 'f').map((entry) => href(search, entry)));
    const expected = new Set<string>();
    for (const sector of sectors) {
      const vocabulary = vocabularyFor(sector.id);
      for (const name of Object.keys(vocabulary?.shape ?? {})) expected.add(`${factsPage(sector.id)}#${factAnchor(name)}`);
      for (const name of vocabulary ? factAliases(vocabulary).keys() : []) expected.add(`${factsPage(sector.id)}#${factAnchor(name)}`);
    }
    for (const document of documents) for (const rule of document.rules) for (const name of rule.facts) expected.add(`${factsPage(document.sector)}#${factAnchor(name)}`);
    expect([...expected].filter((link) => !facts.has(link))).toEqual([]);
    expect(facts.size).toBe(expected.size);
    for (const link of facts) {
      const [page, anchor] = link.split('#');
      expect(html.get(page!), link).toContain(`id="${anchor}"`);
    }
  });

  it('is also written as a script that sets the same index, for pages opened from disk', () => {
    const script = readFileSync(join(outDir, searchIndexScript()), 'utf8');
    const json = readFileSync(join(outDir, searchIndexJson()), 'utf8').trim();
    expect(script).toBe(`window.anquanSearchIndex = ${json};\n`);
  });
});

describe('the fact vocabulary pages', () => {
  it('list under each fact exactly the rules the core says read it, across document versions', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const sector of sectors) {
      const page = html.get(factsPage(sector.id));
      if (!page) continue;
      const base = posix.dirname(factsPage(sector.id));
      const blocks = page.split('<div class="fact" id="').slice(1);
      for (const block of blocks) {
        const anchor = block.slice(0, block.indexOf('"'));
        const listed = new Set(
          [...(block.match(/<ul class="used-by">[\s\S]*?<\/ul>/)?.[0] ?? '').matchAll(/<a href="([^"]+)"[^>]*>[^<]*<\/a>/g)]
            .map((match) => posix.normalize(posix.join(base, decode(match[1]!))))
            .filter((link) => !link.endsWith('/index.html')),
        );
        const readers = new Set(
          documents
            .filter((document) => document.sector === sector.id)
            .flatMap((document) => document.rules.filter((rule) => rule.facts.some((name) => factAnchor(name) === anchor)).map((rule) => rulePage(document, rule.id))),
        );
        checked += readers.size;
        if ([...readers].sort().join() !== [...listed].sort().join()) wrong.push(`${sector.id} ${anchor}: listed ${[...listed].join(' ')}; read by ${[...readers].join(' ')}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
