// Builds the static site from rules-data: every page is generated, none is edited by hand.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from './catalogue.js';
import { checklistPage, documentPage, factsPage, guidePage, indexPage, languageScript, rulePage, searchIndexJson, searchIndexScript, searchPage, searchScript, sectorPage, stylesheet } from './paths.js';
import { createRenderer } from './render.js';
import { buildSearchIndex, searchIndexScriptText, type IndexedFact } from './search-index.js';
import { calculatorsPage, calculatorsView } from './views/calculators-view.js';
import { checklistView } from './views/checklist-view.js';
import { documentView } from './views/document-view.js';
import { factsView } from './views/facts-view.js';
import { guideView, homeView } from './views/home-view.js';
import { ruleView } from './views/rule-view.js';
import { searchView } from './views/search-view.js';
import { sectorView } from './views/sector-view.js';

export const defaultOutputDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'site');

export interface BuildOptions {
  /** Where the site goes; emptied first. */
  outDir?: string;
  /** The date document status (in force, superseded) is computed for; today (UTC) by default. */
  asOf?: string;
}

export interface BuildReport {
  outDir: string;
  asOf: string;
  /** Every file written, relative to outDir. */
  files: string[];
  counts: { sectors: number; documents: number; rules: number; checklists: number; vocabularies: number; pages: number; searchEntries: number };
}

export const buildSite = (options: BuildOptions = {}): BuildReport => {
  const outDir = options.outDir ?? defaultOutputDirectory;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const catalogue = loadCatalogue(asOf);
  const render = createRenderer({ asOf });
  rmSync(outDir, { recursive: true, force: true });
  const files: string[] = [];
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), content);
    files.push(path);
  };
  const page = (template: string, path: string, built: { frame: Parameters<typeof render>[2]; view: object }): void =>
    write(path, render(template, path, built.frame, built.view));
  const counts = { sectors: 0, documents: 0, rules: 0, checklists: 0, vocabularies: 0, pages: 0, searchEntries: 0 };

  mkdirSync(outDir, { recursive: true });
  const assets = join(dirname(fileURLToPath(import.meta.url)), 'assets');
  for (const [asset, path] of [['site.css', stylesheet()], ['language.js', languageScript()], ['search.js', searchScript()]] as const) {
    copyFileSync(join(assets, asset), join(outDir, path));
    files.push(path);
  }
  const indexedFacts: IndexedFact[] = [];
  page('index', indexPage(), homeView(catalogue));
  page('guide', guidePage(), guideView(catalogue));
  page('calculators', calculatorsPage(), calculatorsView());
  for (const sector of catalogue.sectors) {
    const documents = catalogue.documentsOf(sector.id);
    if (documents.length === 0 && !catalogue.hasVocabulary(sector.id)) continue;
    page('sector', sectorPage(sector.id), sectorView(catalogue, sector));
    counts.sectors += 1;
    if (catalogue.hasFactsPage(sector.id)) {
      const facts = factsView(catalogue, sector);
      for (const file of facts.schemaFiles) write(file.path, `${JSON.stringify(file.schema, null, 2)}\n`);
      page('facts', factsPage(sector.id), facts);
      for (const fact of facts.view.facts) indexedFacts.push({ sector, name: fact.name, label: fact.label, unit: fact.unit });
      counts.vocabularies += 1;
    }
    for (const document of documents) {
      page('document', documentPage(document), documentView(catalogue, document));
      counts.documents += 1;
      if (document.rules.length > 0) {
        page('checklist', checklistPage(document), checklistView(catalogue, document));
        counts.checklists += 1;
      }
      document.rules.forEach((rule, index) => {
        page('rule', rulePage(document, rule.id), ruleView(catalogue, document, index));
        counts.rules += 1;
      });
    }
  }
  const index = buildSearchIndex(catalogue.documents, indexedFacts);
  write(searchIndexJson(), `${JSON.stringify(index)}\n`);
  counts.searchEntries = index.entries.length;
  write(searchIndexScript(), searchIndexScriptText(index));
  page('search', searchPage(), searchView({ rules: counts.rules, facts: indexedFacts.length }));
  counts.pages = files.filter((file) => file.endsWith('.html')).length;
  return { outDir, asOf, files, counts };
};
