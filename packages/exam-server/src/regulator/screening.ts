// Bulk screening for a regulator: a spreadsheet (xlsx or CSV) with one enterprise per row and one column per
// fact name of the sector's vocabulary, read cell by cell as the self-assessment form reads its fields,
// screened with assessMany; every bad cell reported by row and column, nothing else stopped by it.
import { assessMany, isItemError } from '@anquan/rules';
import ExcelJS from 'exceljs';
import { formLayout, type Field } from '../assessments/fields.js';
import { answeredListName, answerName, factsFromForm } from '../assessments/form-input.js';
import { RequestError } from '../errors.js';
import { parseCsv } from '../questions/bank.js';

/** The first column names the enterprise; a row whose first cell starts with # is a comment (the template's labels). */
export const nameColumn = 'enterprise';
/** The longest enterprise name a row may carry (the name is how a result finds its enterprise). */
export const maxNameLength = 100;
export const maxRows = 20_000;

export const templateColumns = (sector: string, asOf: string): { names: string[]; labels: string[] } => {
  const fields = [...formLayout(sector, asOf).fields.values()];
  return { names: [nameColumn, ...fields.map((field) => field.name)], labels: ['#企业名称', ...fields.map(labelOf)] };
};

const labelOf = (field: Field) => {
  const unit = field.unit ? `（${field.unit}）` : '';
  const choices = field.kind === 'boolean' ? '（是/否）' : field.options.length > 0 ? `（${field.options.map((option) => `${option.value}=${option.label}`).join('；')}${field.kind === 'array' ? '，多项用;分隔' : ''}）` : '';
  return `${field.label}${unit}${choices}`;
};

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
export const columnLetter = (index: number): string => {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
};

/** The sheet's rows as text, each with its spreadsheet row number. */
export const readSheet = async (upload: { type: 'xlsx'; data: Buffer } | { type: 'csv'; text: string }): Promise<{ row: number; cells: string[] }[]> => {
  if (upload.type === 'csv') return parseCsv(upload.text.replace(/^\uFEFF/, '')).map((cells, index) => ({ row: index + 1, cells }));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(upload.data as unknown as ArrayBuffer);
  } catch {
    throw new RequestError(400, '无法读取该 xlsx 文件 / not a readable xlsx file', [{ path: 'file', message: 'expected an xlsx workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RequestError(400, 'xlsx 文件没有工作表 / the workbook has no sheet', [{ path: 'file', message: 'expected a worksheet' }]);
  if (sheet.rowCount > maxRows + 2) throw new RequestError(413, `一次最多 ${maxRows} 行 / at most ${maxRows} rows`, [{ path: 'file', message: `expected at most ${maxRows} rows` }]);
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
    rows.push({ row: number, cells });
  });
  return rows;
};

export interface ScreeningResult {
  sector: string;
  asOf: string;
  rows: number;
  screened: { row: number; enterprise: string; hazard: number; unknown: number; clear: number; hazards: string[] }[];
  problems: { row: number; column: string; fact: string; message: string }[];
}

const yesNo: Record<string, string> = { 是: 'true', 否: 'false', true: 'true', false: 'false', TRUE: 'true', FALSE: 'false', Y: 'true', N: 'false' };

/** The header and the data rows of a sheet (comment rows set aside); an empty or too long sheet is refused. */
export const checkSheet = (sheet: { row: number; cells: string[] }[]) => {
  const [header, ...rows] = sheet.filter((line) => !(line.cells[0] ?? '').startsWith('#'));
  if (!header) throw new RequestError(400, '文件为空 / the file is empty', [{ path: 'file', message: 'expected a header row of fact names' }]);
  if (rows.length > maxRows) throw new RequestError(413, `一次最多 ${maxRows} 行 / at most ${maxRows} rows`, [{ path: 'file', message: `expected at most ${maxRows} rows` }]);
  return { header, rows };
};

/** Called as rows are read and screened: `done` of `total` data rows. */
export type ScreeningProgress = (done: number, total: number) => void;

export const screen = async (sector: string, asOf: string, sheet: { row: number; cells: string[] }[], onProgress: ScreeningProgress = () => undefined): Promise<ScreeningResult> => {
  const layout = formLayout(sector, asOf);
  const { header, rows } = checkSheet(sheet);
  const problems: ScreeningResult['problems'] = [];
  const columns = header.cells.map((name, index) => ({ name: name.trim(), letter: columnLetter(index + 1) }));
  const columnOf = new Map(columns.map((column) => [column.name, column.letter]));
  for (const column of columns.slice(1)) {
    if (column.name !== '' && !layout.fields.has(column.name)) problems.push({ row: header.row, column: column.letter, fact: column.name, message: `不是该行业的事实名 / not a fact of ${sector}` });
  }
  // Each row read as the form reads its fields; a row with a bad cell is reported and not screened.
  const readable: { row: number; enterprise: string; facts: Record<string, unknown> }[] = [];
  for (const line of rows) {
    const form: Record<string, string | string[]> = {};
    columns.forEach((column, index) => {
      const field = layout.fields.get(column.name);
      const text = line.cells[index] ?? '';
      if (!field || text === '') return;
      if (field.kind === 'array') {
        form[answerName(field.name)] = text.split(/[;；]/).map((part) => part.trim()).filter(Boolean);
        form[answeredListName(field.name)] = 'known';
      } else form[answerName(field.name)] = field.kind === 'boolean' ? (yesNo[text] ?? text) : text;
    });
    const { facts, issues } = factsFromForm(layout, form);
    for (const issue of issues) {
      const fact = issue.path.replace(/^facts\./, '');
      problems.push({ row: line.row, column: columnOf.get(fact) ?? '', fact, message: issue.message });
    }
    const name = (line.cells[0] ?? '').trim();
    const nameProblem = name === '' ? '缺少企业名称 / expected the enterprise name' : name.length > maxNameLength ? `企业名称过长 / expected at most ${maxNameLength} characters` : null;
    if (nameProblem) problems.push({ row: line.row, column: 'A', fact: nameColumn, message: nameProblem });
    if (issues.length === 0 && !nameProblem) readable.push({ row: line.row, enterprise: name, facts });
  }
  let done = rows.length - readable.length;
  onProgress(done, rows.length);
  const screened: ScreeningResult['screened'] = [];
  let index = 0;
  for await (const result of assessMany(readable.map((item) => ({ sector, facts: item.facts, asOf })), { findings: 'hazards' })) {
    const item = readable[index]!;
    index += 1;
    done += 1;
    onProgress(done, rows.length);
    // Let the server answer other requests (the progress polls) while a large sheet is screened.
    if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (isItemError(result)) {
      for (const issue of result.issues) {
        const fact = issue.path.replace(/^(items\[\d+\]\.)?facts\./, '');
        problems.push({ row: item.row, column: columnOf.get(fact) ?? '', fact, message: issue.message });
      }
      continue;
    }
    screened.push({ row: item.row, enterprise: item.enterprise, hazard: result.summary.hazard, unknown: result.summary.unknown, clear: result.summary.clear, hazards: result.findings.filter((finding) => finding.partOf === null).map((finding) => finding.title.zh) });
  }
  problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { sector, asOf, rows: rows.length, screened, problems };
};
