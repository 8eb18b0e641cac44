import type { Finding } from '@anquan/rules';
import { describe, expect, it } from 'vitest';
import { RequestError } from '../errors.js';
import { trackHazards, updateRectification } from './rectification.js';

const finding = (ruleId: string, status: Finding['status'], partOf: string | null = null) =>
  ({ ruleId, status, partOf, title: { zh: `标题 ${ruleId}`, en: ruleId }, citation: { documentId: 'doc', version: '2026', number: '令第1号', article: 4, item: 1, subItem: null, label: '第四条第（一）项' } }) as unknown as Finding;
const assessment = { id: 'a1', userId: 'u1' };

describe('trackHazards', () => {
  it('creates one open item per first-level hazard not already tracked', () => {
    const { created } = trackHazards([], assessment, [finding('r1', 'hazard'), finding('r1-a', 'hazard', 'r1'), finding('r2', 'unknown')], '2026-09-01T00:00:00Z');
    expect(created.map((item) => [item.ruleId, item.status])).toEqual([['r1', 'open']]);
    expect(trackHazards(created, assessment, [finding('r1', 'hazard')], 'later').created).toEqual([]);
  });

  it('marks items cleared when their rule is clear on re-assessment, and tracks a recurrence after closing anew', () => {
    const [item] = trackHazards([], assessment, [finding('r1', 'hazard')], 't0').created;
    const closed = updateRectification(item!, { status: 'closed', responsible: '王工' }, 't1');
    expect(trackHazards([closed], assessment, [finding('r1', 'clear')], 't2').changed).toEqual([{ ...closed, clearedOnReassessment: true }]);
    expect(trackHazards([closed], assessment, [finding('r1', 'unknown')], 't2').changed).toEqual([]);
    expect(trackHazards([closed], assessment, [finding('r1', 'hazard')], 't3').created).toHaveLength(1);
  });
});

describe('updateRectification', () => {
  const [item] = trackHazards([], assessment, [finding('r1', 'hazard')], 't0').created;
  it('moves forward with dates and refuses to close without the person responsible', () => {
    const rectifying = updateRectification(item!, { status: 'rectifying', note: '整改中' }, 't1');
    expect(rectifying).toMatchObject({ status: 'rectifying', rectifyingAt: 't1', closedAt: null, note: '整改中' });
    expect(() => updateRectification(rectifying, { status: 'closed' }, 't2')).toThrow(RequestError);
    const closed = updateRectification(rectifying, { status: 'closed', responsible: '王工' }, 't2');
    expect(closed).toMatchObject({ status: 'closed', rectifyingAt: 't1', closedAt: 't2', responsible: '王工' });
    expect(() => updateRectification(closed, { status: 'open' }, 't3')).toThrow(/cannot go from closed back to open/);
  });
});
