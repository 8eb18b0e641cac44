// The one band lookup: which band of a banded table holds a key, compared exactly at its edges.
import { compare, toRational, type Rational } from '../exact/rational.js';
import type { Band, Table } from './format.js';

/** Whether `key` lies in `band`, each edge included or not as the table prints it. */
export const inBand = (band: Band, key: Rational): boolean => {
  if (band.from !== null) {
    const order = compare(key, toRational(band.from));
    if (order < 0 || (order === 0 && !band.fromInclusive)) return false;
  }
  if (band.to !== null) {
    const order = compare(key, toRational(band.to));
    if (order > 0 || (order === 0 && !band.toInclusive)) return false;
  }
  return true;
};

/** The band of `table` that holds `key`, or undefined when none does. */
export const lookupBand = (table: Pick<Table, 'bands'>, key: Rational): Band | undefined => table.bands.find((band) => inBand(band, key));
