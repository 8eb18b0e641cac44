// The migration command's core: an embedded directory copied into PostgreSQL holds the same records, counted
// and digested per collection; a target that already holds data is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { attemptRecord } from './attempt-fixture.js';
import { openLowdbRepository } from './lowdb-repository.js';
import { copyStore } from './migrate-to-postgres.js';
import { openPostgresRepository } from './postgres-repository.js';
import { startTestCluster } from './postgres-test-cluster.js';

const cluster = await startTestCluster({ durable: false });
const directory = mkdtempSync(join(tmpdir(), 'anquan-migrate-'));
afterAll(async () => {
  if ('cluster' in cluster) await cluster.cluster.stop();
  rmSync(directory, { recursive: true, force: true });
});

const attempt = (id: string, userId: string) => attemptRecord({
  id, userId, seed: id, optionOrder: { q1: ['B', 'A'] }, answers: { q1: ['A'] }, marked: ['q2'], deadline: '2026-09-01T02:00:00.000Z',
});

if ('cluster' in cluster) {
  it('copies a lowdb directory into an empty database, every collection the same, and refuses a second copy', async () => {
    const source = await openLowdbRepository(directory);
    for (let index = 0; index < 30; index += 1) {
      await source.createUser({ id: `u${index}`, username: `user${index}`, displayName: `学员${index}`, role: 'trainee', passwordHash: 'h', createdAt: '2026-09-01T00:00:00.000Z' });
      await source.createAttempt(attempt(`a${index}`, `u${index}`));
      await source.recordAnswers([{ userId: `u${index}`, questionId: 'q1', chapter: 'c', correct: index % 2 === 0, at: `2026-09-01T00:00:${String(index).padStart(2, '0')}.000Z` }]);
    }
    await source.closeAttempt('a3', '2026-09-01T01:00:00.000Z');
    await source.createSession({ tokenHash: 'h1', userId: 'u1', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z' });
    await source.updateProgress('u1', (progress) => void Object.assign(progress, { positions: { k: 3 }, mistakes: { q1: 1 }, favourites: ['q2'], seen: ['q1'] }));
    await source.saveBlueprintOverride({ blueprintId: 'b', passMark: 1, updatedBy: 'admin', updatedAt: '2026-09-01T00:00:00.000Z' });
    await source.saveAssessment({ id: 's1', userId: 'u1', sector: 'coal-mine', asOf: '2026-09-01', facts: { x: 1 }, createdAt: 't', updatedAt: 't', summary: null });
    const photo = (id: string, stage: 'found' | 'acceptance') => ({
      id, userId: 'u1', itemId: 'r1', stage, name: `${id}.png`, type: 'image/png' as const, size: 8, dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64'), uploadedBy: 'u1', uploadedAt: `2026-09-01T00:00:0${id.slice(1)}.000Z`,
    });
    await source.saveEvidence(photo('e1', 'found'));
    await source.saveEvidence(photo('e2', 'acceptance'));
    await source.saveLedgerRecord({ id: 'statistics:2026Q3', kind: 'statistics', enterpriseId: 'u1', region: '东区', savedAt: '2026-10-10T02:00:00.000Z', data: { signedBy: '张三' } });
    const url = await cluster.cluster.createDatabase();
    const target = await openPostgresRepository(url);
    const report = await copyStore(source, target);
    expect(report.ok).toBe(true);
    expect(report.counts.find((row) => row.collection === 'attempts')).toEqual({ collection: 'attempts', source: 30, target: 30, same: true });
    expect(report.counts.find((row) => row.collection === 'evidence')).toEqual({ collection: 'evidence', source: 2, target: 2, same: true });
    expect(report.counts.find((row) => row.collection === 'ledgerRecords')).toEqual({ collection: 'ledgerRecords', source: 1, target: 1, same: true });
    expect(await target.findEvidence('e2')).toEqual(photo('e2', 'acceptance'));
    expect((await target.listEvidence('r1')).map((info) => info.id)).toEqual(['e1', 'e2']);
    expect((await target.findAttempt('a3'))!.submittedAt).toBe('2026-09-01T01:00:00.000Z');
    expect(await target.saveAnswer('a3', 'q2', ['B'])).toBe(false);
    expect((await target.progress('u1')).positions).toEqual({ k: 3 });
    await expect(copyStore(source, target)).rejects.toThrow(/not empty/);
    await source.close();
    await target.close();
  });
} else {
  it.skip(`migration into PostgreSQL — skipped: ${cluster.skipped}`, () => undefined);
}
