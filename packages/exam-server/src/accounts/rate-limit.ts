// Rate limiting behind one small interface (hit a key → allowed, or how long to wait), with a bounded
// in-memory implementation for one process: entries expire with their window and the table never holds
// more than a fixed number of keys, so a stranger cannot grow the server's memory by inventing keys.
// The implementation shared by several processes on one store is in store-rate-limit.ts.
export interface RateDecision {
  allowed: boolean;
  /** Milliseconds until the key is allowed again; 0 when allowed now. */
  retryAfterMs: number;
}

/** What the account service uses: the memory limiter answers at once, the store-backed one by a query. */
export interface RateLimiter {
  /** Counts one event for the key and says whether it is within the limit. */
  hit(key: string, now?: number): RateDecision | Promise<RateDecision>;
  /** Says whether the next event would be allowed, without counting it. */
  check(key: string, now?: number): RateDecision | Promise<RateDecision>;
  /** Forgets the key (e.g. the failures of an account after a successful login). */
  reset(key: string): void | Promise<void>;
}

export interface MemoryRateLimiter extends RateLimiter {
  hit(key: string, now?: number): RateDecision;
  check(key: string, now?: number): RateDecision;
  reset(key: string): void;
  /** Number of keys held (bounded by `maxKeys`). */
  readonly size: number;
}

export interface RateLimitOptions {
  /** Events allowed per key in one window. */
  limit: number;
  windowMs: number;
  /** Most keys held at once; the least recently hit is dropped first. */
  maxKeys?: number;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed windows per key, kept in a Map in least-recently-hit order (a hit moves the key to the end), so
 * that at the cap the key dropped is the one nobody has touched for longest — never a busy address.
 */
export const createMemoryRateLimiter = ({ limit, windowMs, maxKeys = 10_000 }: RateLimitOptions): MemoryRateLimiter => {
  const windows = new Map<string, Window>();
  let lastSweep = 0;
  const sweep = (now: number) => {
    if (now - lastSweep >= windowMs / 4) {
      lastSweep = now;
      for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
    }
    while (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
  };
  const current = (key: string, now: number): Window | undefined => {
    const window = windows.get(key);
    if (window && now - window.start >= windowMs) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };
  const decide = (window: Window | undefined, now: number, counted: number): RateDecision =>
    window && window.count + counted > limit ? { allowed: false, retryAfterMs: Math.max(1, window.start + windowMs - now) } : { allowed: true, retryAfterMs: 0 };
  return {
    hit: (key, now = Date.now()) => {
      sweep(now);
      const window = current(key, now) ?? { start: now, count: 0 };
      window.count += 1;
      windows.delete(key);
      windows.set(key, window);
      return decide(window, now, 0);
    },
    check: (key, now = Date.now()) => decide(current(key, now), now, 1),
    reset: (key) => void windows.delete(key),
    get size() {
      return windows.size;
    },
  };
};
