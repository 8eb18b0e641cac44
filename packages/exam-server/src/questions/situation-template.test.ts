// The subset compiler renders every exam template of rules-data exactly as Handlebars (strict, no
// escaping) does, throws where Handlebars throws, and hands any other syntax to Handlebars.
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { loadRuleDocuments } from '@anquan/rules';
import { describe, expect, it } from 'vitest';
import { templateVariables } from './generate.js';
import { compileSituationTemplate } from './situation-template.js';

const outcome = (run: () => string) => {
  try {
    return { text: run() };
  } catch {
    return { threw: true };
  }
};
const handlebars = (source: string) => Handlebars.compile(source, { strict: true, noEscape: true });
const templates = [...new Set(loadRuleDocuments().documents.flatMap((document) => document.rules.flatMap((rule) => (rule.exam ? [rule.exam.situation.zh] : []))))];
// Everything a context can hold: yes/no, numbers (0 included), texts (empty included), lists, nothing.
const value = fc.constantFrom<unknown>(true, false, 0, 1, 2.5, -1, '', '无', '三级', [], ['a'], null, undefined);

describe('situation templates without Handlebars', () => {
  it('renders every exam template in rules-data as Handlebars does, on random contexts (seed 1416)', () => {
    expect(templates.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.infiniteStream(value), fc.infiniteStream(fc.boolean()), (template, values, present) => {
        const context: Record<string, unknown> = {};
        for (const name of new Set(templateVariables(template).map((path) => path.split('.')[0]!))) if (present.next().value) context[name] = values.next().value;
        expect(outcome(() => compileSituationTemplate(template)(context)), template).toEqual(outcome(() => handlebars(template)(context)));
      }),
      { seed: 1416, numRuns: 3000 },
    );
  });

  it('renders every exam template with all its variables given as Handlebars does', () => {
    for (const template of templates) {
      const context = Object.fromEntries(templateVariables(template).map((path, index) => [path.split('.')[0]!, index % 2 === 0 ? '甲' : true]));
      expect(outcome(() => compileSituationTemplate(template)(context)), template).toEqual(outcome(() => handlebars(template)(context)));
    }
  });

  it('follows Handlebars on the edges of the subset', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['{{a}}', {}],
      ['{{a}}', { a: undefined }],
      ['{{a}}', { a: false }],
      ['{{a}}', { a: [1, 2] }],
      ['{{a.length}}', { a: 'abc' }],
      ['{{#if a.length}}有{{^}}无{{/if}}', {}],
      ['{{#if a.length}}有{{^}}无{{/if}}', { a: '' }],
      ['{{#if a}}x{{else}}y{{/if}}', { a: 0 }],
      ['{{#unless a}}x{{^}}y{{/unless}}', { a: [] }],
      ['{{#if a}}{{#unless b}}p{{/unless}}q{{/if}}', { a: 1, b: 0 }],
      ['{{ a }}与{{b}}', { a: 1, b: 'x' }],
      ['{{toString}}', {}],
      ['{{#if toString}}x{{/if}}', {}],
    ];
    for (const [template, context] of cases) expect(outcome(() => compileSituationTemplate(template)(context)), template).toEqual(outcome(() => handlebars(template)(context)));
  });

  it('hands syntax beyond the subset to Handlebars', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['{{#each a}}{{this}}{{/each}}', { a: [1, 2] }],
      ['{{{a}}}', { a: '<b>' }],
      ['{{!-- note --}}{{a}}', { a: 1 }],
      ['\\{{a}}', { a: 1 }],
      ['{{#if a}}x', { a: 1 }],
      ['{{a}}\n{{#if b}}\ny\n{{/if}}\n', { a: 1, b: true }],
      ['{{a}}', { a: () => 'lambda' }],
    ];
    for (const [template, context] of cases) expect(outcome(() => compileSituationTemplate(template)(context)), template).toEqual(outcome(() => handlebars(template)(context)));
  });
});
