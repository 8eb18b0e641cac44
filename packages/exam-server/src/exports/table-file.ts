// A table (Chinese headers, rows of text and numbers) as the two files ledgers travel in: xlsx (exceljs)
// and CSV (UTF-8 with a BOM so spreadsheet programs read the Chinese; cells that a spreadsheet would run
// as a formula are prefixed with ' so an exported note cannot execute).
import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export interface Table {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

const formulaLike = /^[=+\-@\t\r]/;

const csvCell = (value: Cell): string => {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : formulaLike.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const tableCsv = (table: Table): string => `\uFEFF${[table.headers, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

export const tableXlsx = async (table: Table): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Anquan';
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((value) => (typeof value === 'string' && formulaLike.test(value) ? `'${value}` : value)));
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
