import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

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
