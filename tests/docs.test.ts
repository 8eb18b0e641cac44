// The docs site: built from rules-data, every internal link and anchor resolves, every rule has its page.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRulesData } from '../packages/rules/src/documents/load.js';
import { buildSite, type BuildReport } from '../packages/docs/src/build.js';
import { rulePage } from '../packages/docs/src/paths.js';
import { templatesDirectory } from '../packages/docs/src/render.js';

let outDir: string;
let report: BuildReport;
const html = new Map<string, string>();

const decode = (value: string): string =>
  value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

const idsOf = (content: string): Set<string> => new Set([...content.matchAll(/\sid="([^"]*)"/g)].map((match) => decode(match[1]!)));

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'anquan-docs-'));
  report = buildSite({ outDir });
  for (const file of report.files.filter((name) => name.endsWith('.html'))) html.set(file, readFileSync(join(outDir, file), 'utf8'));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the docs site', () => {
  it('has a page for every rule of every rules-data document, showing its citation and title', () => {
    const { documents } = loadRulesData();
    const missing: string[] = [];
    let rules = 0;
    for (const document of documents) {
      for (const rule of document.rules) {
        rules += 1;
        const page = html.get(rulePage(document, rule.id));
        if (!page || !page.includes(rule.citation.label) || !page.includes(`<code>${rule.id}</code>`)) missing.push(`${document.file}: ${rule.id}`);
      }
    }
    expect(missing).toEqual([]);
    expect(report.counts.rules).toBe(rules);
    expect(report.counts.documents).toBe(documents.length);
  });

  it('resolves every internal href and src to a file of the site, and every #anchor to an id on that page', () => {
    const broken: string[] = [];
    let checked = 0;
    const idCache = new Map<string, Set<string>>();
    for (const [file, content] of html) {
      for (const match of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const link = decode(match[1]!);
        if (/^(https?:|mailto:)/.test(link)) continue;
        checked += 1;
        if (link.startsWith('/') || /^[a-z]+:/i.test(link)) {
          broken.push(`${file}: ${link} is not relative`);
          continue;
        }
        const [path = '', anchor] = link.split('#');
        const target = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), path));
        if (target.startsWith('..') || !existsSync(join(outDir, target))) {
          broken.push(`${file}: ${link}`);
          continue;
        }
        if (anchor) {
          if (!idCache.has(target)) idCache.set(target, idsOf(html.get(target) ?? readFileSync(join(outDir, target), 'utf8')));
          if (!idCache.get(target)!.has(anchor)) broken.push(`${file}: ${link} (no id "${anchor}")`);
        }
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(html.size * 3);
  });

  it('covers sectors, document versions, checklists, vocabularies and the guide', () => {
    const { documents } = loadRulesData();
    expect(html.has('index.html')).toBe(true);
    expect(html.has('guide.html')).toBe(true);
    expect(report.counts.checklists).toBe(documents.filter((document) => document.rules.length > 0).length);
    expect(report.counts.vocabularies).toBeGreaterThan(0);
    const guide = html.get('guide.html')!;
    for (const text of ['assess', 'anquan assess --sector', '--as-of', '--json', 'POST /api/v1/assessments', '/api/v1/openapi.json']) expect(guide).toContain(text);
    const checklist = [...html.entries()].find(([file]) => file.endsWith('/checklist.html'))![1];
    expect(checklist).toContain('type="checkbox"');
  });

  it('escapes every value: templates never use the triple-stash', () => {
    const templates = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? templates(join(directory, entry.name)) : entry.name.endsWith('.hbs') ? [join(directory, entry.name)] : []));
    const offenders = templates(templatesDirectory).filter((file) => readFileSync(file, 'utf8').includes('{{{'));
    expect(offenders.map((file) => file.slice(dirname(templatesDirectory).length))).toEqual([]);
  });
});
