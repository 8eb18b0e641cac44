// The risk register's edits against the store: an entry removed while an edit of it is under way stays removed.
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../store/memory-repository.js';
import { createRiskRegister, type RiskEntryInput } from './register.js';

const entry = (measures: string): RiskEntryInput => ({ post: '装卸岗', source: '液氨储罐区', method: 'lec', lec: { L: '3', E: '6', C: '15' }, controlLevel: 'team', measures });

describe('risk register', () => {
  it('does not bring back an entry removed while it was being edited', async () => {
    const register = createRiskRegister(createMemoryRepository(), () => new Date('2026-09-01T00:00:00.000Z'));
    const { id } = await register.create('co1', entry('定期巡检'), 'u1');
    // The removal starts first; the edit arrives while it is under way.
    const [removed, edited] = await Promise.allSettled([register.remove('co1', id), register.update('co1', id, entry('加装报警'), 'u1')]);
    expect(removed.status).toBe('fulfilled');
    expect(edited.status).toBe('rejected');
    await expect(register.find('co1', id)).rejects.toMatchObject({ status: 404 });
    expect(await register.list('co1')).toEqual([]);
  });

  it("edits only an enterprise's own entries", async () => {
    const register = createRiskRegister(createMemoryRepository(), () => new Date('2026-09-01T00:00:00.000Z'));
    const { id } = await register.create('co1', entry('定期巡检'), 'u1');
    await expect(register.update('co2', id, entry('加装报警'), 'u2')).rejects.toMatchObject({ status: 404 });
    expect((await register.update('co1', id, entry('加装报警'), 'u1')).measures).toBe('加装报警');
  });
});
