// The hazard ledger of one enterprise, as its members and acceptors use it: items, steps, figures, the
// unknowns still to check. Holds the access checks, so pages and the API cannot drift apart.
import { assess, listSectors } from '@anquan/rules';
import { forbidden, notFound, RequestError } from '../errors.js';
import { randomUUID } from 'node:crypto';
import type { EvidenceFile, EvidenceInfo, Repository, User } from '../store/repository.js';
import { sniffEvidence, stageLabels } from './evidence.js';
import { decodeImage } from './thumbnail.js';
import { ledgerFigures } from './figures.js';
import { applyAction, type LedgerAction } from './flow.js';
import { isOverdue, withLedger, type LedgerItem } from './item.js';

export const sectorTitle = (sector: string) => listSectors().find((candidate) => candidate.id === sector)?.title.zh ?? sector;

export const createLedger = (repository: Repository, now: () => Date, today: () => string) => {
  /** Every item of an enterprise, newest first, with its ledger details. */
  const items = async (enterpriseId: string): Promise<LedgerItem[]> => {
    const sectors = new Map((await repository.listAssessments(enterpriseId)).map((record) => [record.id, record.sector]));
    return (await repository.rectifications(enterpriseId)).map((item) => withLedger(item, sectors.get(item.assessmentId) ?? '')).sort((a, b) => b.foundAt.localeCompare(a.foundAt) || a.ruleId.localeCompare(b.ruleId));
  };

  /** The enterprise whose ledger a user works on: its own, or the one an acceptor accepts for. */
  const enterpriseOf = (user: User): string => {
    if (user.role === 'enterprise' || user.role === 'admin') return user.id;
    if (user.role === 'acceptor') {
      if (!user.enterpriseId) throw new RequestError(403, '验收人账号尚未关联企业，请联系管理员 / this acceptor is not assigned to an enterprise');
      return user.enterpriseId;
    }
    throw forbidden();
  };

  const service = {
    enterpriseOf,
    items,
    item: async (user: User, itemId: string): Promise<LedgerItem> => {
      const found = (await items(enterpriseOf(user))).find((item) => item.id === itemId);
      if (!found) throw notFound('隐患');
      return found;
    },
    act: async (user: User, itemId: string, action: LedgerAction): Promise<LedgerItem> => {
      const item = await service.item(user, itemId);
      const changed = applyAction(item, action, user, user.role === 'acceptor' ? 'acceptor' : 'rectifier', now().toISOString());
      await repository.saveRectification(changed);
      return changed;
    },
    figures: async (enterpriseId: string) => ledgerFigures(await items(enterpriseId), today(), sectorTitle),
    /** Facts an enterprise's latest assessments leave open: items to check, never counted as hazards. */
    unknowns: async (enterpriseId: string) => {
      const records = await repository.listAssessments(enterpriseId);
      const rows: { assessmentId: string; sector: string; ruleId: string; title: string; missingFacts: string[] }[] = [];
      for (const record of records) {
        const assessment = await assess(record.sector, record.facts, { asOf: record.asOf }).catch(() => undefined);
        for (const finding of assessment?.findings ?? []) {
          if (finding.status === 'unknown' && finding.partOf === null) rows.push({ assessmentId: record.id, sector: sectorTitle(record.sector), ruleId: finding.ruleId, title: finding.title.zh, missingFacts: finding.missingFacts });
        }
      }
      return rows;
    },
    overdue: (item: LedgerItem) => isOverdue(item, today()),

    /** Stores a photo or scan on an item the user works on; refused unless its bytes are a JPEG, PNG (that decodes) or PDF. */
    addEvidence: async (user: User, itemId: string, stage: EvidenceFile['stage'], name: string, data: Buffer): Promise<EvidenceInfo> => {
      const item = await service.item(user, itemId);
      const type = sniffEvidence(data);
      if (!type || (type !== 'application/pdf' && !decodeImage(type, data))) throw new RequestError(415, '只接受 JPEG、PNG 图片或 PDF 扫描件（按文件内容判断，不看扩展名）/ expected a JPEG, PNG or PDF by its content', [{ path: 'file', message: 'expected the bytes of a JPEG, PNG or PDF file' }]);
      const file: EvidenceFile = { id: randomUUID(), userId: item.userId, itemId: item.id, stage, name, type, size: data.length, dataBase64: data.toString('base64'), uploadedBy: user.id, uploadedAt: now().toISOString() };
      await repository.saveEvidence(file);
      const { dataBase64: _bytes, ...info } = file;
      return info;
    },
    /** The files of an item, labelled for pages. */
    evidenceOf: async (itemId: string) => (await repository.listEvidence(itemId)).map((file) => ({ ...file, stageLabel: stageLabels[file.stage], image: file.type.startsWith('image/') })),
    /** A file for a user allowed to see its item: the enterprise's members, or the regulator of its region (otherwise not found). */
    evidenceFor: async (user: User, fileId: string): Promise<EvidenceFile> => {
      const file = await repository.findEvidence(fileId);
      if (!file) throw notFound('证据文件');
      if (user.role === 'regulator') {
        const owner = await repository.findUser(file.userId);
        if (!user.region || owner?.role !== 'enterprise' || owner.region !== user.region) throw notFound('证据文件');
      } else if (enterpriseOf(user) !== file.userId) throw notFound('证据文件');
      return file;
    },
  };
  return service;
};

export type Ledger = ReturnType<typeof createLedger>;
