// `anquan screen FILE`: screens many enterprises (JSON Lines, or CSV with a header of fact names) with
// assessMany; one output row per enterprise, progress on stderr, bad rows reported by line and field.
import { createWriteStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listSectors } from '../documents/catalogue.js';
import { assessMany, defaultInThreadBelow, isItemError, type BatchItem, type BatchStats } from '../engine/batch.js';
import { knownSector } from '../engine/assess.js';
import { resolveAsOf } from '../engine/as-of.js';
import { fieldKindsOf, type FieldKind } from '../engine/fast-validation.js';
import { vocabularyFor } from '../facts/vocabulary.js';
import { InputError } from '../validation/issues.js';
import { commandUsage, type CommandExtension } from './extensions.js';
import { parseCsv } from './csv.js';

/** Columns that describe the row rather than the enterprise's facts (unless the vocabulary has a fact of that name). */
const rowColumns = ['id', 'sector', 'asOf'] as const;

interface Row {
  line: number;
  id: string | null;
  item: BatchItem;
}
interface BadRow {
  line: number;
  id: string | null;
  problems: string[];
}

const yes = new Set(['true', '1', 'yes', 'y', '是']);
const no = new Set(['false', '0', 'no', 'n', '否']);

/** A CSV cell read as its field's kind; a cell that does not fit stays text, so validation names it. */
const readCell = (cell: string, kind: FieldKind | undefined): unknown => {
  const text = cell.trim();
  if (text === '') return null;
  switch (kind) {
    case 'number':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
    case 'boolean':
      return yes.has(text.toLowerCase()) ? true : no.has(text.toLowerCase()) ? false : text;
    case 'list':
      return text.split(/[;|]/).map((part) => part.trim()).filter(Boolean);
    default:
      return text;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Rows of a JSON Lines file: each line the facts, or { id?, sector?, asOf?, facts }. */
const jsonLines = (text: string, sector: string | undefined): (Row | BadRow)[] =>
  text.split(/\r?\n/).flatMap((content, index): (Row | BadRow)[] => {
    const line = index + 1;
    if (content.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      return [{ line, id: null, problems: [`not valid JSON (${(error as Error).message})`] }];
    }
    if (!isRecord(value)) return [{ line, id: null, problems: ['expected an object of facts'] }];
    const wrapped = isRecord(value.facts);
    const id = wrapped && value.id !== undefined ? String(value.id) : null;
    const rowSector = wrapped && typeof value.sector === 'string' ? value.sector : sector;
    const item: BatchItem = { sector: rowSector as string, facts: wrapped ? value.facts : value, ...(wrapped && typeof value.asOf === 'string' ? { asOf: value.asOf } : {}) };
    return [{ line, id, item }];
  });

const csvRows = (text: string, sector: string | undefined): (Row | BadRow)[] => {
  const records = parseCsv(text);
  const header = records[0];
  if (!header) throw new InputError([{ path: 'file', message: 'expected a header line of fact names' }]);
  const names = header.cells.map((cell) => cell.trim());
  const kindsBySector = new Map<string, Map<string, FieldKind>>();
  const kindsFor = (id: string) => {
    if (!kindsBySector.has(id)) {
      const vocabulary = vocabularyFor(id);
      kindsBySector.set(id, vocabulary ? fieldKindsOf(vocabulary) : new Map());
    }
    return kindsBySector.get(id)!;
  };
  return records.slice(1).flatMap(({ line, cells, error }): (Row | BadRow)[] => {
    if (error) return [{ line, id: null, problems: [error] }];
    if (cells.every((cell) => cell.trim() === '')) return [];
    if (cells.length !== names.length) return [{ line, id: null, problems: [`expected ${names.length} cells as in the header, got ${cells.length}`] }];
    const column = (name: string) => {
      const at = names.indexOf(name);
      return at >= 0 ? cells[at]!.trim() : undefined;
    };
    const rowSector = column('sector') || sector;
    const kinds = rowSector ? kindsFor(rowSector) : new Map<string, FieldKind>();
    const facts: Record<string, unknown> = {};
    names.forEach((name, index) => {
      if ((rowColumns as readonly string[]).includes(name) && !kinds.has(name)) return;
      facts[name] = readCell(cells[index]!, kinds.get(name));
    });
    const asOf = column('asOf');
    return [{ line, id: column('id') || null, item: { sector: rowSector as string, facts, ...(asOf ? { asOf } : {}) } }];
  });
};

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const usage = commandUsage.screen;

export const screenCommand: CommandExtension = {
  name: 'screen',
  usage,
  ownOptions: true,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        sector: { type: 'string' },
        'as-of': { type: 'string' },
        workers: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    const path = positionals[0];
    if (!path) throw new InputError([{ path: 'file', message: `expected the path of a JSON Lines or CSV file\n  ${usage}` }]);
    if (values.sector !== undefined) knownSector(values.sector);
    const workers = values.workers === undefined ? 1 : values.workers === 'auto' ? 'auto' : Number(values.workers);
    if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 1)) throw new InputError([{ path: '--workers', message: `expected a whole number ≥ 1 or "auto", got ${JSON.stringify(values.workers)}` }]);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new InputError([{ path: 'file', message: `cannot read file ${path}` }]);
    }
    const isCsv = path.toLowerCase().endsWith('.csv');
    const format = values.format ?? (isCsv ? 'csv' : 'jsonl');
    if (format !== 'csv' && format !== 'jsonl') throw new InputError([{ path: '--format', message: `expected jsonl or csv, got ${JSON.stringify(format)}` }]);
    const parsed = isCsv ? csvRows(text, values.sector) : jsonLines(text, values.sector);
    const rows = parsed.filter((row): row is Row => 'item' in row);
    const bad: BadRow[] = parsed.filter((row): row is BadRow => 'problems' in row);
    if (rows.some((row) => !row.item.sector) && values.sector === undefined) {
      throw new InputError([{ path: '--sector', message: `expected a sector (or a sector column): ${listSectors().map((sector) => sector.id).join(', ')}` }]);
    }

    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const write = (line: string) => (out.write(`${line}\n`) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve())));
    if (format === 'csv') await write(['line', 'id', 'status', 'hazards', 'unknowns', 'hazardItems', 'problems'].join(','));

    // Progress: a redrawn bar on a terminal, a line every tenth otherwise.
    const total = rows.length;
    const started = Date.now();
    let lastStep = -1;
    const progress = (done: number) => {
      if (values.quiet) return;
      if (process.stderr.isTTY) {
        if (done % 100 !== 0 && done !== total) return;
        const width = 30;
        const filled = total === 0 ? width : Math.round((done / total) * width);
        process.stderr.write(`\r筛查 screening [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        if (done === total) process.stderr.write('\n');
      } else {
        const step = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (step !== lastStep) {
          lastStep = step;
          process.stderr.write(`筛查 screening ${done}/${total} (${step * 10}%)\n`);
        }
      }
    };

    let hazardous = 0;
    let undecided = 0;
    const badLines: BadRow[] = [...bad];
    const emitBad = async (row: BadRow) => {
      process.stderr.write(`第 ${row.line} 行 / line ${row.line}: ${row.problems.join('; ')}\n`);
      if (format === 'csv') await write([row.line, row.id, 'error', '', '', '', row.problems.join('; ')].map(csvCell).join(','));
      else await write(JSON.stringify({ line: row.line, id: row.id, status: 'error', problems: row.problems }));
    };
    // Output keeps the file's order: a bad row is written when the screening reaches its line.
    let pendingBad = 0;
    const flushBadBefore = async (line: number) => {
      while (pendingBad < bad.length && bad[pendingBad]!.line < line) await emitBad(bad[pendingBad++]!);
    };
    let clear = 0;
    let index = 0;
    progress(0);
    const screening = assessMany(
      rows.map((row) => row.item),
      { ...(values['as-of'] === undefined ? {} : { asOf: resolveAsOf(values['as-of'], '--as-of') }), explain: 'none', findings: 'hazards', workers },
    );
    let stats: BatchStats | undefined;
    for (;;) {
      const step = await screening.next();
      if (step.done) {
        stats = step.value;
        break;
      }
      const result = step.value;
      const row = rows[index]!;
      index += 1;
      await flushBadBefore(row.line);
      if (isItemError(result)) {
        const badRow = { line: row.line, id: row.id, problems: result.issues.map((issue) => `${issue.path}: ${issue.message}`) };
        badLines.push(badRow);
        await emitBad(badRow);
      } else {
        const status = result.summary.hazard > 0 ? 'hazard' : result.summary.unknown > 0 ? 'unknown' : 'clear';
        if (status === 'hazard') hazardous += 1;
        if (status === 'unknown') undecided += 1;
        if (status === 'clear') clear += 1;
        const items = result.findings.filter((finding) => finding.partOf === null).map((finding) => ({ ruleId: finding.ruleId, label: finding.citation.label, number: finding.citation.number, title: finding.title.zh, verified: finding.verified }));
        if (format === 'csv') {
          await write([row.line, row.id, status, result.summary.hazard, result.summary.unknown, items.map((item) => `${item.number}${item.label}`).join('; '), ''].map(csvCell).join(','));
        } else {
          await write(JSON.stringify({ line: row.line, id: row.id, sector: result.sector, asOf: result.asOf, status, hazards: result.summary.hazard, hazardsUnverified: result.summary.hazardUnverified, unknowns: result.summary.unknown, items }));
        }
      }
      progress(index);
    }
    await flushBadBefore(Number.POSITIVE_INFINITY);
    if (out !== process.stdout) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // Whether --workers did anything: a file under assessMany's threshold is screened in this thread.
    const threads =
      workers === 1
        ? null
        : total < defaultInThreadBelow
          ? { zh: `，行数少于 ${defaultInThreadBelow}，未启用工作线程`, en: `, fewer than ${defaultInThreadBelow} rows: no worker threads` }
          : { zh: `，其中 ${stats.inWorkers} 行由工作线程筛查`, en: `, ${stats.inWorkers} rows in worker threads` };
    process.stderr.write(
      `共 ${total + bad.length} 行：${hazardous} 家存在重大事故隐患，${undecided} 家尚待查明，${clear} 家未发现，${badLines.length} 行有误；用时 ${seconds} 秒${threads?.zh ?? ''}\n` +
        `${total + bad.length} rows: ${hazardous} with hazards, ${undecided} undecided, ${clear} clear, ${badLines.length} bad rows; ${seconds} s${threads?.en ?? ''}\n`,
    );
    return badLines.length > 0 ? 2 : hazardous > 0 ? 1 : 0;
  },
};
