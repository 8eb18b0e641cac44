// The printable checklist of one document version: a checkbox per item, its citation and our title, by category.
import type { LoadedDocument } from '@anquan/rules';
import type { Catalogue } from '../catalogue.js';
import { documentPage, rulePage, sectorPage } from '../paths.js';
import { documentName } from '../document-name.js';
import type { PageFrame } from '../render.js';
import { periodWords, textStatus } from '../status.js';

export const checklistView = (catalogue: Catalogue, document: LoadedDocument) => {
  const sector = catalogue.sectors.find((candidate) => candidate.id === document.sector)!;
  const item = (rule: LoadedDocument['rules'][number]) => ({
    id: rule.id,
    href: rulePage(document, rule.id),
    label: rule.citation.label,
    title: rule.title,
    verified: rule.verified,
    // Sub-items sit under their item: ticking the item is enough, the sub-items say what to look at.
    subItems: document.rules.filter((candidate) => candidate.partOf === rule.id).map((child) => ({
      id: child.id,
      href: rulePage(document, child.id),
      label: child.citation.label,
      title: child.title,
      verified: child.verified,
    })),
  });
  const topLevel = document.rules.filter((rule) => rule.partOf === undefined || !document.rules.some((candidate) => candidate.id === rule.partOf));
  const listed = new Set(document.categories.map((category) => category.id));
  const sections = [
    ...document.categories.map((category) => ({ title: category.title, items: topLevel.filter((rule) => rule.category === category.id).map(item) })),
    ...[...new Set(topLevel.map((rule) => rule.category).filter((id) => !listed.has(id)))].map((id) => ({
      title: { zh: `其他条目（${id}）`, en: `Other items (${id})` },
      items: topLevel.filter((rule) => rule.category === id).map(item),
    })),
  ].filter((section) => section.items.length > 0);
  const frame: PageFrame = {
    title: `检查表：${documentName(document)}`,
    crumbs: [
      { label: sector.title.zh, href: sectorPage(sector.id) },
      { label: documentName(document), href: documentPage(document) },
      { label: '检查表' },
    ],
    kind: 'checklist',
  };
  return {
    frame,
    view: {
      document: {
        title: document.title,
        number: document.number,
        version: document.version,
        period: periodWords(document),
        text: textStatus(document),
        href: documentPage(document),
      },
      sector: sector.title,
      sections,
      itemCount: document.rules.length,
    },
  };
};
