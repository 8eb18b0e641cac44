// assessMany: results in input order, a bad item reported in place, worker threads giving the same results.
import { describe, expect, it } from 'vitest';
import { assessNow } from './assess.js';
import { assessMany, isItemError, type BatchItem, type BatchResult } from './batch.js';

const asOf = '2026-09-01';
const items: BatchItem[] = Array.from({ length: 30 }, (_, index) => ({
  sector: index % 2 ? 'coal-mine' : 'fireworks',
  facts: index === 7 ? { annualRawCoalOutputTonnes: 'lots' } : index % 2 ? { mineType: 'openPit', approvedCapacityTonnesPerYear: 1_000_000, annualRawCoalOutputTonnes: 900_000 + index * 20_000 } : { fireworksUnitType: 'retailer', openFlameInRetailPremises: index % 4 === 0 },
}));
const collect = async (source: Iterable<BatchItem> | AsyncIterable<BatchItem>, workers: number) => {
  const results: BatchResult[] = [];
  for await (const result of assessMany(source, { asOf, workers, chunkSize: 4, findings: 'hazards' })) results.push(result);
  return results;
};

describe('assessMany', () => {
  it('yields one result per item, in order, with the bad item reported and the rest assessed', async () => {
    const results = await collect(items, 1);
    expect(results).toHaveLength(items.length);
    const error = results[7]!;
    expect(isItemError(error) && error.index).toBe(7);
    expect(isItemError(error) && error.issues.map((issue) => issue.path)).toEqual(['facts.annualRawCoalOutputTonnes']);
    results.forEach((result, index) => {
      if (index === 7) return;
      expect(isItemError(result)).toBe(false);
      const single = assessNow(items[index]!.sector, items[index]!.facts, { asOf, explain: 'none' });
      expect(result).toMatchObject({ sector: items[index]!.sector, summary: single.summary });
      expect((result as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId)).toEqual(single.findings.filter((finding) => finding.status === 'hazard').map((finding) => finding.ruleId));
    });
  });

  it('reads an async stream and gives the same results in worker threads as in this one', async () => {
    async function* stream() {
      for (const item of items) yield item;
    }
    expect(await collect(stream(), 2)).toEqual(await collect(items, 1));
  }, 120_000);
});
