// `pnpm exam:audit`: builds every blueprint's pool as the server does and prints, per blueprint, the
// audit figures with the thresholds of issue 10; exits non-zero when one is missed.
import { todayInChina } from '@anquan/rules';
import { createQuestionCatalogue } from '../src/questions/catalogue.js';
import { baseBlueprints } from '../src/papers/blueprints.js';
import { fitBlueprint } from '../src/papers/fit.js';
import { auditBlueprint, maxOptionChars, type AuditRow } from '../src/papers/audit.js';
import type { Repository } from '../src/store/repository.js';

const seeds = Array.from({ length: 8 }, (_, index) => `audit-${index}`);
const noImports = { importedQuestions: async () => [] } as unknown as Repository;
const catalogue = createQuestionCatalogue(noImports, todayInChina);

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const failures: string[] = [];
const rows: AuditRow[] = [];
for (const base of baseBlueprints()) {
  const pool = await catalogue.forSources(base.sources);
  const blueprint = fitBlueprint(base, pool);
  const row = auditBlueprint(blueprint, pool, seeds);
  rows.push(row);
  const miss = (what: string) => failures.push(`${row.label}: ${what}`);
  if ((row.shares.singleTopPosition ?? 0) > 0.35) miss(`single-choice key position ${percent(row.shares.singleTopPosition)} > 35%`);
  if ((row.shares.multipleTopSet ?? 0) > 0.25) miss(`multiple-choice key set ${percent(row.shares.multipleTopSet)} > 25%`);
  if (row.shares.judgementTrue !== null && (row.shares.judgementTrue < 0.4 || row.shares.judgementTrue > 0.6)) miss(`正确 ${percent(row.shares.judgementTrue)} outside 40–60%`);
  if (row.worstNearDuplicates > 0.05) miss(`near-duplicates ${percent(row.worstNearDuplicates)} of a paper > 5%`);
  if (row.longestOption > maxOptionChars) miss(`an option of ${row.longestOption} characters`);
  if (row.sentenceProblems.length) miss(`${row.sentenceProblems.length} stems break the sentence rules, e.g. ${row.sentenceProblems[0]!.id} (${row.sentenceProblems[0]!.problems.join(', ')})`);
  if (row.blind.blind > row.blind.chance + 5) miss(`blind strategy ${row.blind.blind.toFixed(1)} > chance ${row.blind.chance.toFixed(1)} + 5`);
}

console.log('| 蓝图 | 试卷 | 题库 判断/单选/多选 | 主要考点 | 正确 | 单选最常见位置 | 多选最常见组合 | 近似重复（最差一卷） | 最长选项 | 句式问题 | 盲猜−机会（分） |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const topics = row.topics.slice(0, 3).map((entry) => `${entry.topic} ${entry.count}`).join('、');
  console.log(
    `| ${row.label} | ${row.paper}${row.shortened ? '（缩短）' : ''} | ${row.pool.judgement}/${row.pool.single}/${row.pool.multiple} | ${topics} | ${percent(row.shares.judgementTrue)} | ${percent(row.shares.singleTopPosition)} | ${percent(row.shares.multipleTopSet)} | ${percent(row.worstNearDuplicates)} | ${row.longestOption} | ${row.sentenceProblems.length} | ${(row.blind.blind - row.blind.chance).toFixed(1)} |`,
  );
}
console.log(`\n${rows.length} blueprints, ${rows.filter((row) => row.shortened).length} shortened.`);
if (failures.length) {
  console.error(`\n${failures.length} thresholds missed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
