// Beijing time is UTC+8 across the date line, and durations read in 分/秒.
import { describe, expect, it } from 'vitest';
import { beijingTime, durationText } from './china-time.js';

describe('beijingTime', () => {
  it('adds eight hours and says so, across midnight', () => {
    expect(beijingTime('2026-09-01T01:00:00.000Z')).toBe('2026-09-01 09:00（北京时间）');
    expect(beijingTime('2026-08-31T16:30:00.000Z')).toBe('2026-09-01 00:30（北京时间）');
    expect(beijingTime('2026-08-31T15:59:59.000Z')).toBe('2026-08-31 23:59（北京时间）');
  });
  it('is empty for no time or a broken one', () => {
    expect(beijingTime(null)).toBe('');
    expect(beijingTime('not a date')).toBe('');
  });
});

describe('durationText', () => {
  it('writes minutes and seconds', () => {
    expect(durationText(0)).toBe('0秒');
    expect(durationText(59.9)).toBe('59秒');
    expect(durationText(60)).toBe('1分00秒');
    expect(durationText(7265)).toBe('121分05秒');
    expect(durationText(-3)).toBe('0秒');
  });
});
