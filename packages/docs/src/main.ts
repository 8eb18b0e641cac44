// `pnpm docs`: builds the site into packages/docs/site (or the folder given), status as of today or --as-of.
import { parseArgs } from 'node:util';
import { buildSite } from './build.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, 'as-of': { type: 'string' } } });
const report = buildSite({ ...(values.out ? { outDir: values.out } : {}), ...(values['as-of'] ? { asOf: values['as-of'] } : {}) });
const { counts } = report;
process.stdout.write(
  `@anquan/docs: ${counts.pages} pages in ${report.outDir} (status as of ${report.asOf}): ` +
    `${counts.sectors} sectors, ${counts.documents} document versions, ${counts.rules} rule pages, ${counts.checklists} checklists, ${counts.vocabularies} vocabularies, ${counts.searchEntries} search entries\n`,
);
