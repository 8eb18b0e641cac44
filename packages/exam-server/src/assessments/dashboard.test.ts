import { describe, expect, it } from 'vitest';
import type { RectificationItem } from '../store/repository.js';
import { rectificationCounts } from './dashboard.js';

const item = (status: RectificationItem['status']) => ({ status, clearedOnReassessment: status === 'closed' }) as RectificationItem;

describe('rectificationCounts', () => {
  it('counts found, rectified (closed), open, and rate = closed / found', () => {
    expect(rectificationCounts([item('open'), item('rectifying'), item('closed'), item('closed')])).toEqual({ found: 4, rectified: 2, open: 2, rectifying: 1, rate: 0.5, clearedOnReassessment: 2 });
  });
  it('has no rate when nothing was found', () => {
    expect(rectificationCounts([]).rate).toBeNull();
  });
});
