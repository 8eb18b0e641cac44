// The home page (sectors and how to use the site) and the guide (the library, the CLI, the HTTP API).
import { isInForce } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { documentPage, rulePage } from '../paths.js';
import type { PageFrame } from '../render.js';
import { sectorSummary } from './sector-view.js';

export const homeView = (catalogue: Catalogue) => {
  const sectors = catalogue.sectors.map((sector) => sectorSummary(catalogue, sector)).filter((sector) => sector.documentCount > 0);
  const frame: PageFrame = { title: 'Anquan 安全生产重大事故隐患判定标准', crumbs: [] };
  return {
    frame,
    view: {
      sectors,
      documentCount: catalogue.documents.length,
      ruleCount: catalogue.documents.reduce((total, document) => total + document.rules.length, 0),
    },
  };
};

/** The guide's worked example comes from the data: the first sector with rules in force and an example that fires. */
const workedExample = (catalogue: Catalogue) => {
  for (const sector of catalogue.sectors) {
    if (!catalogue.hasVocabulary(sector.id)) continue;
    for (const document of catalogue.documentsOf(sector.id)) {
      const inForce = isInForce(document, catalogue.asOf);
      const rule = inForce ? document.rules.find((candidate) => candidate.exam && Object.keys(candidate.exam.hazardExample).length > 0) : undefined;
      if (rule?.exam) {
        return {
          sector: sector.id,
          sectorTitle: sector.title.zh,
          asOf: catalogue.asOf,
          facts: JSON.stringify(rule.exam.hazardExample, null, 2),
          rule: { label: rule.citation.label, title: rule.title.zh, href: rulePage(document, rule.id) },
          document: { title: document.title.zh, href: documentPage(document) },
        };
      }
    }
  }
  return undefined;
};

export const guideView = (catalogue: Catalogue) => {
  const frame: PageFrame = { title: '使用指南：库、命令行与 HTTP API', crumbs: [{ label: '使用指南' }] };
  return {
    frame,
    view: { example: workedExample(catalogue), sectors: catalogue.sectors.filter((sector) => catalogue.hasVocabulary(sector.id)).map((sector) => ({ id: sector.id, title: sector.title })) },
  };
};
