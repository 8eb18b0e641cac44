// How a document version is named on the pages: its title, with the version added only when the title does not already say it.
import type { RuleDocument } from '@anquan/rules';

/**
 * "煤矿重大事故隐患判定标准（2026年修订）" already names its year, so the version is not added again;
 * "企业安全生产费用提取和使用管理办法" becomes "…（2022版）".
 */
export const documentName = (document: Pick<RuleDocument, 'title' | 'version'>): string =>
  document.title.zh.includes(document.version) ? document.title.zh : `${document.title.zh}（${document.version}版）`;

/** The English name, on the same rule. */
export const documentNameEn = (document: Pick<RuleDocument, 'title' | 'version'>): string =>
  document.title.en.includes(document.version) ? document.title.en : `${document.title.en} (${document.version})`;
