// Benchmark of question generation and paper assembly (run from source with tsx; @anquan/rules from its
// build). Prints figures, asserts nothing. Each figure is a median over interleaved runs, beside its
// baseline measured in the same process, with the ratio.
//  1. Generating every question of each document in force: with one engine run per rule and set of
//     facts shared across the document, against the same generation with no sharing.
//  2. A 100-question paper (70 judgement + 30 single) from a 1,000-question pool: assemblePaper (pool
//     grouped and sorted once, selection by template sets) against the earlier assembly that filtered,
//     sorted and shuffled the whole pool on every call.
import { performance } from 'node:perf_hooks';
import { loadRuleDocuments } from '@anquan/rules';
import { assemblePaper, seededRandom, shuffled } from '../src/papers/assemble.js';
import type { Blueprint } from '../src/papers/blueprints.js';
import { generateDocumentQuestions } from '../src/questions/generate.js';
import type { Question } from '../src/questions/question.js';

const asOf = '2026-09-01';
const generationRuns = Number(process.env.BENCH_GENERATION_RUNS ?? 3);
const assemblyRuns = Number(process.env.BENCH_ASSEMBLY_RUNS ?? 201);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const time = async (run: () => unknown) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

console.log(`questions bench (as of ${asOf}, node ${process.version})`);

// ---- 1. Generation per document ---------------------------------------------------------------------
const documents = loadRuleDocuments().documents.filter(
  (document) => document.kind === 'major-hazard-criteria' && document.rules.length > 0 && document.effectiveFrom <= asOf && (document.effectiveTo === null || asOf <= document.effectiveTo),
);
console.log(`\ngeneration — median ms of ${generationRuns} interleaved runs per document`);
console.log(`${'document'.padEnd(48)} ${'rules'.padStart(6)} ${'questions'.padStart(9)} ${'shared'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(6)}`);
let catalogueShared = 0;
let catalogueBaseline = 0;
let catalogueQuestions = 0;
for (const document of generationRuns > 0 ? documents : []) {
  const shared: number[] = [];
  const baseline: number[] = [];
  let count = 0;
  for (let run = 0; run < generationRuns; run += 1) {
    shared.push(await time(async () => (count = (await generateDocumentQuestions(document)).length)));
    baseline.push(await time(() => generateDocumentQuestions(document, { shareVerdicts: false })));
  }
  const [ours, theirs] = [median(shared), median(baseline)];
  catalogueShared += ours;
  catalogueBaseline += theirs;
  catalogueQuestions += count;
  console.log(`${`${document.id}@${document.version}`.padEnd(48)} ${String(document.rules.length).padStart(6)} ${String(count).padStart(9)} ${ours.toFixed(0).padStart(9)} ${theirs.toFixed(0).padStart(9)} ${(ours / theirs).toFixed(2).padStart(6)}`);
}

if (generationRuns > 0) {
  console.log(`${'every document (sum of medians)'.padEnd(48)} ${''.padStart(6)} ${String(catalogueQuestions).padStart(9)} ${catalogueShared.toFixed(0).padStart(9)} ${catalogueBaseline.toFixed(0).padStart(9)} ${(catalogueShared / catalogueBaseline).toFixed(2).padStart(6)}`);
  console.log('target: every document ≤ 3,000 ms (shared)');
}

// ---- 2. Assembly: 100 questions from 1,000 ------------------------------------------------------------
const question = (index: number, type: Question['type'], template: number): Question => ({
  id: `q${String(index).padStart(4, '0')}`,
  type,
  kind: 'situation',
  // Stems that differ in words, as distinct items do (numbers alone would make them near-duplicates).
  stem: `情形${String.fromCharCode(0x4e00 + index)}`,
  options: [],
  answer: ['T'],
  explanation: '',
  citation: { text: 'bench' },
  ruleIds: [`rule-${type}-${template}`],
  chapter: { id: 'bench', title: 'bench' },
  sector: null,
  source: 'bench',
});
// 700 judgements over 350 rules and 300 single choices over 150 rules: two variants per template.
const pool = [...Array.from({ length: 700 }, (_, index) => question(index, 'judgement', index >> 1)), ...Array.from({ length: 300 }, (_, index) => question(700 + index, 'single', index >> 1))];
const blueprint: Pick<Blueprint, 'id' | 'sections'> = { id: 'bench', sections: [{ type: 'judgement', count: 70, points: 1 }, { type: 'single', count: 30, points: 1 }] };

/** The assembly this replaces: filter, sort and shuffle the whole pool on every call. */
const earlierAssembly = (sections: Blueprint['sections'], questions: readonly Question[], seed: string, seen: ReadonlySet<string>) => {
  const random = seededRandom(`bench|${seed}`);
  const byId = [...new Map(questions.map((item) => [item.id, item])).values()].sort((a, b) => a.id.localeCompare(b.id));
  const chosen: Question[] = [];
  for (const section of sections) {
    const candidates = byId.filter((item) => item.type === section.type && !chosen.includes(item));
    const ordered = [...shuffled(candidates.filter((item) => !seen.has(item.id)), random), ...shuffled(candidates.filter((item) => seen.has(item.id)), random)];
    chosen.push(...ordered.slice(0, section.count));
  }
  return chosen;
};

const seen = new Set(pool.filter((_, index) => index % 7 === 0).map((item) => item.id));
assemblePaper(blueprint, pool, 'warm', seen);
const ours: number[] = [];
const theirs: number[] = [];
for (let run = 0; run < assemblyRuns; run += 1) {
  ours.push(await time(() => assemblePaper(blueprint, pool, `seed-${run}`, seen)));
  theirs.push(await time(() => earlierAssembly(blueprint.sections, pool, `seed-${run}`, seen)));
}
const paper = assemblePaper(blueprint, pool, 'probe', seen).questions;
console.log(`\nassembly — a ${paper.length}-question paper from a ${pool.length}-question pool, median of ${assemblyRuns} interleaved runs`);
console.log(`assemblePaper ${median(ours).toFixed(4)} ms · earlier assembly ${median(theirs).toFixed(4)} ms · ratio ${(median(ours) / median(theirs)).toFixed(3)}`);
console.log('target: assemblePaper ≤ 0.2 ms');
console.log(`templates in the paper: ${new Set(paper.map((item) => item.ruleIds[0])).size} of ${paper.length} (one question per template)`);
