// Papers assembled deterministically from a seed: the same blueprint, pool and seed give the same paper,
// so a paper can be reproduced and reviewed. A paper holds at most one question per template (a rule's
// variants, a calculator's cases) until the pool runs out; unseen questions come first; none twice.
import { createHash } from 'node:crypto';
import type { Question } from '../questions/question.js';
import type { Blueprint } from './blueprints.js';

/** A small seeded generator (mulberry32) fed from a hash of the seed text. */
export const seededRandom = (seed: string): (() => number) => {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
};

/** Questions that are one item asked again with other figures share a template. */
export const templateOf = (question: Question): string =>
  question.kind === 'calculation' ? `${question.kind}|${question.source}` : question.ruleIds.length ? `${question.kind}|${question.type}|${question.ruleIds[0]}` : question.id;

/** The stem and options with numbers blanked and 不构成 read as 构成: the same item with other figures. */
export const nearDuplicateSignature = (question: Question): string => {
  const blank = (text: string) => text.replace(/\d+(\.\d+)?/g, '#').replace(/不构成/g, '构成');
  return [blank(question.stem), ...question.options.map((option) => blank(option.text)).sort()].join('|');
};

export interface PreparedPool {
  /** Per question type, its templates in a fixed order, each with its questions sorted by id. */
  byType: Map<string, Question[][]>;
  signatures: Map<Question, string>;
  /** Each question's key as one string (its answer letters joined). */
  keys: Map<Question, string>;
  /** Per question type, how many different keys its questions have. */
  keyKinds: Map<string, number>;
}

const prepared = new WeakMap<readonly Question[], PreparedPool>();

/** Groups and sorts a pool once; later papers from the same pool array reuse the work. */
export const preparePool = (pool: readonly Question[]): PreparedPool => {
  const cached = prepared.get(pool);
  if (cached) return cached;
  const unique = [...new Map(pool.map((question) => [question.id, question])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const templates = new Map<string, Question[]>();
  for (const question of unique) {
    const key = `${question.type}|${templateOf(question)}`;
    const members = templates.get(key);
    if (members) members.push(question);
    else templates.set(key, [question]);
  }
  const byType = new Map<string, Question[][]>();
  for (const members of templates.values()) {
    const type = members[0]!.type;
    byType.set(type, [...(byType.get(type) ?? []), members]);
  }
  const keyKinds = new Map([...byType.entries()].map(([type, members]) => [type, new Set(members.flat().map((question) => question.answer.join(''))).size]));
  const result = {
    byType,
    keyKinds,
    signatures: new Map(unique.map((question) => [question, nearDuplicateSignature(question)])),
    keys: new Map(unique.map((question) => [question, question.answer.join('')])),
  };
  prepared.set(pool, result);
  return result;
};

/** How many templates of each type a pool holds: the most questions a paper can take without repeats. */
export const templatesByType = (pool: readonly Question[]): Record<string, number> => {
  const { byType, signatures } = preparePool(pool);
  return Object.fromEntries(
    [...byType.entries()].map(([type, templates]) => {
      const used = new Set<string>();
      let count = 0;
      for (const members of templates) {
        const fresh = members.find((question) => !used.has(signatures.get(question)!));
        if (!fresh) continue;
        used.add(signatures.get(fresh)!);
        count += 1;
      }
      return [type, count];
    }),
  );
};

export interface Paper {
  questions: Question[];
  /** Per section: how many the blueprint wants and how many the pool could give. */
  shortfall: { type: string; wanted: number; available: number }[];
}

export const assemblePaper = (blueprint: Pick<Blueprint, 'id' | 'sections'>, pool: readonly Question[], seed: string, seen: ReadonlySet<string> = new Set()): Paper => {
  const random = seededRandom(`${blueprint.id}|${seed}`);
  const { byType, signatures, keyKinds, keys } = preparePool(pool);
  const used = new Set<string>();
  const chosen: Question[] = [];
  const shortfall: Paper['shortfall'] = [];
  for (const section of blueprint.sections) {
    const templates = byType.get(section.type) ?? [];
    const picked: Question[] = [];
    const keysInPaper = new Map<string, number>();
    // First pass, one question per template: templates with an unseen question first, and within a
    // template an unseen question.
    const order = shuffled(templates, random);
    const isFresh = (members: Question[]) => {
      for (const question of members) if (!seen.has(question.id)) return true;
      return false;
    };
    // No key takes more than its share of the section while other templates can fill it: a template
    // whose variants would all exceed it waits, and is taken only if the section is still short.
    const share = Math.floor(section.count / Math.max(keyKinds.get(section.type) ?? 1, 1)) + 1;
    const take = (members: Question[], capped: boolean): boolean => {
      // Two templates can still read alike (the same wording with other figures): one of them only.
      const distinct = members.filter((question) => !used.has(signatures.get(question)!));
      const unseen = distinct.filter((question) => !seen.has(question.id));
      const candidates = unseen.length ? unseen : distinct;
      if (candidates.length === 0) return true;
      // Of a template's variants, one whose key the paper holds least so far: a paper's 正确/错误 and
      // key positions stay even, whatever the variants happen to be.
      let fewest = Infinity;
      for (const question of candidates) fewest = Math.min(fewest, keysInPaper.get(keys.get(question)!) ?? 0);
      if (capped && fewest >= share) return false;
      const from = candidates.filter((question) => (keysInPaper.get(keys.get(question)!) ?? 0) === fewest);
      const question = from[Math.floor(random() * from.length)]!;
      keysInPaper.set(keys.get(question)!, fewest + 1);
      picked.push(question);
      used.add(signatures.get(question)!);
      return true;
    };
    // Unseen templates before seen ones, each group with its waiting templates last. The seen ones are
    // set aside while the unseen are taken in order, so a paper filled early reads no further.
    const stale: Question[][] = [];
    const pass = (group: Iterable<Question[]>) => {
      const waiting: Question[][] = [];
      for (const members of group) {
        if (picked.length === section.count) break;
        if (!take(members, true)) waiting.push(members);
      }
      for (const members of waiting) {
        if (picked.length === section.count) break;
        take(members, false);
      }
    };
    pass(
      (function* fresh() {
        for (const members of order) {
          if (isFresh(members)) yield members;
          else stale.push(members);
        }
      })(),
    );
    if (picked.length < section.count) pass(stale);
    // Only when every template is used: more variants, unseen first.
    if (picked.length < section.count) {
      const taken = new Set(picked);
      const rest = templates.flat().filter((question) => !taken.has(question));
      picked.push(...[...shuffled(rest.filter((question) => !seen.has(question.id)), random), ...shuffled(rest.filter((question) => seen.has(question.id)), random)].slice(0, section.count - picked.length));
    }
    for (const question of picked) used.add(signatures.get(question)!);
    chosen.push(...picked);
    if (picked.length < section.count) shortfall.push({ type: section.type, wanted: section.count, available: picked.length });
  }
  return { questions: chosen, shortfall };
};

export const pointsFor = (blueprint: Pick<Blueprint, 'sections'>, question: Question): number => blueprint.sections.find((section) => section.type === question.type)?.points ?? 1;
