// Where a document version stands on a date (in force, superseded, not yet in force) and how much of its text we hold.
import type { RuleDocument } from '@anquan/rules';
import type { Bilingual } from './quantities.js';

export interface Badge extends Bilingual {
  /** A stable class name for the stylesheet. */
  key: string;
}

export const periodStatus = (document: Pick<RuleDocument, 'effectiveFrom' | 'effectiveTo' | 'replacedBy'>, asOf: string): Badge => {
  if (asOf < document.effectiveFrom) return { key: 'upcoming', zh: '尚未施行', en: 'not yet in force' };
  if (document.effectiveTo !== null && document.effectiveTo < asOf) {
    return document.replacedBy ? { key: 'superseded', zh: '已被替代', en: 'superseded' } : { key: 'expired', zh: '已失效', en: 'no longer in force' };
  }
  return { key: 'in-force', zh: '现行有效', en: 'in force' };
};

export const textStatus = (document: Pick<RuleDocument, 'itemsAvailable'>): Badge => {
  if (document.itemsAvailable === false) return { key: 'not-available', zh: '文本未取得', en: 'text not available' };
  if (document.itemsAvailable === 'partial') return { key: 'partial', zh: '部分条目', en: 'partial' };
  return { key: 'complete', zh: '条目完整', en: 'all items' };
};

/** The effective period as printed on the pages: first day, and last day or 至今. */
export const periodWords = (document: Pick<RuleDocument, 'effectiveFrom' | 'effectiveTo'>): Bilingual => ({
  zh: `${document.effectiveFrom} 至 ${document.effectiveTo ?? '今'}`,
  en: `${document.effectiveFrom} to ${document.effectiveTo ?? 'date'}`,
});

/** A document's kind in words; the kind's code is shown only in the technical view. */
export const kindWords = (kind: RuleDocument['kind']): Bilingual => {
  if (kind === 'major-hazard-criteria') return { zh: '重大事故隐患判定标准', en: 'major hazard criteria' };
  if (kind === 'grading') return { zh: '分级标准', en: 'grading' };
  return { zh: '计算依据', en: 'calculation basis' };
};
