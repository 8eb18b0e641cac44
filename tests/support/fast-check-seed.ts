// Every fast-check property runs from one known seed, so a run is repeatable and no test depends on
// chance. ANQUAN_FC_SEED explores another seed; fast-check prints the seed and path of any failure.
import fc from 'fast-check';

const seed = Number(process.env.ANQUAN_FC_SEED ?? 20261202);
if (!Number.isSafeInteger(seed)) throw new Error(`ANQUAN_FC_SEED must be an integer, got ${process.env.ANQUAN_FC_SEED}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
