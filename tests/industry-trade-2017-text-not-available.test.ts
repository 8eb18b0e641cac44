// Industry-trade criteria before 2023-05-15: the 2017 edition was in force in law but we do not hold its
// text, so assess must say "text not available" and never judge by the 2023 edition (digest: Art.15).
import { describe, expect, it } from 'vitest';
import { assess } from '../packages/rules/src/index.js';

describe('industry-trade 2017 edition (text not available)', () => {
  it('2023-05-14, the last day before Art.15 repealed it: text not available, nothing decided', async () => {
    const report = await assess('industry-trade', {}, { asOf: '2023-05-14' });
    expect(report.documents.map((document) => `${document.id}@${document.version}`)).toEqual(['industry-trade-major-hazards@2017']);
    expect(report.notices.map((notice) => notice.kind)).toContain('text-not-available');
    expect(report.notices.map((notice) => notice.kind)).not.toContain('no-document-in-force');
    expect(report.findings).toEqual([]);
  });

  it('2023-05-15, the day the 2023 order took effect: the 2023 items apply', async () => {
    const report = await assess('industry-trade', {}, { asOf: '2023-05-15' });
    expect(report.documents.map((document) => `${document.id}@${document.version}`)).toEqual(['industry-trade-major-hazards@2023']);
    expect(report.notices.map((notice) => notice.kind)).not.toContain('text-not-available');
    expect(report.findings.length).toBeGreaterThan(0);
  });
});
