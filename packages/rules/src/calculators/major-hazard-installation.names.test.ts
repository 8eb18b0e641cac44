// GB 18218 name resolution against the digest's own table 1 (the CSV beside the digest, not rules-data):
// every row name, alias, CAS number and name listed in a row resolves to its table 1 row; an unknown
// name without categories is an input error naming the field; LPG and gasoline are no longer table 2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../validation/issues.js';
import { majorHazardInstallation } from './major-hazard-installation.js';

process.env.ANQUAN_RULES_DATA ??= fileURLToPath(new URL('../../../../rules-data', import.meta.url));
const csvFile = fileURLToPath(new URL('../../../../../shared/sources/hazchem-major-hazard-installations-table1.csv', import.meta.url));

/** A small CSV reader: quoted fields may hold commas. */
const parseCsv = (text: string): string[][] =>
  text.trim().split('\n').map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += char;
    }
    cells.push(cell);
    return cells;
  });

const [header, ...body] = parseCsv(readFileSync(csvFile, 'utf8'));
const column = (name: string): number => header!.indexOf(name);
const digestRows = body.map((cells) => ({
  no: Number(cells[column('no')]),
  name: cells[column('name_zh')]!,
  aliases: cells[column('alias_zh')]!.split(/[;、]/).filter(Boolean),
  cas: cells[column('cas')]!.split(';').filter(Boolean),
}));

/** Every way the digest names a row: the row name, each alias (and names in its parentheses), each CAS number and the name it annotates. */
const namesOf = (row: (typeof digestRows)[number]): string[] => {
  const names = [row.name];
  for (const alias of row.aliases) {
    names.push(alias);
    const inner = /^(.+?)\((.+)\)$/.exec(alias);
    if (inner && !/[<>≤≥%]/.test(inner[2]!) && !inner[2]!.endsWith('的')) names.push(inner[1]!, inner[2]!);
  }
  for (const cas of row.cas) {
    const annotated = /^([\d-]+)\((.+)\)$/.exec(cas);
    if (annotated) names.push(annotated[1]!, annotated[2]!);
    else names.push(cas);
  }
  return names;
};

const asOf = '2026-11-01';
const one = (substance: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  majorHazardInstallation({ units: [{ kind: 'storage', substances: [{ quantityTonnes: 1, ...substance }] }], ...extra }, { asOf });

describe('table 1 name index over the digest', () => {
  it('the digest lists 85 rows', () => expect(digestRows).toHaveLength(85));

  // Several rows share an alias or CAS number (硝化棉, 9004-70-0, 6484-52-2): those names must ask for the row.
  const owners = new Map<string, number[]>();
  for (const row of digestRows) for (const name of namesOf(row)) owners.set(name, [...new Set([...(owners.get(name) ?? []), row.no])]);

  for (const row of digestRows) {
    it(`row ${row.no} ${row.name}: every name resolves to table 1`, () => {
      for (const name of namesOf(row)) {
        const result = one({ chemical: name });
        const substance = result.result.units[0]!.substances[0]!;
        if (owners.get(name)!.length === 1) {
          expect(substance.table1No, name).toBe(row.no);
          expect(substance.thresholdSource, name).toBe(`表1第${row.no}行`);
        } else {
          expect(substance.table1No, name).toBeNull();
          expect(result.missing, name).toContain('input.units[0].substances[0].table1No');
          for (const no of owners.get(name)!) expect(result.reasons.map((r) => r.zh).join('\n'), name).toContain(`第${no}行`);
        }
      }
    });
  }

  it('everyday names: 汽油, 乙醇汽油, 液化石油气, 丙烷, 天然气 and 煤气 are table 1 rows, not table 2', () => {
    const rows = Object.fromEntries(['汽油', '乙醇汽油', '液化石油气', '丙烷', '丁烷', '天然气', '甲烷', '煤气'].map((name) => [name, one({ chemical: name }).result.units[0]!.substances[0]!.table1No]));
    expect(rows).toEqual({ 汽油: 66, 乙醇汽油: 66, 液化石油气: 52, 丙烷: 52, 丁烷: 52, 天然气: 49, 甲烷: 49, 煤气: 13 });
  });

  it('LPG 1000 t (W2, β 1.5), 120 residents: Q = 50 t from table 1, R = 2 × 1.5 × 20 = 60 → grade 2 (table 2 would give grade 1)', () => {
    const result = majorHazardInstallation({ residentsWithin500m: 120, units: [{ kind: 'storage', substances: [{ chemical: '液化石油气', quantityTonnes: 1000, categories: ['W2'] }] }] }, { asOf });
    expect(result.status).toBe('decided');
    expect(result.result.units[0]).toMatchObject({ S: '20', R: '60', grade: 2 });
    expect(result.result.units[0]!.substances[0]!.thresholdTonnes).toBe('50');
  });

  it('an unknown name without categories is an input error naming the field', () => {
    let error: unknown;
    try {
      one({ chemical: '不存在的化学品' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((issue) => issue.path)).toEqual(['input.units[0].substances[0].chemical']);
  });

  it('an unknown name with its categories takes table 2 (the chemical is outside table 1)', () => {
    const substance = one({ chemical: '某溶剂', categories: ['W5.3'] }).result.units[0]!.substances[0]!;
    expect(substance).toMatchObject({ table1No: null, thresholdTonnes: '1000', thresholdSource: '表2 W5.3' });
  });
});

describe('rows restricted by a qualifier (甲醛 only above 90 %, 硝酸铵 by combustible content)', () => {
  it('甲醛 alone asks whether the qualifier holds', () => {
    const result = one({ chemical: '甲醛', categories: ['J5'] });
    expect(result.status).toBe('unknown');
    expect(result.missing).toContain('input.units[0].substances[0].meetsTable1Qualifier');
  });
  it('甲醛 confirmed above 90 % is row 8 (5 t); not confirmed, table 2 by its categories', () => {
    expect(one({ chemical: '甲醛', meetsTable1Qualifier: true }).result.units[0]!.substances[0]).toMatchObject({ table1No: 8, thresholdTonnes: '5', resolvedBy: 'unqualified-name' });
    expect(one({ chemical: '甲醛', meetsTable1Qualifier: false, categories: ['J5'] }).result.units[0]!.substances[0]).toMatchObject({ table1No: null, thresholdTonnes: '500' });
  });
  it('硝酸铵 matches rows 43 and 44 (5 t and 50 t): the row number is asked for', () => {
    const result = one({ chemical: '硝酸铵' });
    expect(result.missing).toContain('input.units[0].substances[0].table1No');
    expect(one({ chemical: '硝酸铵', table1No: 44 }).result.units[0]!.substances[0]!.thresholdTonnes).toBe('50');
  });
});
