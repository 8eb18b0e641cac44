// The one wording of a threshold: the comparison as a reader of the law says it (以上/不超过 include the
// number, 超过/低于 exclude it) and whether the limit itself counts, in Chinese and English.
import type { Bilingual, Threshold } from './format.js';

/** The comparison words: 达到或超过 / 超过 / 不超过 / 低于. */
export const thresholdSide = (threshold: Pick<Threshold, 'side' | 'inclusive'>): Bilingual =>
  threshold.side === 'above'
    ? threshold.inclusive
      ? { zh: '达到或超过', en: 'at or above' }
      : { zh: '超过', en: 'above' }
    : threshold.inclusive
      ? { zh: '不超过', en: 'at or below' }
      : { zh: '低于', en: 'below' };

/** Whether the limit itself counts: 含本数 / 不含本数. */
export const thresholdInclusion = (threshold: Pick<Threshold, 'inclusive'>): Bilingual =>
  threshold.inclusive ? { zh: '含本数', en: 'inclusive' } : { zh: '不含本数', en: 'the limit itself excluded' };
