// Rectification tracking (隐患整改), the ledger's entry point: each first-level major hazard found becomes a
// ledger item; a re-assessment moves the assessment's items truthfully (ledger/flow.ts `reassessed`).
import { randomUUID } from 'node:crypto';
import type { Finding } from '@anquan/rules';
import { z } from 'zod';
import { actionLabels, reassessed } from '../ledger/flow.js';
import { emptyPlan, statusLabels as ledgerStatusLabels, withLedger, type LedgerItem } from '../ledger/item.js';
import type { RectificationItem, User } from '../store/repository.js';

export type RectificationStatus = RectificationItem['status'];
export const statusLabels = ledgerStatusLabels;

/** The older status form: a status to reach, mapped onto the ledger's steps (closing is acceptance only). */
export const rectificationUpdate = z.strictObject({
  status: z.enum(['open', 'rectifying', 'awaiting', 'closed'], { error: 'expected open, rectifying, awaiting or closed' }),
  responsible: z.string({ error: 'expected the name of the person responsible' }).trim().max(60, 'expected at most 60 characters').optional(),
  note: z.string({ error: 'expected a note' }).trim().max(2000, 'expected at most 2000 characters').optional(),
});
export type RectificationUpdate = z.infer<typeof rectificationUpdate>;

// What a person reads on the ledger: the instrument's number and the article (the number names the version; no data ids on a Chinese page).
const citationText = (finding: Finding) => `${finding.citation.number} ${finding.citation.label}`;

/** First-level hazards only: a sub-item makes its item fire, and the item is what gets rectified. */
const trackedHazards = (findings: Finding[]) => findings.filter((finding) => finding.status === 'hazard' && finding.partOf === null);

/**
 * After an evaluation by `actor`: new items for hazards the assessment has no item for; existing items moved
 * (cleared → 待验收, found again while 待验收 → 整改中, found again after 销号 → reopened with the recurrence);
 * clearedOnReassessment kept as the latest evaluation says. Returns the items that changed.
 */
export const trackHazards = (
  existing: RectificationItem[],
  assessment: { id: string; userId: string; sector: string },
  findings: Finding[],
  at: string,
  actor: User,
): { created: LedgerItem[]; changed: LedgerItem[] } => {
  const mine = existing.filter((item) => item.assessmentId === assessment.id).map((item) => withLedger(item, assessment.sector));
  const statusByRule = new Map(findings.map((finding) => [finding.ruleId, finding.status]));
  const changed: LedgerItem[] = [];
  for (const item of mine) {
    const status = statusByRule.get(item.ruleId);
    const next = reassessed(item, status, actor, at) ?? item;
    const cleared = status === 'clear';
    if (next !== item || item.clearedOnReassessment !== cleared) changed.push({ ...next, clearedOnReassessment: cleared });
  }
  const tracked = new Set(mine.map((item) => item.ruleId));
  const created = trackedHazards(findings)
    .filter((finding) => !tracked.has(finding.ruleId))
    .map(
      (finding): LedgerItem => ({
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
        // A finding of a major-hazard criteria document is a 重大事故隐患 by that document.
        ledger: { sector: assessment.sector, grade: 'major', plan: emptyPlan(), supervision: null, rectifiedBy: null, acceptance: null, recurrences: [], history: [{ at, userId: actor.id, name: actor.displayName, action: 'found', from: '', to: 'open', note: actionLabels.found! }] },
      }),
    );
  return { created, changed };
};
