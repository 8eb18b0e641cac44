// Blueprints: which candidates, which question types and counts, points, duration, pass mark, and which
// rules and bank topics feed the paper. Built from rules-data/exams/blueprints.json and the special-
// operations catalogue; an administrator's changes to unverified defaults are applied on top.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleDocuments } from '@anquan/rules';
import { z } from 'zod';
import type { BlueprintOverride } from '../store/repository.js';
import { rulesDataDirectory } from '../questions/bank.js';
import { topicsFile } from '../questions/topics.js';

const section = z.strictObject({ type: z.enum(['judgement', 'single', 'multiple']), count: z.number().int().min(1), points: z.number().positive() });
export type Section = z.infer<typeof section>;

export const blueprintsFileSchema = z.object({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  theoryExam: z.object({ totalPoints: z.number(), passMark: z.number(), durationMinutes: z.number(), citation: z.string() }),
  principal: z.object({
    citation: z.string(),
    durationMinutes: z.number(),
    durationVerified: z.boolean(),
    sections: z.array(section),
    sectionsVerified: z.boolean(),
    bankTopics: z.array(z.string()),
    industries: z.array(z.object({ id: z.string(), zh: z.string(), sectors: z.array(z.string()) })),
  }),
  specialOperation: z.object({
    /** The rules-data dataset that lists the operation types (the 特种作业目录). */
    catalogue: z.object({ documentId: z.string(), dataset: z.string() }),
    citation: z.string(),
    sections: z.array(section),
    sectionsVerified: z.boolean(),
    bankTopics: z.array(z.string()),
  }),
});

export interface Shortening {
  /** The paper as the authority sets it. */
  official: { sections: Section[]; totalPoints: number; passMark: number; durationMinutes: number };
  /** Distinct items the pool holds per question type (a rule's variants count once). */
  pool: Partial<Record<Section['type'], number>>;
  /** In Chinese, for the page before 开始: what the law we hold does not cover. */
  note: string;
}

export interface Blueprint {
  id: string;
  title: string;
  candidate: { kind: 'principal' | 'specialOperation'; label: string; code?: string };
  durationMinutes: number;
  totalPoints: number;
  passMark: number;
  sections: Section[];
  sources: { sectors: string[]; bankTopics: string[]; topics?: string[] };
  /** Set when the pool cannot fill the official paper honestly: the mock is shorter, and says so. */
  shortened?: Shortening;
  /** Once fitted to its pool: the distinct items per type, and the job's topics in Chinese. */
  pool?: Partial<Record<Section['type'], number>>;
  topicNames?: string[];
  /** What is verified and where the figures come from, shown to trainees and administrators. */
  citation: string;
  defaults: { duration: boolean; sections: boolean };
  overriddenBy?: string;
}

let cache: Blueprint[] | undefined;

/** A special operation's pool by the topics of its job (rules-data/exams/topics.json). */
const operationSources = (operation: string, bankTopics: string[]) => {
  const entry = topicsFile().operations[operation];
  if (!entry) throw new Error(`rules-data/exams/topics.json: operations has no entry for ${operation} (the 特种作业目录 lists it)`);
  const sectors = entry.sectors ?? [...new Set(loadRuleDocuments().documents.map((document) => document.sector))].sort();
  return { sectors, bankTopics, topics: entry.topics };
};

export const baseBlueprints = (): Blueprint[] => {
  if (cache) return cache;
  const file = blueprintsFileSchema.parse(JSON.parse(readFileSync(join(rulesDataDirectory(), 'exams', 'blueprints.json'), 'utf8')));
  const { theoryExam, principal, specialOperation } = file;
  const principals: Blueprint[] = principal.industries.map((industry) => ({
    id: `principal-${industry.id}`,
    title: `${industry.zh}主要负责人安全生产知识和管理能力考核（模拟）`,
    candidate: { kind: 'principal', label: `主要负责人 · ${industry.zh}` },
    durationMinutes: principal.durationMinutes,
    totalPoints: theoryExam.totalPoints,
    passMark: theoryExam.passMark,
    sections: principal.sections,
    sources: { sectors: industry.sectors, bankTopics: principal.bankTopics },
    citation: principal.citation,
    defaults: { duration: !principal.durationVerified, sections: !principal.sectionsVerified },
  }));
  const { documentId, dataset } = specialOperation.catalogue;
  const catalogue = loadRuleDocuments()
    .documents.filter((document) => document.id === documentId)
    .flatMap((document) => document.datasets[dataset]?.rows ?? []);
  // Only some operations carry an official code in the catalogue: every one is numbered within its
  // category, so ids are uniform and unique; the open category 11 (no operation yet) has no exam.
  const ordinals = new Map<string, number>();
  const operations: Blueprint[] = catalogue.filter((row) => typeof row.operationZh === 'string' && row.operationZh !== '').map((row) => {
    const ordinal = (ordinals.get(String(row.category)) ?? 0) + 1;
    ordinals.set(String(row.category), ordinal);
    return {
      id: `special-${String(row.category)}-${ordinal}`,
      title: `${String(row.operationZh)}安全技术理论考试（模拟）`,
      candidate: { kind: 'specialOperation' as const, label: `特种作业 · ${String(row.categoryZh)} · ${String(row.operationZh)}`, ...(row.code == null ? {} : { code: String(row.code) }) },
      durationMinutes: theoryExam.durationMinutes,
      totalPoints: theoryExam.totalPoints,
      passMark: theoryExam.passMark,
      sections: specialOperation.sections,
      sources: operationSources(String(row.operationZh), specialOperation.bankTopics),
      citation: `${theoryExam.citation}；${specialOperation.citation}`,
      defaults: { duration: false, sections: !specialOperation.sectionsVerified },
    };
  });
  cache = [...principals, ...operations];
  return cache;
};

export const applyOverrides = (blueprints: Blueprint[], overrides: BlueprintOverride[]): Blueprint[] =>
  blueprints.map((blueprint) => {
    const override = overrides.find((candidate) => candidate.blueprintId === blueprint.id);
    if (!override) return blueprint;
    return {
      ...blueprint,
      ...(override.durationMinutes ? { durationMinutes: override.durationMinutes } : {}),
      ...(override.passMark ? { passMark: override.passMark } : {}),
      ...(override.sections ? { sections: override.sections as Section[], totalPoints: override.sections.reduce((sum, part) => sum + part.count * part.points, 0) } : {}),
      overriddenBy: override.updatedBy,
    };
  });

export const blueprintOverrideInput = z.strictObject({
  durationMinutes: z.number({ error: 'expected minutes (a whole number 1–600)' }).int().min(1).max(600).optional(),
  passMark: z.number({ error: 'expected a pass mark ≥ 1' }).min(1).optional(),
  sections: z.array(section).min(1).optional(),
});
