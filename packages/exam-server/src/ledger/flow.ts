// The ledger's state machine: 待整改 → 整改中 → 待验收 → 已验收销号, each step a pure function of the item,
// the actor and the time that returns the changed item with a history entry, or a refusal that says why.
import { z } from 'zod';
import { RequestError } from '../errors.js';
import type { User } from '../store/repository.js';
import { isoDate, missingPlanContents, planInput, statusLabels, type LedgerItem, type LedgerStatus, type PlanInput } from './item.js';

export const actionInput = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('plan'), plan: planInput }),
    z.strictObject({ action: z.literal('start'), note: z.string().trim().max(2000, 'expected at most 2000 characters').optional() }),
    z.strictObject({ action: z.literal('rectified'), note: z.string().trim().max(2000, 'expected at most 2000 characters').optional() }),
    z.strictObject({
      action: z.literal('accept'),
      person: z.string({ error: 'expected the acceptor’s name' }).trim().min(1, 'expected the acceptor’s name (验收人不能为空)').max(60, 'expected at most 60 characters'),
      date: isoDate,
      note: z.string({ error: 'expected an evidence note' }).trim().min(1, 'expected an evidence note (验收意见与证据说明不能为空)').max(2000, 'expected at most 2000 characters'),
    }),
    z.strictObject({ action: z.literal('reject'), note: z.string({ error: 'expected the reason' }).trim().min(1, 'expected the reason (退回原因不能为空)').max(2000, 'expected at most 2000 characters') }),
    z.strictObject({ action: z.literal('close') }),
  ],
  { error: 'expected action plan, start, rectified, accept or reject' },
);
export type LedgerAction = z.infer<typeof actionInput>;

export const actionLabels: Record<string, string> = {
  found: '排查发现',
  plan: '填写治理方案',
  start: '开始整改',
  rectified: '整改完成，申请验收',
  accept: '验收通过，销号',
  reject: '验收不通过，退回整改',
  'reassessment-cleared': '复评未再发现，转待验收',
  'reassessment-found': '复评仍发现，继续整改',
  recurred: '销号后复评再次发现，重新打开',
};

const conflict = (message: string, path = 'action') => new RequestError(409, message, [{ path, message }]);

const entry = (item: LedgerItem, actor: { id: string; displayName: string }, at: string, action: string, to: LedgerStatus, note = '') => ({
  at,
  userId: actor.id,
  name: actor.displayName,
  action,
  from: item.status,
  to,
  note,
});

const moved = (item: LedgerItem, actor: { id: string; displayName: string }, at: string, action: string, to: LedgerStatus, note = '', ledger: Partial<LedgerItem['ledger']> = {}): LedgerItem => ({
  ...item,
  status: to,
  rectifyingAt: to === 'rectifying' ? (item.rectifyingAt ?? at) : item.rectifyingAt,
  closedAt: to === 'closed' ? at : to === 'open' ? null : item.closedAt,
  ledger: { ...item.ledger, ...ledger, history: [...item.ledger.history, entry(item, actor, at, action, to, note)] },
});

const applyPlan = (item: LedgerItem, input: PlanInput): LedgerItem['ledger'] => {
  const { supervisionAuthority, supervisionDate, ...plan } = input;
  const defined = Object.fromEntries(Object.entries(plan).filter(([, value]) => value !== undefined));
  const supervision =
    supervisionAuthority === undefined && supervisionDate === undefined
      ? item.ledger.supervision
      : supervisionAuthority && supervisionDate
        ? { authority: supervisionAuthority, date: supervisionDate }
        : null;
  return { ...item.ledger, plan: { ...item.ledger.plan, ...defined }, supervision };
};

/**
 * A user's step on an item. `role` says in which capacity the user acts: the enterprise (or a member of it)
 * plans and rectifies; only an acceptor, never the one who rectified, accepts or sends back.
 */
export const applyAction = (item: LedgerItem, action: LedgerAction, actor: User, capacity: 'rectifier' | 'acceptor', at: string): LedgerItem => {
  const from = item.status;
  const expect = (allowed: LedgerStatus[], what: string) => {
    if (!allowed.includes(from)) throw conflict(`“${statusLabels[from]}”的隐患不能${what} / cannot ${action.action} an item that is ${from}`);
  };
  switch (action.action) {
    case 'plan': {
      expect(['open', 'rectifying'], '修改治理方案');
      return { ...item, ledger: { ...applyPlan(item, action.plan), history: [...item.ledger.history, entry(item, actor, at, 'plan', from)] } };
    }
    case 'start': {
      expect(['open'], '开始整改');
      const missing = item.ledger.grade === 'major' ? missingPlanContents(item.ledger.plan) : missingPlanContents(item.ledger.plan).filter((content) => content.key === 'organisation' || content.key === 'deadline');
      if (missing.length > 0) {
        throw new RequestError(400, `治理方案不完整，缺：${missing.map((content) => content.label).join('、')} / the treatment plan lacks ${missing.map((content) => content.key).join(', ')}`, missing.map((content) => ({ path: `plan.${content.key}`, message: `expected ${content.label}` })));
      }
      return moved(item, actor, at, 'start', 'rectifying', action.note ?? '');
    }
    case 'rectified': {
      expect(['rectifying'], '申请验收');
      return moved(item, actor, at, 'rectified', 'awaiting', action.note ?? '', { rectifiedBy: { userId: actor.id, name: actor.displayName, at } });
    }
    case 'accept':
    case 'reject': {
      if (capacity !== 'acceptor') throw new RequestError(403, '验收须由验收人账号办理 / only an acceptor may accept or send back');
      expect(['awaiting'], action.action === 'accept' ? '验收销号' : '退回整改');
      if (item.ledger.rectifiedBy?.userId === actor.id) throw new RequestError(403, '整改人不能验收自己整改的隐患 / the acceptor cannot be the one who rectified', [{ path: 'acceptor', message: 'expected an account other than the rectifier' }]);
      if (action.action === 'reject') return moved(item, actor, at, 'reject', 'rectifying', action.note, { rectifiedBy: null });
      return moved(item, actor, at, 'accept', 'closed', action.note, { acceptance: { userId: actor.id, name: action.person, date: action.date, note: action.note, at } });
    }
    case 'close':
      throw conflict(from === 'closed' ? '该隐患已验收销号' : '未经验收不能销号：请先整改完成并申请验收，由验收人验收 / an item is closed only by acceptance', 'status');
  }
};

/** What a re-assessment's finding does to an item of the assessment: the system's own steps, recorded as such. */
export const reassessed = (item: LedgerItem, status: 'hazard' | 'clear' | 'unknown' | undefined, actor: User, at: string): LedgerItem | undefined => {
  if (status === 'clear' && (item.status === 'open' || item.status === 'rectifying')) {
    return moved(item, actor, at, 'reassessment-cleared', 'awaiting', '', { rectifiedBy: { userId: actor.id, name: actor.displayName, at } });
  }
  if (status === 'hazard' && item.status === 'awaiting') return moved(item, actor, at, 'reassessment-found', 'rectifying', '', { rectifiedBy: null });
  if (status === 'hazard' && item.status === 'closed') {
    return moved(item, actor, at, 'recurred', 'open', '', { rectifiedBy: null, acceptance: null, recurrences: [...item.ledger.recurrences, { at, previousClosedAt: item.closedAt }] });
  }
  return undefined;
};
