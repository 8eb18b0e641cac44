// The page of one rule: its citation, our title, where it applies and when it fires in words, the facts it reads.
import type { LoadedDocument, Rule } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { conditionInWords, factsInCondition, type Condition, type Words } from '../conditions-in-words.js';
import { derivedFactsBehind, expressionInWords } from '../expressions-in-words.js';
import { factNamesAsLabels } from '../fact-names-in-text.js';
import { categoryAnchor, checklistPage, derivedAnchor, documentPage, factAnchor, factsPage, rulePage, sectorPage } from '../paths.js';
import { quantityText, unitName, type Bilingual } from '../quantities.js';
import type { PageFrame } from '../render.js';

interface RuleLink {
  href: string;
  label: string;
  title: Bilingual;
}

const linkTo = (document: LoadedDocument, rule: Rule): RuleLink => ({ href: rulePage(document, rule.id), label: rule.citation.label, title: rule.title });

const exampleValue = (value: unknown, optionLabels: Record<string, string> | undefined, unit: string | undefined): string => {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return optionLabels?.[value] ?? value;
  if (typeof value === 'number') return quantityText(value, unit).zh;
  if (Array.isArray(value)) return value.map((item) => exampleValue(item, optionLabels, undefined)).join('、') || '（无）';
  return JSON.stringify(value);
};

export const ruleView = (catalogue: Catalogue, document: LoadedDocument, index: number) => {
  const rule = document.rules[index]!;
  const sector = catalogue.sectors.find((candidate) => candidate.id === document.sector)!;
  const fact = (name: string) => catalogue.factWording(document, name);
  const context = { fact, rule: catalogue.ruleReference(document), shared: (name: string) => document.sharedConditions[name] };
  const category = document.categories.find((candidate) => candidate.id === rule.category);
  const applicability: Words[] = [];
  if (category?.appliesWhen) applicability.push(conditionInWords(category.appliesWhen, context));
  if (rule.appliesWhen) applicability.push(conditionInWords(rule.appliesWhen, context));
  const conditionTrees: Condition[] = [category?.appliesWhen, rule.appliesWhen, rule.conditions].filter((tree): tree is Condition => tree !== undefined);
  const derived = derivedFactsBehind(conditionTrees.flatMap((tree) => factsInCondition(tree, document)), document.derivedFacts).map((name) => {
    const definition = document.derivedFacts[name]!;
    return {
      anchor: derivedAnchor(name),
      href: `${documentPage(document)}#${derivedAnchor(name)}`,
      name,
      label: definition.label,
      unit: unitName(definition.unit),
      formula: expressionInWords(definition.expression, { fact, table: catalogue.tableWording(document), shared: (name: string) => document.sharedConditions[name]?.label }),
    };
  });
  const factsLink = catalogue.hasFactsPage(document.sector) ? factsPage(document.sector) : undefined;
  const facts = rule.facts.map((name) => {
    const wording = fact(name);
    return {
      name,
      label: wording.label,
      unit: unitName(wording.unit),
      options: wording.optionLabels ? Object.entries(wording.optionLabels).map(([value, label]) => ({ value, label })) : [],
      href: factsLink ? `${factsLink}#${factAnchor(name)}` : undefined,
    };
  });
  const example = (kind: 'hazard' | 'clear', facts: Record<string, unknown> | undefined) =>
    facts && Object.keys(facts).length > 0
      ? {
          kind,
          heading: kind === 'hazard' ? { zh: '构成的例子', en: 'An example that fires' } : { zh: '适用但不构成的例子', en: 'An example that applies but is clear' },
          rows: Object.entries(facts).map(([name, value]) => {
            const wording = fact(name);
            return { name, label: wording.label, value: exampleValue(value, wording.optionLabels, wording.unit) };
          }),
        }
      : undefined;
  const previous = document.rules[index - 1];
  const next = document.rules[index + 1];
  const parent = rule.partOf ? catalogue.findRule(rule.partOf, document) : undefined;
  const children = document.rules.filter((candidate) => candidate.partOf === rule.id).map((child) => linkTo(document, child));
  const frame: PageFrame = {
    title: `${rule.citation.label} ${rule.title.zh} — ${document.title.zh}`,
    crumbs: [
      { label: sector.title.zh, href: sectorPage(sector.id) },
      { label: `${document.title.zh}`, href: documentPage(document) },
      { label: rule.citation.label },
    ],
  };
  return {
    frame,
    view: {
      rule: {
        id: rule.id,
        label: rule.citation.label,
        indexLabel: rule.citation.indexLabel,
        title: rule.title,
        verified: rule.verified,
        unverifiedNote: rule.unverifiedNote,
        readings: rule.readings.map((reading) => factNamesAsLabels(reading, (name) => fact(name).label.zh)),
      },
      document: {
        title: document.title,
        number: document.number,
        version: document.version,
        href: documentPage(document),
        checklist: document.rules.length > 0 ? checklistPage(document) : undefined,
        file: document.file,
      },
      category: category ? { title: category.title, href: `${documentPage(document)}#${categoryAnchor(category.id)}` } : undefined,
      applicability,
      conditions: conditionInWords(rule.conditions, context),
      derived,
      facts,
      factsLink,
      examples: [example('hazard', rule.exam?.hazardExample), example('clear', rule.exam?.clearExample)].filter((item) => item !== undefined),
      parent: parent ? linkTo(parent.document, parent.rule) : undefined,
      children,
      previous: previous ? linkTo(document, previous) : undefined,
      next: next ? linkTo(document, next) : undefined,
    },
  };
};
