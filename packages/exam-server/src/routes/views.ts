// Handlebars views: a layout, partials, and a few helpers. Everything goes through {{ }}, escaped.
import { roleNav } from '../ledger/role-home.js';
import type { Request, Response } from 'express';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beijingTime, durationText } from '../attempts/china-time.js';

export const createViews = (directory: string) => {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  handlebars.registerHelper('percent', (value: number) => `${Math.round((value ?? 0) * 100)}%`);
  handlebars.registerHelper('add', (a: number, b: number) => a + b);
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
  // Every time on a page is Beijing time, labelled; durations read in 分/秒.
  handlebars.registerHelper('date', (value: string | null) => beijingTime(value));
  handlebars.registerHelper('duration', (seconds: number) => durationText(Number(seconds) || 0));
  handlebars.registerHelper('join', (list: unknown, separator: string) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : '、') : ''));
  for (const name of readdirSync(join(directory, 'partials'))) {
    handlebars.registerPartial(name.replace(/\.hbs$/, ''), readFileSync(join(directory, 'partials', name), 'utf8'));
  }
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  const template = (name: string) => {
    let compiled = templates.get(name);
    if (!compiled) {
      compiled = handlebars.compile(readFileSync(join(directory, `${name}.hbs`), 'utf8'), { strict: false });
      templates.set(name, compiled);
    }
    return compiled;
  };
  const layout = () => template('layout');
  const render = (name: string, data: Record<string, unknown>) => layout()({ ...data, body: new handlebars.SafeString(template(name)(data)) });
  return {
    render,
    /** Sends a page with the signed-in user and the CSRF token every form needs. */
    page: (request: Request, response: Response, name: string, data: Record<string, unknown> = {}, status = 200) =>
      response.status(status).send(render(name, { user: request.user, nav: request.user ? roleNav(request.user.role) : [], csrfToken: request.csrfToken, ...data })),
  };
};
