// assessMany: results in input order, a bad item reported in place, worker threads giving the same results
// (rebuilt from their compact form) as this thread, workers kept for the next batch, small batches in-thread.
import { afterAll, describe, expect, it } from 'vitest';
import { assessNow } from './assess.js';
import { assessMany, endIdleWorkers, isItemError, type AssessManyOptions, type BatchItem, type BatchResult, type BatchStats } from './batch.js';

const asOf = '2026-09-01';
const items: BatchItem[] = Array.from({ length: 30 }, (_, index) => ({
  sector: index % 2 ? 'coal-mine' : 'fireworks',
  facts: index === 7 ? { annualRawCoalOutputTonnes: 'lots' } : index % 2 ? { mineType: 'openPit', approvedCapacityTonnesPerYear: 1_000_000, annualRawCoalOutputTonnes: 900_000 + index * 20_000 } : { fireworksUnitType: 'retailer', openFlameInRetailPremises: index % 4 === 0 },
}));
/** Every kind of result: hazards, clears, unknowns with missing facts, another date, an unknown sector, a non-object. */
const mixed: unknown[] = [
  ...items,
  { sector: 'coal-mine', facts: {} },
  { sector: 'coal-mine', facts: { mineType: 'underground' }, asOf: '2021-01-01' },
  { sector: 'no-such-sector', facts: {} },
  'not an item',
  { sector: 'fireworks', facts: { fireworksUnitType: 'retailer' } },
  ...items.slice(0, 9),
];

/** Runs a batch to the end, keeping the results and the generator's return value. */
const run = async (source: Iterable<unknown> | AsyncIterable<unknown>, options: AssessManyOptions) => {
  const results: BatchResult[] = [];
  const batch = assessMany(source as Iterable<BatchItem>, { asOf, ...options });
  for (;;) {
    const step = await batch.next();
    if (step.done) return { results, stats: step.value as BatchStats };
    results.push(step.value);
  }
};
/** Workers only, from the first item: this thread screens nothing, so the comparison is of worker results. */
const inWorkersOnly: AssessManyOptions = { workers: 2, chunkSize: 4, inThreadBelow: 0, callingThreadScreens: false };

afterAll(() => endIdleWorkers());

describe('assessMany', () => {
  it('yields one result per item, in order, with the bad item reported and the rest assessed', async () => {
    const { results, stats } = await run(items, { findings: 'hazards' });
    expect(results).toHaveLength(items.length);
    expect(stats).toEqual({ items: items.length, inThread: items.length, inWorkers: 0, workersStarted: 0 });
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

  it.each([
    { explain: 'none', findings: 'hazards' },
    { explain: 'none', findings: 'all' },
    { explain: 'all', findings: 'not-clear' },
    { explain: 'decided', findings: 'all' },
  ] as const)('gives the same results from worker threads as from this one, read from an async stream (explain $explain, findings $findings)', async (settings) => {
    async function* stream() {
      for (const item of mixed) yield item;
    }
    const here = await run(mixed, settings);
    const there = await run(stream(), { ...settings, ...inWorkersOnly });
    expect(there.stats.inWorkers).toBe(mixed.length);
    expect(there.stats.inThread).toBe(0);
    expect(there.results).toEqual(here.results);
    // Field order and every lazily built field too: the JSON of each result is the same text.
    expect(there.results.map((result) => JSON.stringify(result))).toEqual(here.results.map((result) => JSON.stringify(result)));
    // The comparison has something to compare: hazards, unknowns with missing facts, reasons, item errors.
    const findings = here.results.flatMap((result) => (isItemError(result) ? [] : result.findings));
    expect(findings.some((finding) => finding.status === 'hazard')).toBe(true);
    if (settings.findings !== 'hazards') expect(findings.some((finding) => finding.status === 'unknown' && finding.missingFacts.length > 0)).toBe(true);
    if (settings.explain !== 'none') expect(findings.some((finding) => finding.reasons.length > 0)).toBe(true);
    expect(here.results.filter(isItemError).map((error) => error.index)).toEqual([7, 32, 33, 42]);
  }, 120_000);

  it('keeps its workers for the next batch, and the calling thread helps when asked', async () => {
    await run(mixed, inWorkersOnly);
    const again = await run(mixed, inWorkersOnly);
    expect(again.stats.workersStarted).toBe(0);
    expect(again.stats.inWorkers).toBe(mixed.length);
    const shared = await run(mixed, { workers: 2, chunkSize: 4, inThreadBelow: 0 });
    expect(shared.stats.inThread + shared.stats.inWorkers).toBe(mixed.length);
    expect(shared.results).toEqual((await run(mixed, {})).results);
  }, 120_000);

  it('stays on the calling thread below the size threshold, whatever workers says', async () => {
    const { results, stats } = await run(mixed, { workers: 2, inThreadBelow: mixed.length + 1 });
    expect(stats).toEqual({ items: mixed.length, inThread: mixed.length, inWorkers: 0, workersStarted: 0 });
    expect(results).toHaveLength(mixed.length);
  });

  it('ends a worker left holding a chunk when the consumer stops early, and the next batch is whole', async () => {
    for await (const result of assessMany(mixed as BatchItem[], { asOf, ...inWorkersOnly })) {
      expect(result).toBeDefined();
      break;
    }
    const next = await run(mixed, inWorkersOnly);
    expect(next.results).toEqual((await run(mixed, {})).results);
  }, 120_000);

  it('rejects options that are not whole numbers', async () => {
    await expect(run(items, { chunkSize: 0 })).rejects.toThrow(/options.chunkSize/);
    await expect(run(items, { workers: 1.5 })).rejects.toThrow(/options.workers/);
  });
});
