// The questions of a self-assessment form: the sector's fact JSON Schema, grouped by the categories of the
// documents in force, with the facts that decide where whole categories apply asked first.
import { documentsInForce, factsReadBy, factsSchema } from '@anquan/rules';

export type FieldKind = 'boolean' | 'enum' | 'number' | 'integer' | 'array' | 'text';

export interface Field {
  name: string;
  kind: FieldKind;
  label: string;
  description: string;
  unit: string | null;
  hint: string | null;
  minimum: number | null;
  options: { value: string; label: string }[];
}

export interface FieldGroup {
  id: string;
  title: string;
  /** The category applies only where these facts say so (empty: everywhere). */
  appliesWhenFacts: string[];
  fields: Field[];
}

export interface FormLayout {
  sector: string;
  asOf: string;
  fields: Map<string, Field>;
  /** Facts that decide applicability for several categories: asked first. */
  applicability: Field[];
  groups: FieldGroup[];
}

type Property = { type?: string; enum?: unknown[]; title?: string; description?: string; unit?: string; hint?: string; minimum?: number; optionLabels?: Record<string, string>; items?: { enum?: unknown[] } };

const kindOf = (property: Property): FieldKind => {
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'array') return 'array';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'number') return 'number';
  if (Array.isArray(property.enum)) return 'enum';
  return 'text';
};

const fieldOf = (name: string, property: Property): Field => {
  const values = (property.type === 'array' ? property.items?.enum : property.enum) ?? [];
  return {
    name,
    kind: kindOf(property),
    label: property.title ?? name,
    description: property.description ?? '',
    unit: property.unit && property.unit !== 'ratio' ? property.unit : null,
    hint: property.hint ?? null,
    minimum: typeof property.minimum === 'number' ? property.minimum : null,
    options: values.map((value) => ({ value: String(value), label: property.optionLabels?.[String(value)] ?? String(value) })),
  };
};

/** A fact read by rules of this many categories counts as shared and is asked up front. */
const sharedAcrossCategories = 3;

const layouts = new Map<string, FormLayout>();

/** Cached per sector and date: the data does not change while the server runs. */
export const formLayout = (sector: string, asOf: string): FormLayout => {
  const key = `${sector}@${asOf}`;
  let layout = layouts.get(key);
  if (!layout) {
    if (layouts.size > 200) layouts.clear();
    layout = buildLayout(sector, asOf);
    layouts.set(key, layout);
  }
  return layout;
};

const buildLayout = (sector: string, asOf: string): FormLayout => {
  const schema = factsSchema(sector, { asOf }) as { properties?: Record<string, Property> };
  const fields = new Map(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, fieldOf(name, property)]));
  const documents = documentsInForce(sector, asOf);

  const categoryFacts = new Set<string>();
  const categoriesReading = new Map<string, Set<string>>();
  const groups = new Map<string, FieldGroup & { early: Set<string>; seen: Set<string> }>();
  for (const document of documents) {
    for (const category of document.categories) {
      const applies = factsReadBy(category.appliesWhen, document).filter((fact) => fields.has(fact));
      applies.forEach((fact) => categoryFacts.add(fact));
      const key = `${document.id}/${category.id}`;
      if (!groups.has(key)) groups.set(key, { id: key, title: category.title.zh, appliesWhenFacts: applies, fields: [], early: new Set(), seen: new Set() });
    }
    for (const rule of document.rules) {
      const key = `${document.id}/${rule.category}`;
      if (!groups.has(key)) groups.set(key, { id: key, title: rule.category, appliesWhenFacts: [], fields: [], early: new Set(), seen: new Set() });
      const group = groups.get(key)!;
      for (const fact of factsReadBy(rule.appliesWhen, document)) group.early.add(fact);
      for (const fact of rule.facts) {
        group.seen.add(fact);
        const reading = categoriesReading.get(fact) ?? new Set();
        reading.add(key);
        categoriesReading.set(fact, reading);
      }
    }
  }
  const shared = new Set([...fields.keys()].filter((fact) => categoryFacts.has(fact) || (categoriesReading.get(fact)?.size ?? 0) >= sharedAcrossCategories));
  const placed = new Set(shared);
  const result: FieldGroup[] = [];
  for (const group of groups.values()) {
    // Within a category, the facts that decide whether an item applies come before the items' details.
    const names = [...group.seen].filter((fact) => fields.has(fact) && !placed.has(fact));
    names.sort((a, b) => Number(group.early.has(b)) - Number(group.early.has(a)));
    names.forEach((fact) => placed.add(fact));
    if (names.length > 0) result.push({ id: group.id, title: group.title, appliesWhenFacts: group.appliesWhenFacts, fields: names.map((fact) => fields.get(fact)!) });
  }
  const rest = [...fields.keys()].filter((fact) => !placed.has(fact));
  if (rest.length > 0) result.push({ id: 'other', title: '其他', appliesWhenFacts: [], fields: rest.map((fact) => fields.get(fact)!) });
  // Keep the schema's order for the shared facts: the vocabulary lists them as a reader would ask them.
  return { sector, asOf, fields, applicability: [...fields.keys()].filter((fact) => shared.has(fact)).map((fact) => fields.get(fact)!), groups: result };
};
