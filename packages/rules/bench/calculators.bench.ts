// Benchmark: GB 18218 identification and grading of one unit holding 100 chemicals named as people type
// them (row names, aliases, CAS numbers), beside a bare floating-point Σ q/Q over the same figures.
// Medians over interleaved rounds, with the ratio. Target: ≤ 0.5 ms on an idle machine (issue 16).
import { performance } from 'node:perf_hooks';
import { parseMajorHazardInstallationInput } from '../dist/calculators/major-hazard-installation.js';
import { calculators, loadRuleDocuments, majorHazardInstallation } from '../dist/index.js';

const asOf = '2026-09-01';
const gb = loadRuleDocuments().documents.find((document) => document.id === 'gb18218-major-hazard-installations');
if (!gb) throw new Error('GB 18218 not found');
const rows = gb.datasets.namedChemicals!.rows;
// Rows that share a name or ask for a qualifier are named by row number, the rest by alias, CAS or name in turn.
const substances = Array.from({ length: 100 }, (_, index) => {
  const row = rows[index % rows.length]!;
  const aliases = String(row.aliasesZh ?? '').split(/[;、]/).filter(Boolean);
  const cas = String(row.cas ?? '').split(';').filter(Boolean);
  const named = row.qualifierZh ? { table1No: Number(row.no) } : { chemical: [String(row.nameZh), aliases[0], cas[0]].filter(Boolean)[index % 3] ?? String(row.nameZh) };
  return { ...named, quantityTonnes: `${(index % 7) + 0.5}`, categories: ['W2'] };
});
const input = { residentsWithin500m: 120, units: [{ kind: 'storage' as const, substances }] };
const thresholds = substances.map((_, index) => Number(rows[index % rows.length]!.thresholdTonnes));
const quantities = substances.map((substance) => Number(substance.quantityTonnes));

const check = majorHazardInstallation(input, { asOf });
if (check.status !== 'decided' || check.result.units[0]!.substances.some((substance) => substance.table1No === null)) throw new Error('bench input does not resolve fully');

const perOp = (iterations: number, task: () => unknown): number => {
  const started = performance.now();
  for (let index = 0; index < iterations; index += 1) task();
  return (performance.now() - started) / iterations;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const schema = calculators['major-hazard-installation']!.input;
const ours: number[] = [];
const bare: number[] = [];
const validation: number[] = [];
const fastValidation: number[] = [];
let sink = 0;
for (let warm = 0; warm < 50; warm += 1) majorHazardInstallation(input, { asOf });
for (let round = 0; round < 15; round += 1) {
  ours.push(perOp(40, () => majorHazardInstallation(input, { asOf })));
  bare.push(perOp(40, () => { let s = 0; for (let i = 0; i < quantities.length; i += 1) s += quantities[i]! / thresholds[i]!; sink += s; }));
  validation.push(perOp(40, () => schema.parse(input)));
  fastValidation.push(perOp(40, () => parseMajorHazardInstallationInput(input)));
}
console.log(`GB 18218, one unit of 100 chemicals (names, aliases, CAS numbers), 15 interleaved rounds × 40 runs`);
console.log(`${'majorHazardInstallation() — exact S, R, grade, duties'.padEnd(56)} ${median(ours).toFixed(4).padStart(9)} ms (median)`);
console.log(`${'bare float Σ q/Q loop'.padEnd(56)} ${median(bare).toFixed(4).padStart(9)} ms (median)`);
console.log(`${'zod validation of the same input only'.padEnd(56)} ${median(validation).toFixed(4).padStart(9)} ms (median)`);
console.log(`${'validation as the calculator does it (fast path, zod on doubt)'.padEnd(56)} ${median(fastValidation).toFixed(4).padStart(9)} ms (median)`);
console.log(`ratio to the float loop: ${(median(ours) / median(bare)).toFixed(0)}×; to validation alone: ${(median(ours) / median(validation)).toFixed(2)}×${sink > 0 ? '' : ' '}`);
