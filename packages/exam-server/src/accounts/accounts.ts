// Registering and logging in: validated input, hashed passwords, login attempts rate-limited.
import { z } from 'zod';
import { RequestError } from '../errors.js';
import type { Repository, Role, User } from '../store/repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { RateLimiter } from './rate-limit.js';
import { newId } from './tokens.js';

export const registrationSchema = z.strictObject({
  username: z
    .string({ error: 'expected a user name' })
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'expected 3–32 letters, digits, _ . or - (用户名为3–32位字母、数字或 _ . -)'),
  displayName: z.string({ error: 'expected a name' }).trim().min(1, 'expected a name (姓名不能为空)').max(40, 'expected at most 40 characters'),
  password: z.string({ error: 'expected a password' }).min(8, 'expected at least 8 characters (密码至少8位)').max(200),
  role: z.enum(['trainee', 'enterprise'], { error: 'expected trainee or enterprise' }).default('trainee'),
});

export const loginSchema = z.strictObject({
  username: z.string({ error: 'expected a user name' }).trim().min(1, 'expected a user name'),
  password: z.string({ error: 'expected a password' }).min(1, 'expected a password'),
});

export const createAccounts = (repository: Repository, limiter: RateLimiter, now: () => Date) => ({
  register: async (input: z.output<typeof registrationSchema>, role?: Role): Promise<User> => {
    if (await repository.findUserByName(input.username)) {
      throw new RequestError(409, '该用户名已被注册 / user name taken', [{ path: 'username', message: 'already taken' }]);
    }
    const user: User = {
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      role: role ?? input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: now().toISOString(),
    };
    await repository.createUser(user);
    return user;
  },

  login: async (input: z.output<typeof loginSchema>, address: string): Promise<User> => {
    const key = `${input.username}|${address}`;
    const wait = limiter.retryAfter(key);
    if (wait > 0) throw new RequestError(429, `登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试 / too many attempts`);
    const user = await repository.findUserByName(input.username);
    if (!user || !(await verifyPassword(input.password, user.passwordHash))) {
      limiter.fail(key);
      throw new RequestError(401, '用户名或密码错误 / wrong user name or password', [{ path: 'password', message: 'wrong user name or password' }]);
    }
    limiter.reset(key);
    return user;
  },
});
