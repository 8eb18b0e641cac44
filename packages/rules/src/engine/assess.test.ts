import { describe, expect, it } from 'vitest';
import { InputError } from '../validation/issues.js';
import { assess } from './assess.js';
import { todayInChina } from './as-of.js';

describe('assess', () => {
  it('picks the document version in force on the as-of date', async () => {
    const after = await assess('coal-mine', {}, { asOf: '2026-09-01' });
    const before = await assess('coal-mine', {}, { asOf: '2025-09-01' });
    expect(after.documents.map((document) => document.number)).toEqual(['应急管理部令第21号']);
    expect(before.documents.map((document) => document.number)).toEqual(['应急管理部令第4号']);
    expect(after.findings.every((finding) => finding.citation.version === '2026')).toBe(true);
    expect(before.findings.every((finding) => finding.citation.version === '2020')).toBe(true);
  });

  it('the last day of the old version and the first of the new one', async () => {
    expect((await assess('coal-mine', {}, { asOf: '2026-06-30' })).documents[0]?.version).toBe('2020');
    expect((await assess('coal-mine', {}, { asOf: '2026-07-01' })).documents[0]?.version).toBe('2026');
  });

  it('says plainly when no criteria were in force', async () => {
    const assessment = await assess('coal-mine', {}, { asOf: '2019-01-01' });
    expect(assessment.findings).toEqual([]);
    expect(assessment.notices.map((notice) => notice.kind)).toEqual(['no-document-in-force']);
  });

  it('reports a period whose text is not available instead of applying the older version', async () => {
    const assessment = await assess('fire', {}, { asOf: '2026-01-01' });
    expect(assessment.documents.map((document) => document.version)).toEqual(['2025']);
    expect(assessment.findings).toEqual([]);
    expect(assessment.notices.some((notice) => notice.kind === 'text-not-available')).toBe(true);
  });

  it('with half the answers, never reads as "no hazards": unknowns are counted', async () => {
    const assessment = await assess('coal-mine', { mineType: 'underground' }, { asOf: '2026-09-01' });
    expect(assessment.summary.unknown).toBeGreaterThan(0);
  });

  it('defaults the as-of date to today in China', async () => {
    expect((await assess('coal-mine', {})).asOf).toBe(todayInChina());
  });

  it('refuses bad input with every offending field named', async () => {
    await expect(assess('coal', {})).rejects.toThrow(/sector: unknown sector "coal"/);
    await expect(assess('coal-mine', {}, { asOf: '2026-02-30' })).rejects.toThrow(/options\.asOf: expected a calendar date/);
    const error = await assess('coal-mine', { approvedCapacityTonnesPerYear: -1, mineType: 'mine', nonsense: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((issue) => issue.path).sort()).toEqual(['facts.approvedCapacityTonnesPerYear', 'facts.mineType', 'facts.nonsense']);
    await expect(assess('coal-mine', [1, 2])).rejects.toThrow(/facts: expected an object/);
  });

  it('treats a null answer as not known rather than as an error', async () => {
    const assessment = await assess('coal-mine', { mineType: null }, { asOf: '2026-09-01' });
    expect(assessment.summary.unknown).toBeGreaterThan(0);
  });
});
