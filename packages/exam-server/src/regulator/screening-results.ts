// Where a regulator's screening lands: each screened row's result stored against its enterprise in the
// region, so the region's table shows it. A row whose name is an enterprise account of the region (its login
// name, or its display name when only one account has it) lands on that account; any other row becomes a
// screened enterprise of the region without an account, found again by its name on the next upload. The
// region keeps one document of latest results (one write per upload, however many rows), validated on read.
import { z } from 'zod';
import { sectorTitle } from '../ledger/service.js';
import type { LedgerRecord, Repository, User } from '../store/repository.js';
import type { ScreeningResult } from './screening.js';

export const screeningEntry = z.strictObject({
  /** The enterprise account's id, or null for a screened enterprise without an account. */
  enterpriseId: z.string().nullable(),
  name: z.string(),
  sector: z.string(),
  asOf: z.string(),
  row: z.number().int(),
  hazard: z.number().int().min(0),
  unknown: z.number().int().min(0),
  clear: z.number().int().min(0),
  hazards: z.array(z.string()),
  screenedAt: z.string(),
  screenedBy: z.string(),
});
export type ScreeningEntry = z.infer<typeof screeningEntry>;
const regionDocument = z.strictObject({ entries: z.record(z.string(), screeningEntry) });

const documentId = (region: string) => `screening:${region}`;
/** The key of an entry in the region's document: the account, or the name of an enterprise without one. */
const entryKey = (entry: { enterpriseId: string | null; name: string }) => (entry.enterpriseId ? `account:${entry.enterpriseId}` : `name:${entry.name}`);

const screeningsOf = (record: LedgerRecord | undefined): Map<string, ScreeningEntry> => new Map(record ? Object.entries(regionDocument.parse(record.data).entries) : []);

/** The region's latest screening result per enterprise, by key. */
export const regionScreenings = async (repository: Repository, region: string): Promise<Map<string, ScreeningEntry>> =>
  screeningsOf((await repository.listLedgerRecords({ kind: 'screening', region }))[0]);

/** The screening of one enterprise account, if the region holds one. */
export const screeningOfAccount = (screenings: Map<string, ScreeningEntry>, enterpriseId: string) => screenings.get(`account:${enterpriseId}`) ?? null;
/** The region's screened enterprises that have no account, by name. */
export const screenedWithoutAccount = (screenings: Map<string, ScreeningEntry>) => [...screenings.values()].filter((entry) => entry.enterpriseId === null).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Matches a row's name to an enterprise account of the region: login name first, then a display name only one account has. */
export const matchEnterprise = (name: string, enterprises: User[]): User | undefined => {
  const byUsername = enterprises.find((enterprise) => enterprise.username === name);
  if (byUsername) return byUsername;
  const byName = enterprises.filter((enterprise) => enterprise.displayName === name);
  return byName.length === 1 ? byName[0] : undefined;
};

/** Stores every screened row of a result in the region; resolves how many landed on accounts and how many without one. */
export const landScreening = async (repository: Repository, region: string, enterprises: User[], result: ScreeningResult, screenedBy: string, at: string) => {
  const entries = result.screened.map((row): ScreeningEntry => {
    const account = matchEnterprise(row.enterprise, enterprises);
    return { enterpriseId: account?.id ?? null, name: account?.displayName ?? row.enterprise, sector: result.sector, asOf: result.asOf, row: row.row, hazard: row.hazard, unknown: row.unknown, clear: row.clear, hazards: row.hazards, screenedAt: at, screenedBy };
  });
  // One step on the region's document, so two uploads landing at once (in any process) both keep their rows.
  await repository.changeLedgerRecord(documentId(region), (current) => {
    const screenings = screeningsOf(current);
    for (const entry of entries) screenings.set(entryKey(entry), entry);
    return { id: documentId(region), kind: 'screening', enterpriseId: null, region, savedAt: at, data: { entries: Object.fromEntries(screenings) } };
  });
  const matched = entries.filter((entry) => entry.enterpriseId !== null).length;
  return { matched, withoutAccount: entries.length - matched };
};

/** An entry as pages and the API show it. */
export const screeningView = (entry: ScreeningEntry) => ({ ...entry, sectorTitle: sectorTitle(entry.sector) });
