import { describe, expect, it } from 'vitest';
import { createAccountLimiters, createAccounts } from '../accounts/accounts.js';
import { RequestError } from '../errors.js';
import { createMemoryRepository } from '../store/memory-repository.js';
import type { User } from '../store/repository.js';
import { createAdminService } from './service.js';

const now = () => new Date('2026-09-01T01:00:00Z');
const person = (id: string, role: User['role']): User => ({ id, username: id, displayName: id, role, passwordHash: 'x', createdAt: now().toISOString() });

const setUp = async () => {
  const repository = createMemoryRepository();
  const service = createAdminService(repository, now, createAccounts(repository, createAccountLimiters(), now));
  const admin = person('root', 'admin');
  const trainee = person('learner', 'trainee');
  const enterprise = person('works', 'enterprise');
  for (const user of [admin, trainee, enterprise]) await repository.createUser(user);
  return { repository, service, admin, trainee, enterprise };
};

/** The status a rejected call carries (a RequestError), or the value it resolved to. */
const statusOf = (promise: Promise<unknown>) => promise.then(
  () => 'resolved',
  (error: unknown) => (error instanceof RequestError ? error.status : error),
);

describe('the admin service behind the admin pages and the API', () => {
  it('refuses every operation to anyone but an administrator with 403', async () => {
    const { service, trainee, enterprise } = await setUp();
    for (const user of [trainee, enterprise]) {
      expect(await statusOf(service.users(user))).toBe(403);
      expect(await statusOf(service.createUser(user, { username: 'new-one', displayName: '新', password: 'long enough 1', role: 'regulator' }))).toBe(403);
      expect(await statusOf(service.assignUser(user, 'learner', { region: '东区' }))).toBe(403);
      expect(await statusOf(service.importedCount(user))).toBe(403);
    }
  });

  it('creates an acceptor for an enterprise account only, and with the chosen role', async () => {
    const { service, repository, admin, trainee, enterprise } = await setUp();
    expect(await statusOf(service.createUser(admin, { username: 'checker', displayName: '验收', password: 'long enough 1', role: 'acceptor', enterpriseId: trainee.id }))).toBe(400);
    expect(await repository.findUserByName('checker')).toBeUndefined();
    const acceptor = await service.createUser(admin, { username: 'checker', displayName: '验收', password: 'long enough 1', role: 'acceptor', enterpriseId: enterprise.id });
    expect({ role: acceptor.role, enterpriseId: acceptor.enterpriseId }).toEqual({ role: 'acceptor', enterpriseId: enterprise.id });
    expect(await statusOf(service.createUser(admin, { username: 'checker', displayName: '重复', password: 'long enough 1', role: 'trainee' }))).toBe(409);
  });

  it('assigns and clears regions, refuses an unknown account with 404 and a non-enterprise with 400', async () => {
    const { service, admin, trainee, enterprise } = await setUp();
    expect((await service.assignUser(admin, enterprise.id, { region: '东区' })).region).toBe('东区');
    expect((await service.assignUser(admin, enterprise.id, { region: null })).region).toBeUndefined();
    expect(await statusOf(service.assignUser(admin, 'nobody', { region: '东区' }))).toBe(404);
    expect(await statusOf(service.assignUser(admin, trainee.id, { enterpriseId: trainee.id }))).toBe(400);
    expect((await service.users(admin)).map((user) => user.username).sort()).toEqual(['learner', 'root', 'works']);
    expect(await service.importedCount(admin)).toBe(0);
  });
});
