// Where screenings land: two uploads of one region landing at once both keep their rows (the region's document
// is changed a step at a time by the store, in whichever process lands them).
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../store/memory-repository.js';
import type { ScreeningResult } from './screening.js';
import { landScreening, regionScreenings, screenedWithoutAccount } from './screening-results.js';

const result = (names: string[]): ScreeningResult => ({
  sector: 'coal-mine',
  asOf: '2026-09-01',
  rows: names.length,
  screened: names.map((enterprise, index) => ({ row: index + 2, enterprise, hazard: 0, unknown: 1, clear: 2, hazards: [] })),
  problems: [],
});

describe('landing screenings', () => {
  it('keeps the rows of every upload of one region landing at once', async () => {
    const repository = createMemoryRepository();
    const uploads = Array.from({ length: 6 }, (_, upload) => result([`甲${upload}`, `乙${upload}`]));
    const landed = await Promise.all(uploads.map((upload, index) => landScreening(repository, '东区', [], upload, 'regulator', `2026-09-01T00:00:0${index}.000Z`)));
    expect(landed).toEqual(uploads.map(() => ({ matched: 0, withoutAccount: 2 })));
    const names = screenedWithoutAccount(await regionScreenings(repository, '东区')).map((entry) => entry.name);
    expect(names).toEqual(uploads.flatMap((upload) => upload.screened.map((row) => row.enterprise)).sort());
  });
});
