// The page of one sector, and the sector list on the home page: its documents with their effective periods and status.
import { isInForce, type Sector } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { factsPage, sectorPage } from '../paths.js';
import type { PageFrame } from '../render.js';
import { documentSummary } from './document-view.js';

export const sectorSummary = (catalogue: Catalogue, sector: Sector) => {
  const documents = catalogue.documentsOf(sector.id);
  const inForce = documents.filter((document) => isInForce(document, catalogue.asOf));
  return {
    id: sector.id,
    title: sector.title,
    href: sectorPage(sector.id),
    documentCount: documents.length,
    ruleCount: documents.reduce((total, document) => total + document.rules.length, 0),
    inForce: inForce.map((document) => documentSummary(catalogue, document)),
  };
};

export const sectorView = (catalogue: Catalogue, sector: Sector) => {
  const documents = catalogue.documentsOf(sector.id);
  // One group per document id, versions newest first, so a reader sees each text's history in one place.
  const ids = [...new Set(documents.map((document) => document.id))];
  const groups = ids.map((id) => {
    const versions = documents.filter((document) => document.id === id).map((document) => documentSummary(catalogue, document));
    return { id, title: versions[0]!.title, versions };
  });
  const frame: PageFrame = { title: `${sector.title.zh} — 文件与条目`, crumbs: [{ label: sector.title.zh }] };
  return {
    frame,
    view: {
      sector: { ...sectorSummary(catalogue, sector), facts: catalogue.hasFactsPage(sector.id) ? factsPage(sector.id) : undefined },
      groups,
    },
  };
};
