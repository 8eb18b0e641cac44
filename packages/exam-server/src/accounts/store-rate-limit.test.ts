import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../store/memory-repository.js';
import { createStoreRateLimiter } from './store-rate-limit.js';

const minute = 60_000;

describe('rate limiter counted in the store', () => {
  it('allows the limit within a sliding window, says how long until the oldest hit leaves, then allows again', async () => {
    const limiter = createStoreRateLimiter(createMemoryRepository(), { name: 'test', limit: 3, windowMs: minute });
    for (const at of [1000, 2000, 3000]) expect(await limiter.hit('ip', at)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await limiter.check('ip', 10_000)).toEqual({ allowed: false, retryAfterMs: 1000 + minute - 10_000 });
    expect((await limiter.hit('ip', 10_000)).allowed).toBe(false);
    expect((await limiter.check('other', 10_000)).allowed).toBe(true);
    // At 1000 + window the first hit has left (the window is (at − window, at]); the other two have not.
    expect((await limiter.hit('ip', 1000 + minute)).allowed).toBe(true);
    expect(await limiter.hit('ip', 1500 + minute)).toEqual({ allowed: false, retryAfterMs: 500 });
  });

  it('records no hit once a key is at its limit, so a flood adds nothing to the store', async () => {
    const store = createMemoryRepository();
    const limiter = createStoreRateLimiter(store, { name: 'test', limit: 5, windowMs: minute });
    for (let index = 0; index < 1000; index += 1) await limiter.hit('flood', 1000 + index);
    expect(await store.hits('test:flood', minute, new Date(1000 + 1000).toISOString())).toHaveLength(5);
  });

  it('check does not count; reset forgets; limiters with different names keep apart', async () => {
    const store = createMemoryRepository();
    const one = createStoreRateLimiter(store, { name: 'one', limit: 1, windowMs: minute });
    const two = createStoreRateLimiter(store, { name: 'two', limit: 1, windowMs: minute });
    expect((await one.check('a', 0)).allowed).toBe(true);
    expect((await one.check('a', 0)).allowed).toBe(true);
    await one.hit('a', 0);
    expect((await one.check('a', 1)).allowed).toBe(false);
    expect((await two.check('a', 1)).allowed).toBe(true);
    await one.reset('a');
    expect((await one.check('a', 1)).allowed).toBe(true);
  });

  it('its hits are purged by age', async () => {
    const store = createMemoryRepository();
    const limiter = createStoreRateLimiter(store, { name: 'test', limit: 2, windowMs: minute });
    for (let index = 0; index < 300; index += 1) await limiter.hit(`name-${index}`, 0);
    expect(await store.purgeExpired(new Date(minute - 1).toISOString())).toEqual({ sessions: 0, hits: 0 });
    expect(await store.purgeExpired(new Date(minute).toISOString())).toEqual({ sessions: 0, hits: 300 });
  });
});
