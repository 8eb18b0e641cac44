// What the library holds: sectors and document versions, as the public contract lists them.
import type { Bilingual } from './format.js';
import { isInForce, loadRulesData, type Sector } from './load.js';
import { resolveAsOf } from '../engine/as-of.js';

export interface DocumentInfo {
  id: string;
  version: string;
  sector: string;
  kind: string;
  title: Bilingual;
  issuer: Bilingual;
  number: string;
  issued: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  replaces: { id: string; version: string } | null;
  replacedBy: { id: string; version: string } | null;
  supplementTo: string | null;
  itemsAvailable: boolean | 'partial';
  ruleCount: number;
  unverifiedRuleCount: number;
  source: { digest: string; index: string | null; officialUrl: string | null };
}

export const listSectors = (): Sector[] => loadRulesData().sectors.map((sector) => ({ ...sector }));

export const listDocuments = (options: { sector?: string; asOf?: string } = {}): DocumentInfo[] => {
  const asOf = options.asOf === undefined ? undefined : resolveAsOf(options.asOf);
  return loadRulesData()
    .documents.filter((document) => options.sector === undefined || document.sector === options.sector)
    .filter((document) => asOf === undefined || isInForce(document, asOf))
    .map((document) => ({
      id: document.id,
      version: document.version,
      sector: document.sector,
      kind: document.kind,
      title: document.title,
      issuer: document.issuer,
      number: document.number,
      issued: document.issued,
      effectiveFrom: document.effectiveFrom,
      effectiveTo: document.effectiveTo,
      replaces: document.replaces,
      replacedBy: document.replacedBy,
      supplementTo: document.supplementTo,
      itemsAvailable: document.itemsAvailable,
      ruleCount: document.rules.length,
      unverifiedRuleCount: document.rules.filter((rule) => !rule.verified).length,
      source: document.source,
    }));
};
