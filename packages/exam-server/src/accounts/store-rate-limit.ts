// Rate limiting shared by every server process on one store (PostgreSQL): the hits live in the store,
// counted over a sliding window, so two processes behind one load balancer enforce one limit. A key
// already at its limit records no further hit, so a flood adds no rows; the rest leave with their window
// (the server's hourly purge by age, and a key's own old hits whenever that key is hit again).
import type { Repository } from '../store/repository.js';
import type { RateDecision, RateLimiter } from './rate-limit.js';

export interface StoreRateLimitOptions {
  /** Events allowed per key in any window of `windowMs`. */
  limit: number;
  windowMs: number;
  /** Prefix that keeps this limiter's keys apart from the other limiters' in the one table. */
  name: string;
}

export type HitStore = Pick<Repository, 'countHit' | 'hits' | 'clearHits'>;

export const createStoreRateLimiter = (store: HitStore, { limit, windowMs, name }: StoreRateLimitOptions): RateLimiter => {
  const stored = (key: string) => `${name}:${key}`;
  const iso = (now: number) => new Date(now).toISOString();
  /**
   * With `recorded` hits in the window (oldest first), `extra` more events are allowed when the total stays
   * within the limit; otherwise the wait is until enough of the oldest hits have left the window.
   */
  const decide = (recorded: string[], extra: number, now: number): RateDecision => {
    const excess = recorded.length + extra - limit;
    if (excess <= 0) return { allowed: true, retryAfterMs: 0 };
    const leaving = recorded[excess - 1];
    return { allowed: false, retryAfterMs: leaving ? Math.max(1, Date.parse(leaving) + windowMs - now) : windowMs };
  };
  return {
    hit: async (key, now = Date.now()) => {
      const before = decide(await store.hits(stored(key), windowMs, iso(now)), 1, now);
      if (!before.allowed) return before;
      const count = await store.countHit(stored(key), windowMs, iso(now));
      if (count <= limit) return { allowed: true, retryAfterMs: 0 };
      // Another process hit the key between the read and the count: this event is the one over the limit.
      return decide(await store.hits(stored(key), windowMs, iso(now)), 0, now);
    },
    check: async (key, now = Date.now()) => decide(await store.hits(stored(key), windowMs, iso(now)), 1, now),
    reset: (key) => store.clearHits(stored(key)),
  };
};
