// Topics as data (rules-data/exams/topics.json): which rules teach which topic, and which topics and
// sectors each special operation's exam draws on. An administrator reads and extends the file; the code
// only looks names up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDataDirectory, type LoadedDocument, type Rule } from '@anquan/rules';
import { z } from 'zod';

const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a topic id of lower-case letters, digits and -'),
  zh: z.string().min(1, 'expected the topic name in Chinese'),
  /** `documentId@version/categoryId`: every rule of the category teaches the topic. */
  categories: z.array(z.string().regex(/^[\w-]+@[\w.-]+\/[\w-]+$/, 'expected documentId@version/categoryId')),
  rules: z.array(z.string()),
});

export const topicsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  topics: z.array(topicSchema).min(1),
  /** By the operation's name in the 特种作业目录: its topics, and optionally the sectors it is limited to. */
  operations: z.record(z.string(), z.strictObject({ topics: z.array(z.string()), sectors: z.array(z.string()).optional() })),
});
export type TopicsFile = z.infer<typeof topicsFileSchema>;

let cache: TopicsFile | undefined;

export const topicsFile = (): TopicsFile => {
  if (cache) return cache;
  const file = join(rulesDataDirectory(), 'exams', 'topics.json');
  const parsed = topicsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const ids = new Set(parsed.data.topics.map((topic) => topic.id));
  for (const [operation, entry] of Object.entries(parsed.data.operations)) {
    for (const topic of entry.topics) if (!ids.has(topic)) throw new Error(`${file}: operations.${operation}.topics: unknown topic ${topic}`);
  }
  cache = parsed.data;
  return cache;
};

const ruleTopics = new WeakMap<Rule, Map<string, readonly string[]>>();

/** The topic ids a rule teaches: those listing its category or its id (looked up once per rule). */
export const topicsOfRule = (document: LoadedDocument, rule: Rule): string[] => {
  const category = `${document.id}@${document.version}/${rule.category}`;
  let byCategory = ruleTopics.get(rule);
  if (!byCategory) ruleTopics.set(rule, (byCategory = new Map()));
  let topics = byCategory.get(category);
  if (!topics) {
    topics = topicsFile()
      .topics.filter((topic) => topic.categories.includes(category) || topic.rules.includes(rule.id))
      .map((topic) => topic.id);
    byCategory.set(category, topics);
  }
  return [...topics];
};

let labels: Map<string, string> | undefined;
export const topicLabel = (id: string): string => {
  // The first topic of an id names it, as a search from the start of the file would.
  labels ??= new Map([...topicsFile().topics].reverse().map((topic) => [topic.id, topic.zh]));
  return labels.get(id) ?? id;
};
