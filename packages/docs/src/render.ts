// The handlebars environment: templates and partials from src/templates, every value escaped ({{ }} only).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { guidePage, indexPage, languageScript, rootFrom, searchPage, stylesheet } from './paths.js';

export const templatesDirectory = join(dirname(fileURLToPath(import.meta.url)), 'templates');

export interface Crumb {
  label: string;
  /** Site-root-relative; the current page has none. */
  href?: string;
}

/** What the layout needs on every page. */
export interface PageFrame {
  title: string;
  crumbs: Crumb[];
  /** A class on <body>, e.g. "checklist" for the print layout. */
  kind?: string;
  /** Scripts loaded at the end of the body, site-root-relative. */
  scripts?: string[];
  /** The search page has its own search box, so the header's is left out. */
  hidesSearchBox?: boolean;
}

type Template = ReturnType<typeof Handlebars.compile>;

export type Renderer = (template: string, page: string, frame: PageFrame, view: object) => string;

export const createRenderer = (options: { asOf: string }): Renderer => {
  const handlebars = Handlebars.create();
  const partials = join(templatesDirectory, 'partials');
  for (const file of readdirSync(partials).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  const compiled = new Map<string, Template>();
  const template = (name: string): Template => {
    let found = compiled.get(name);
    if (!found) {
      found = handlebars.compile(readFileSync(join(templatesDirectory, `${name}.hbs`), 'utf8'), { preventIndent: true });
      compiled.set(name, found);
    }
    return found;
  };
  return (name, page, frame, view) =>
    template(name)({
      ...view,
      frame,
      root: rootFrom(page),
      site: { index: indexPage(), guide: guidePage(), search: searchPage(), stylesheet: stylesheet(), languageScript: languageScript(), asOf: options.asOf },
    });
};
