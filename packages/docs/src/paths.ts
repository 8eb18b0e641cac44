// The site's URL scheme: every page has one site-root-relative path, and pages link with relative URLs only.
import { posix } from 'node:path';

/** Keeps a path segment to characters that are safe in file names and URLs. */
const segment = (value: string): string => value.replace(/[^A-Za-z0-9._-]+/g, '-');

export const indexPage = (): string => 'index.html';
export const guidePage = (): string => 'guide.html';
export const stylesheet = (): string => 'site.css';
export const searchPage = (): string => 'search.html';
/** The search index as JSON, for tools, and the same data as a script, which a page opened from file:// can load. */
export const searchIndexJson = (): string => 'search-index.json';
export const searchIndexScript = (): string => 'search-index.js';
/** The page scripts: the language switch on every page, the search on the search page. */
export const languageScript = (): string => 'language.js';
export const searchScript = (): string => 'search.js';
export const sectorPage = (sector: string): string => `sectors/${segment(sector)}/index.html`;
export const factsPage = (sector: string): string => `sectors/${segment(sector)}/facts.html`;
export const factsSchemaFile = (sector: string, asOf: string): string => `sectors/${segment(sector)}/facts-schema-${segment(asOf)}.json`;

interface DocumentKey {
  sector: string;
  id: string;
  version: string;
}

const documentFolder = (document: DocumentKey): string => `sectors/${segment(document.sector)}/${segment(document.id)}/${segment(document.version)}`;
export const documentPage = (document: DocumentKey): string => `${documentFolder(document)}/index.html`;
export const checklistPage = (document: DocumentKey): string => `${documentFolder(document)}/checklist.html`;
export const rulePage = (document: DocumentKey, ruleId: string): string => `${documentFolder(document)}/${segment(ruleId)}.html`;

/** Anchors inside pages. */
export const factAnchor = (fact: string): string => `fact-${segment(fact)}`;
export const derivedAnchor = (fact: string): string => `derived-${segment(fact)}`;
export const categoryAnchor = (category: string): string => `category-${segment(category)}`;
export const tableAnchor = (table: string): string => `table-${segment(table)}`;

/** The prefix that leads from a page back to the site root ("../../"), so links work from file:// and any sub-path. */
export const rootFrom = (page: string): string => '../'.repeat(posix.dirname(page) === '.' ? 0 : posix.dirname(page).split('/').length);
