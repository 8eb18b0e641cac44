// Times as a trainee in China reads them: Beijing time (Asia/Shanghai, UTC+8, no daylight saving),
// labelled, and durations in 分/秒.

const offsetMs = 8 * 3600_000;

/** "2026-09-01 09:05（北京时间）" for an ISO instant; empty for none. */
export const beijingTime = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return `${new Date(at + offsetMs).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
};

/** "1分05秒", "45秒", "120分00秒": whole seconds, never negative. */
export const durationText = (seconds: number): string => {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return minutes > 0 ? `${minutes}分${String(rest).padStart(2, '0')}秒` : `${rest}秒`;
};
