// The rectification dashboard's figures (隐患整改率): hazards found, rectified (closed), open, and the rate.
import type { RectificationItem } from '../store/repository.js';

/** The dashboard's figures: hazards found, rectified (closed), still open, and the rectification rate. */
export const rectificationCounts = (items: RectificationItem[]) => {
  const found = items.length;
  const rectified = items.filter((item) => item.status === 'closed').length;
  return {
    found,
    rectified,
    open: found - rectified,
    rectifying: items.filter((item) => item.status === 'rectifying').length,
    /** closed / found; null when nothing was found. */
    rate: found === 0 ? null : rectified / found,
    clearedOnReassessment: items.filter((item) => item.clearedOnReassessment).length,
  };
};
