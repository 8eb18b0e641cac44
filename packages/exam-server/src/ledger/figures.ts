// The ledger's figures (found, accepted, rate, overdue, open 重大, by category and month), computed from the
// items alone, so the dashboard, the regulator's table and the exports cannot disagree with the ledger.
import { todayInChina } from '@anquan/rules';
import { isOverdue, type LedgerItem } from './item.js';

export interface LedgerFigures {
  found: number;
  open: number;
  rectifying: number;
  awaiting: number;
  accepted: number;
  /** accepted / found; null when nothing was found. */
  rate: number | null;
  overdue: number;
  openMajor: number;
  supervised: number;
  recurrences: number;
  byCategory: { category: string; found: number; accepted: number }[];
  byMonth: { month: string; found: number; accepted: number }[];
}

/** The Beijing month (YYYY-MM) of an instant. */
export const monthInChina = (at: string): string => todayInChina(new Date(at)).slice(0, 7);

const tally = (items: LedgerItem[], key: (item: LedgerItem) => string | null) => {
  const rows = new Map<string, { found: number; accepted: number }>();
  for (const item of items) {
    const name = key(item);
    if (name === null) continue;
    const row = rows.get(name) ?? rows.set(name, { found: 0, accepted: 0 }).get(name)!;
    row.found += 1;
    if (item.status === 'closed') row.accepted += 1;
  }
  return [...rows].sort(([a], [b]) => a.localeCompare(b));
};

export const ledgerFigures = (items: LedgerItem[], today: string, categoryTitle: (sector: string) => string = (sector) => sector): LedgerFigures => {
  const count = (test: (item: LedgerItem) => boolean) => items.filter(test).length;
  const found = items.length;
  const accepted = count((item) => item.status === 'closed');
  return {
    found,
    open: count((item) => item.status === 'open'),
    rectifying: count((item) => item.status === 'rectifying'),
    awaiting: count((item) => item.status === 'awaiting'),
    accepted,
    rate: found === 0 ? null : accepted / found,
    overdue: count((item) => isOverdue(item, today)),
    openMajor: count((item) => item.ledger.grade === 'major' && item.status !== 'closed'),
    supervised: count((item) => item.ledger.supervision !== null && item.status !== 'closed'),
    recurrences: items.reduce((sum, item) => sum + item.ledger.recurrences.length, 0),
    byCategory: tally(items, (item) => categoryTitle(item.ledger.sector)).map(([category, row]) => ({ category, ...row })),
    byMonth: tally(items, (item) => monthInChina(item.foundAt)).map(([month, row]) => ({ month, ...row })),
  };
};
