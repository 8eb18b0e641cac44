import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';
import { createRateLimiter } from './rate-limit.js';

describe('passwords', () => {
  it('verifies the right password only, and never stores it in clear', async () => {
    const stored = await hashPassword('安全第一-2026');
    expect(stored).not.toContain('安全第一');
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('安全第一-2026', stored)).toBe(true);
    expect(await verifyPassword('安全第一-2025', stored)).toBe(false);
    expect(await verifyPassword('x', 'plain$text')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('login rate limit', () => {
  it('blocks after the allowed failures until the window has passed', () => {
    const limiter = createRateLimiter(3, 60_000);
    for (let index = 0; index < 3; index += 1) limiter.fail('user|ip', 1000 + index);
    expect(limiter.retryAfter('user|ip', 2000)).toBeGreaterThan(0);
    expect(limiter.retryAfter('other|ip', 2000)).toBe(0);
    expect(limiter.retryAfter('user|ip', 1000 + 60_001)).toBe(0);
  });
});
