// Rectification tracking (隐患整改): each major hazard found becomes an item that moves open → rectifying →
// closed, with dates, the person responsible and a note; a re-assessment marks the items it finds cleared.
import { randomUUID } from 'node:crypto';
import type { Finding } from '@anquan/rules';
import { z } from 'zod';
import { RequestError } from '../errors.js';
import type { RectificationItem } from '../store/repository.js';

export type RectificationStatus = RectificationItem['status'];

export const statusLabels: Record<RectificationStatus, string> = { open: '待整改', rectifying: '整改中', closed: '已整改销号' };

/** Forward only: an item is rectified, then verified and closed; a recurrence is a new item. */
const next: Record<RectificationStatus, RectificationStatus[]> = { open: ['open', 'rectifying', 'closed'], rectifying: ['rectifying', 'closed'], closed: ['closed'] };

export const rectificationUpdate = z.strictObject({
  status: z.enum(['open', 'rectifying', 'closed'], { error: 'expected open, rectifying or closed' }),
  responsible: z.string({ error: 'expected the name of the person responsible' }).trim().max(60, 'expected at most 60 characters').optional(),
  note: z.string({ error: 'expected a note' }).trim().max(2000, 'expected at most 2000 characters').optional(),
});
export type RectificationUpdate = z.infer<typeof rectificationUpdate>;

const citationText = (finding: Finding) => `${finding.citation.number} ${finding.citation.label}（${finding.citation.documentId} ${finding.citation.version}）`;

/** First-level hazards only: a sub-item makes its item fire, and the item is what gets rectified. */
const trackedHazards = (findings: Finding[]) => findings.filter((finding) => finding.status === 'hazard' && finding.partOf === null);

/**
 * After an evaluation: new items for hazards not already tracked (open or rectifying) for this assessment,
 * and clearedOnReassessment set on every item of it whose rule is now clear. Returns the items that changed.
 */
export const trackHazards = (
  existing: RectificationItem[],
  assessment: { id: string; userId: string },
  findings: Finding[],
  at: string,
): { created: RectificationItem[]; changed: RectificationItem[] } => {
  const mine = existing.filter((item) => item.assessmentId === assessment.id);
  const statusByRule = new Map(findings.map((finding) => [finding.ruleId, finding.status]));
  const changed: RectificationItem[] = [];
  for (const item of mine) {
    const cleared = statusByRule.get(item.ruleId) === 'clear';
    if (item.clearedOnReassessment !== cleared) changed.push({ ...item, clearedOnReassessment: cleared });
  }
  const tracked = new Set(mine.filter((item) => item.status !== 'closed').map((item) => item.ruleId));
  const created = trackedHazards(findings)
    .filter((finding) => !tracked.has(finding.ruleId))
    .map(
      (finding): RectificationItem => ({
        id: randomUUID(),
        userId: assessment.userId,
        assessmentId: assessment.id,
        ruleId: finding.ruleId,
        title: finding.title.zh,
        citation: citationText(finding),
        status: 'open',
        responsible: '',
        note: '',
        foundAt: at,
        rectifyingAt: null,
        closedAt: null,
        clearedOnReassessment: false,
      }),
    );
  return { created, changed };
};

/** Applies a status change; closing (销号) needs the person responsible. Dates are set once, when reached. */
export const updateRectification = (item: RectificationItem, update: RectificationUpdate, at: string): RectificationItem => {
  if (!next[item.status].includes(update.status)) {
    throw new RequestError(409, `整改状态不能从“${statusLabels[item.status]}”改为“${statusLabels[update.status]}” / cannot go from ${item.status} back to ${update.status}`, [{ path: 'status', message: `expected one of: ${next[item.status].join(', ')}` }]);
  }
  const responsible = update.responsible ?? item.responsible;
  if (update.status === 'closed' && !responsible) {
    throw new RequestError(400, '整改销号须填写整改责任人 / closing an item needs the person responsible', [{ path: 'responsible', message: 'expected the name of the person responsible' }]);
  }
  return {
    ...item,
    status: update.status,
    responsible,
    note: update.note ?? item.note,
    rectifyingAt: update.status !== 'open' ? (item.rectifyingAt ?? at) : item.rectifyingAt,
    closedAt: update.status === 'closed' ? (item.closedAt ?? at) : item.closedAt,
  };
};
