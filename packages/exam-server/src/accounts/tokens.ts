// Random tokens for sessions and CSRF, and the hash under which a session token is stored.
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const newId = (): string => randomBytes(9).toString('base64url');
// Every signed-in request hashes its token: the one-shot hash is about a tenth of createHash's cost.
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

export const sameToken = (a: string | undefined, b: string | undefined): boolean => {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
