// The regulator's view of a region: its enterprises with the ledger's own figures, read-only drill-down,
// and the region's month-by-month open count (动态清零). A regulator sees only the region assigned to it.
import { forbidden, notFound, RequestError } from '../errors.js';
import { ledgerFigures, monthInChina, type LedgerFigures } from '../ledger/figures.js';
import { createLedger, sectorTitle } from '../ledger/service.js';
import type { LedgerItem } from '../ledger/item.js';
import type { Repository, User } from '../store/repository.js';
import { regionScreenings, screenedWithoutAccount, screeningOfAccount, screeningView, type ScreeningEntry } from './screening-results.js';

export interface RegionRow {
  enterpriseId: string;
  name: string;
  username: string;
  /** Self-assessments on record: the inspections (排查) the per-1,000 figure is counted against. */
  inspections: number;
  figures: LedgerFigures;
  /** Hazards found per 1,000 inspections; null with no inspection. */
  perThousand: number | null;
  /** The regulator's latest bulk screening of this enterprise, if any. */
  screening: (ScreeningEntry & { sectorTitle: string }) | null;
}

export const createRegulator = (repository: Repository, now: () => Date, today: () => string) => {
  const ledger = createLedger(repository, now, today);
  const regionOf = (user: User): string => {
    if (user.role !== 'regulator') throw forbidden();
    if (!user.region) throw new RequestError(403, '监管账号尚未分配辖区，请联系管理员 / this regulator has no region');
    return user.region;
  };
  const enterprises = async (region: string) => repository.listUsers({ role: 'enterprise', region });

  const row = async (enterprise: User, screenings: Map<string, ScreeningEntry>): Promise<RegionRow & { items: LedgerItem[] }> => {
    const items = await ledger.items(enterprise.id);
    const inspections = (await repository.listAssessments(enterprise.id)).length;
    const figures = ledgerFigures(items, today(), sectorTitle);
    const screening = screeningOfAccount(screenings, enterprise.id);
    return { enterpriseId: enterprise.id, name: enterprise.displayName, username: enterprise.username, inspections, figures, perThousand: inspections === 0 ? null : (figures.found * 1000) / inspections, screening: screening && screeningView(screening), items };
  };

  const service = {
    regionOf,
    /** The enterprise accounts of the regulator's region. */
    regionEnterprises: async (regulator: User) => enterprises(regionOf(regulator)),
    /** The region's table: one row per enterprise, and the region's totals computed from the same items. */
    table: async (regulator: User) => {
      const region = regionOf(regulator);
      const screenings = await regionScreenings(repository, region);
      const rows = await Promise.all((await enterprises(region)).map((enterprise) => row(enterprise, screenings)));
      const screenedOnly = screenedWithoutAccount(screenings).map(screeningView);
      const screened = [...rows.flatMap((entry) => (entry.screening ? [entry.screening] : [])), ...screenedOnly];
      rows.sort((a, b) => b.figures.openMajor - a.figures.openMajor || b.figures.overdue - a.figures.overdue || a.name.localeCompare(b.name));
      const all = rows.flatMap((entry) => entry.items);
      const inspections = rows.reduce((sum, entry) => sum + entry.inspections, 0);
      const totals = ledgerFigures(all, today(), sectorTitle);
      return {
        region,
        rows: rows.map(({ items: _items, ...entry }) => entry),
        totals: { inspections, figures: totals, perThousand: inspections === 0 ? null : (totals.found * 1000) / inspections },
        /** Enterprises the regulator screened that have no account: their screening figures only. */
        screenedOnly,
        /** The latest screening over the whole region: enterprises screened, with hazards, and the hazards and unknowns found. */
        screeningTotals: { enterprises: screened.length, withHazards: screened.filter((entry) => entry.hazard > 0).length, hazard: screened.reduce((sum, entry) => sum + entry.hazard, 0), unknown: screened.reduce((sum, entry) => sum + entry.unknown, 0) },
        trend: openByMonth(all),
      };
    },
    /** One enterprise of the region, read-only: its figures and ledger. Outside the region it does not exist. */
    enterprise: async (regulator: User, enterpriseId: string) => {
      const region = regionOf(regulator);
      const enterprise = await repository.findUser(enterpriseId);
      if (!enterprise || enterprise.role !== 'enterprise' || enterprise.region !== region) throw notFound('企业');
      const { items, ...entry } = await row(enterprise, await regionScreenings(repository, region));
      return { ...entry, items: items.map((item) => ({ ...item, overdue: ledger.overdue(item) })), unknowns: await ledger.unknowns(enterprise.id) };
    },
  };
  return service;
};

/** Open hazards at the end of each Beijing month from the first finding to today: found so far minus accepted so far. */
export const openByMonth = (items: LedgerItem[]): { month: string; found: number; accepted: number; open: number }[] => {
  if (items.length === 0) return [];
  const acceptedMonth = (item: LedgerItem) => (item.status === 'closed' && item.closedAt ? monthInChina(item.closedAt) : null);
  const months = [...new Set(items.flatMap((item) => [monthInChina(item.foundAt), acceptedMonth(item)]).filter((month): month is string => month !== null))].sort();
  const first = months[0]!;
  const last = months.at(-1)!;
  const series: { month: string; found: number; accepted: number; open: number }[] = [];
  for (let [year, month] = first.split('-').map(Number) as [number, number]; `${year}-${String(month).padStart(2, '0')}` <= last; month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const found = items.filter((item) => monthInChina(item.foundAt) <= key).length;
    const accepted = items.filter((item) => (acceptedMonth(item) ?? '9999-99') <= key).length;
    series.push({ month: key, found, accepted, open: found - accepted });
  }
  return series;
};

export type Regulator = ReturnType<typeof createRegulator>;
