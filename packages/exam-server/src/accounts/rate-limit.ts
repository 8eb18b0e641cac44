// Login rate limiting: a fixed number of failures per key (user name and address) in a sliding window.
export interface RateLimiter {
  /** Milliseconds until another try is allowed; 0 when allowed now. */
  retryAfter(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  reset(key: string): void;
}

export const createRateLimiter = (maxFailures: number, windowMs: number): RateLimiter => {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((time) => now - time < windowMs);
  return {
    retryAfter: (key, now = Date.now()) => {
      const times = recent(key, now);
      failures.set(key, times);
      return times.length >= maxFailures ? windowMs - (now - times[0]!) : 0;
    },
    fail: (key, now = Date.now()) => failures.set(key, [...recent(key, now), now]),
    reset: (key) => failures.delete(key),
  };
};
