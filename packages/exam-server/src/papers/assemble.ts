// Papers assembled deterministically from a seed: the same blueprint, pool and seed give the same paper,
// so a paper can be reproduced and reviewed. Unseen questions come first; none appears twice.
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

export interface Paper {
  questions: Question[];
  /** Per section: how many the blueprint wants and how many the pool could give. */
  shortfall: { type: string; wanted: number; available: number }[];
}

export const assemblePaper = (blueprint: Blueprint, pool: readonly Question[], seed: string, seen: ReadonlySet<string> = new Set()): Paper => {
  const random = seededRandom(`${blueprint.id}|${seed}`);
  const byId = [...new Map(pool.map((question) => [question.id, question])).values()].sort((a, b) => a.id.localeCompare(b.id));
  const chosen: Question[] = [];
  const shortfall: Paper['shortfall'] = [];
  for (const section of blueprint.sections) {
    const candidates = byId.filter((question) => question.type === section.type && !chosen.includes(question));
    const ordered = [...shuffled(candidates.filter((question) => !seen.has(question.id)), random), ...shuffled(candidates.filter((question) => seen.has(question.id)), random)];
    chosen.push(...ordered.slice(0, section.count));
    if (ordered.length < section.count) shortfall.push({ type: section.type, wanted: section.count, available: ordered.length });
  }
  return { questions: chosen, shortfall };
};

export const pointsFor = (blueprint: Blueprint, question: Question): number => blueprint.sections.find((section) => section.type === question.type)?.points ?? 1;
