// The risk register (安全风险清单) of an enterprise: each risk point with its hazard source, the method it was
// graded by — LEC (D = L × E × C against the conventional bands) or the risk matrix (R = L × S, whose bands
// have no settled convention, so the enterprise states the level) — the level and colour, the control level
// and the measures; what the 岗位风险告知卡 prints. Stored as ledger records; levels computed on every read.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { notFound } from '../errors.js';
import type { LedgerRecord, Repository } from '../store/repository.js';
import { gradeLec, lecInput, riskMethods, type RiskLevel } from './levels.js';

const text = (max: number) => z.string({ error: 'expected text' }).trim().max(max, `expected at most ${max} characters`);
const level = z.enum(['major', 'large', 'general', 'low'], { error: 'expected major, large, general or low' });
const matrixValue = z.string().refine((value) => riskMethods.ls.L.includes(value), `expected one of ${riskMethods.ls.L.join(', ')}`);

/** An entry as a form or the API writes it. */
export const riskEntryInput = z.strictObject({
  post: text(60).min(1, 'expected the post or area (岗位/区域不能为空)'),
  source: text(200).min(1, 'expected the hazard source (危险源/风险点不能为空)'),
  method: z.enum(['lec', 'ls'], { error: 'expected lec or ls' }),
  lec: lecInput.optional(),
  ls: z.strictObject({ L: matrixValue, S: matrixValue, level }).optional(),
  controlLevel: z.enum(Object.keys(riskMethods.controlLevels.labels) as [string, ...string[]], { error: `expected one of ${Object.keys(riskMethods.controlLevels.labels).join(', ')}` }),
  measures: text(2000).min(1, 'expected the control measures (管控措施不能为空)'),
  card: z.strictObject(Object.fromEntries(riskMethods.card.fields.map((field) => [field.key, text(1000).optional()])) as Record<string, z.ZodOptional<ReturnType<typeof text>>>).optional(),
}).superRefine((entry, context) => {
  if (entry.method === 'lec' && !entry.lec) context.addIssue({ code: 'custom', path: ['lec'], message: 'expected L, E and C for the LEC method' });
  if (entry.method === 'ls' && !entry.ls) context.addIssue({ code: 'custom', path: ['ls'], message: 'expected L, S and the level the enterprise assigns for the risk matrix' });
});
export type RiskEntryInput = z.infer<typeof riskEntryInput>;

const stored = z.object({ input: riskEntryInput, updatedAt: z.string(), updatedBy: z.string() });

export interface RiskEntry extends RiskEntryInput {
  id: string;
  enterpriseId: string;
  createdAt: string;
  updatedAt: string;
  /** The score: D for LEC, R for the matrix, as exact decimal text. */
  score: string;
  formula: string;
  level: RiskLevel;
  label: string;
  colour: string;
  /** Who decided the level: the conventional LEC band, or the enterprise (matrix). */
  basis: string;
  controlLabel: string;
}

/** The level and its basis: LEC by its bands (convention, endpoints as risk-methods.json states); the matrix by the enterprise. */
export const gradeEntry = (input: RiskEntryInput) => {
  if (input.method === 'lec') {
    const grade = gradeLec(input.lec!);
    return { score: grade.d, formula: `D = ${input.lec!.L} × ${input.lec!.E} × ${input.lec!.C}`, level: grade.level, basis: `LEC 分档（行业惯例）：${grade.band}` };
  }
  const { L, S, level: stated } = input.ls!;
  return { score: String(Number(L) * Number(S)), formula: `R = ${L} × ${S}`, level: stated, basis: '风险矩阵分档无统一惯例，等级由企业按本单位制度认定' };
};

const entryOf = (record: LedgerRecord): RiskEntry => {
  const data = stored.parse(record.data);
  const grade = gradeEntry(data.input);
  return {
    ...data.input,
    id: record.id,
    enterpriseId: record.enterpriseId!,
    createdAt: record.savedAt,
    updatedAt: data.updatedAt,
    ...grade,
    label: riskMethods.levels.labels[grade.level]!,
    colour: riskMethods.levels.colours[grade.level]!,
    controlLabel: riskMethods.controlLevels.labels[data.input.controlLevel]!,
  };
};

const order = riskMethods.levels.order;

export const createRiskRegister = (repository: Repository, now: () => Date, newId: () => string = randomUUID) => {
  const list = async (enterpriseId: string): Promise<RiskEntry[]> =>
    (await repository.listLedgerRecords({ kind: 'risk', enterpriseId })).map(entryOf).sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || (a.post < b.post ? -1 : a.post > b.post ? 1 : 0) || (a.id < b.id ? -1 : 1));
  const find = async (enterpriseId: string, id: string): Promise<RiskEntry> => {
    const record = await repository.findLedgerRecord(id);
    if (!record || record.kind !== 'risk' || record.enterpriseId !== enterpriseId) throw notFound('风险');
    return entryOf(record);
  };
  return {
    list,
    find,
    create: async (enterpriseId: string, input: RiskEntryInput, userId: string) => {
      const at = now().toISOString();
      const id = `risk:${newId()}`;
      await repository.saveLedgerRecord({ id, kind: 'risk', enterpriseId, region: null, savedAt: at, data: { input, updatedAt: at, updatedBy: userId } });
      return find(enterpriseId, id);
    },
    // The check that the entry is there and the write are one step: an entry removed meanwhile stays removed.
    update: async (enterpriseId: string, id: string, input: RiskEntryInput, userId: string) => {
      const at = now().toISOString();
      const { changed } = await repository.changeLedgerRecord(id, (current) =>
        current?.kind === 'risk' && current.enterpriseId === enterpriseId ? { ...current, data: { input, updatedAt: at, updatedBy: userId } } : undefined,
      );
      if (!changed) throw notFound('风险');
      return find(enterpriseId, id);
    },
    remove: async (enterpriseId: string, id: string) => {
      await find(enterpriseId, id);
      await repository.deleteLedgerRecord(id);
    },
    /** The 重大风险 (the highest level) of several enterprises, for their regulator. */
    major: async (enterprises: { id: string; displayName: string }[]) =>
      (await Promise.all(enterprises.map(async (enterprise) => (await list(enterprise.id)).filter((entry) => entry.level === order[0]).map((entry) => ({ ...entry, enterpriseName: enterprise.displayName }))))).flat(),
  };
};

export type RiskRegister = ReturnType<typeof createRiskRegister>;
