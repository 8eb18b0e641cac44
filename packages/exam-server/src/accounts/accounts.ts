// Registering, logging in and changing passwords: validated input, hashed passwords, and login limits
// per address and per account (so spraying one password across many names is stopped), with the same
// scrypt work for a name that does not exist as for one that does. The limits are counted in this
// process (bounded memory) or, when several processes share the store, in the store.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { RequestError } from '../errors.js';
import type { Repository, Role, User } from '../store/repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limit.js';
import { createStoreRateLimiter, type HitStore } from './store-rate-limit.js';
import { newId } from './tokens.js';

const username = z
  .string({ error: 'expected a user name' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'expected 3–32 letters, digits, _ . or - (用户名为3–32位字母、数字或 _ . -)');
// scrypt's cost grows with the input only a little, but a password has no reason to be longer than this.
const password = z.string({ error: 'expected a password' }).min(8, 'expected at least 8 characters (密码至少8位)').max(200, 'expected at most 200 characters');

export const registrationSchema = z.strictObject({
  username,
  displayName: z.string({ error: 'expected a name' }).trim().min(1, 'expected a name (姓名不能为空)').max(40, 'expected at most 40 characters'),
  password,
  role: z.enum(['trainee', 'enterprise'], { error: 'expected trainee or enterprise' }).default('trainee'),
});

export const loginSchema = z.strictObject({
  username: z.string({ error: 'expected a user name' }).trim().min(1, 'expected a user name').max(32, 'expected at most 32 characters'),
  password: z.string({ error: 'expected a password' }).min(1, 'expected a password').max(200, 'expected at most 200 characters'),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ error: 'expected the current password' }).min(1, 'expected the current password').max(200, 'expected at most 200 characters'),
  newPassword: password,
});

export const passwordResetSchema = z.strictObject({ newPassword: password });

export interface LoginLimits {
  /** Failed logins allowed from one address per window, whatever the names tried. */
  failuresPerAddress: number;
  /** Failed logins allowed for one account per window, from any address. */
  failuresPerAccount: number;
  /** Logins of any outcome allowed from one address per window. */
  loginsPerAddress: number;
  /** Accounts one address may register per window. */
  registrationsPerAddress: number;
  windowMs: number;
  /** Most keys each limiter holds. */
  maxKeys: number;
}

export const defaultLoginLimits: LoginLimits = {
  failuresPerAddress: 20,
  failuresPerAccount: 10,
  loginsPerAddress: 100,
  registrationsPerAddress: 30,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
};

export interface AccountLimiters {
  failedByAddress: RateLimiter;
  failedByAccount: RateLimiter;
  loginsByAddress: RateLimiter;
  registrationsByAddress: RateLimiter;
}

/** In this process unless `shared` is given: then in that store, where every process on it counts alike. */
export const createAccountLimiters = (limits: LoginLimits = defaultLoginLimits, shared?: HitStore): AccountLimiters => {
  const limiter = (name: string, limit: number) =>
    shared ? createStoreRateLimiter(shared, { name, limit, windowMs: limits.windowMs }) : createMemoryRateLimiter({ limit, windowMs: limits.windowMs, maxKeys: limits.maxKeys });
  return {
    failedByAddress: limiter('login-failed-address', limits.failuresPerAddress),
    failedByAccount: limiter('login-failed-account', limits.failuresPerAccount),
    loginsByAddress: limiter('login-address', limits.loginsPerAddress),
    registrationsByAddress: limiter('registration-address', limits.registrationsPerAddress),
  };
};

const tooMany = (retryAfterMs: number) =>
  new RequestError(429, `尝试次数过多，请 ${Math.max(1, Math.ceil(retryAfterMs / 60_000))} 分钟后再试 / too many attempts, try again later`, [], { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) });

const wrongCredentials = () => new RequestError(401, '用户名或密码错误 / wrong user name or password', [{ path: 'password', message: 'wrong user name or password' }]);

const nameTaken = () => new RequestError(409, '该用户名已被注册 / user name taken', [{ path: 'username', message: 'already taken' }]);

export const publicUser = (user: User) => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role });

export const createAccounts = (repository: Repository, limiters: AccountLimiters, now: () => Date) => {
  // Verified when the name is unknown, so that an unknown name costs the same scrypt work as a known one.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('base64url')));
  const accountKey = (name: string) => name.toLowerCase();

  /** `address` is the registering client's, limited per window; null when an administrator creates the account. */
  const register = async (input: z.output<typeof registrationSchema>, address: string | null, role?: Role): Promise<User> => {
    if (address !== null) {
      const allowed = await limiters.registrationsByAddress.hit(address, now().getTime());
      if (!allowed.allowed) throw tooMany(allowed.retryAfterMs);
    }
    if (await repository.findUserByName(input.username)) throw nameTaken();
    const user: User = {
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      role: role ?? input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: now().toISOString(),
    };
    try {
      await repository.createUser(user);
    } catch (error) {
      // Two registrations of one name at once: the store refuses the second; that is a 409, not a 500.
      if (await repository.findUserByName(input.username)) throw nameTaken();
      throw error;
    }
    return user;
  };

  const login = async (input: z.output<typeof loginSchema>, address: string): Promise<User> => {
    const at = now().getTime();
    const account = accountKey(input.username);
    for (const decision of await Promise.all([limiters.loginsByAddress.hit(address, at), limiters.failedByAddress.check(address, at), limiters.failedByAccount.check(account, at)])) {
      if (!decision.allowed) throw tooMany(decision.retryAfterMs);
    }
    const user = await repository.findUserByName(input.username);
    const verified = await verifyPassword(input.password, user?.passwordHash ?? (await dummy()));
    if (!user || !verified) {
      await Promise.all([limiters.failedByAddress.hit(address, at), limiters.failedByAccount.hit(account, at)]);
      throw wrongCredentials();
    }
    await limiters.failedByAccount.reset(account);
    return user;
  };

  const changePassword = async (user: User, input: z.output<typeof passwordChangeSchema>, address: string): Promise<void> => {
    const at = now().getTime();
    const account = accountKey(user.username);
    for (const decision of await Promise.all([limiters.failedByAddress.check(address, at), limiters.failedByAccount.check(account, at)])) {
      if (!decision.allowed) throw tooMany(decision.retryAfterMs);
    }
    const stored = await repository.findUser(user.id);
    if (!stored || !(await verifyPassword(input.currentPassword, stored.passwordHash))) {
      await Promise.all([limiters.failedByAddress.hit(address, at), limiters.failedByAccount.hit(account, at)]);
      throw new RequestError(400, '当前密码不正确 / the current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
    }
    await repository.setPasswordHash(user.id, await hashPassword(input.newPassword));
  };

  /** An administrator sets a new password for another account (its sessions end; see auth.ts). */
  const resetPassword = async (admin: User, username: string, input: z.output<typeof passwordResetSchema>): Promise<User> => {
    if (admin.role !== 'admin') throw new RequestError(403, '无权访问 / forbidden');
    const user = await repository.findUserByName(username);
    if (!user) throw new RequestError(404, '未找到该用户 / unknown user');
    await repository.setPasswordHash(user.id, await hashPassword(input.newPassword));
    return user;
  };

  return { register, login, changePassword, resetPassword };
};
