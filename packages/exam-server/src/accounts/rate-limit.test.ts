import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './rate-limit.js';

describe('memory rate limiter', () => {
  it('allows the limit within a window, then says how long to wait, then allows again', () => {
    const limiter = createMemoryRateLimiter({ limit: 3, windowMs: 60_000 });
    for (let index = 0; index < 3; index += 1) expect(limiter.hit('ip', 1000 + index).allowed).toBe(true);
    expect(limiter.check('ip', 2000)).toEqual({ allowed: false, retryAfterMs: 59_000 });
    expect(limiter.hit('ip', 2000).allowed).toBe(false);
    expect(limiter.check('other', 2000).allowed).toBe(true);
    expect(limiter.hit('ip', 1000 + 60_000).allowed).toBe(true);
  });

  it('check does not count; reset forgets', () => {
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.check('a', 0).allowed).toBe(true);
    expect(limiter.check('a', 0).allowed).toBe(true);
    limiter.hit('a', 0);
    expect(limiter.check('a', 1).allowed).toBe(false);
    limiter.reset('a');
    expect(limiter.check('a', 1).allowed).toBe(true);
  });

  it('never holds more keys than its cap, and drops the least recently hit key first', () => {
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000, maxKeys: 1000 });
    limiter.hit('busy', 0);
    limiter.hit('busy', 0);
    for (let index = 0; index < 200_000; index += 1) {
      limiter.hit(`name-${index}`, 1);
      if (index % 500 === 0) limiter.hit('busy', 1); // an attacker's own address stays blocked
      expect(limiter.size).toBeLessThanOrEqual(1000);
    }
    expect(limiter.check('busy', 2).allowed).toBe(false);
    expect(limiter.check('name-0', 2).allowed).toBe(true);
  });

  it('evicts expired windows when time passes', () => {
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 1000, maxKeys: 100_000 });
    for (let index = 0; index < 5000; index += 1) limiter.hit(`k${index}`, 0);
    expect(limiter.size).toBe(5000);
    limiter.hit('later', 5000);
    expect(limiter.size).toBe(1);
  });
});
