// A small RFC 4180 CSV reader: quoted cells may hold commas, quotes ("") and line breaks; each record
// keeps the line it starts on, and a record that cannot be read says why instead of stopping the file.
export interface CsvRecord {
  line: number;
  cells: string[];
  error?: string;
}

export const parseCsv = (text: string): CsvRecord[] => {
  const records: CsvRecord[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let position = 0;
  while (position < source.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let error: string | undefined;
    let ended = false;
    while (position < source.length && !ended) {
      const char = source[position]!;
      if (quoted) {
        if (char === '"') {
          if (source[position + 1] === '"') {
            cell += '"';
            position += 1;
          } else quoted = false;
        } else {
          if (char === '\n') line += 1;
          cell += char;
        }
      } else if (char === '"' && cell === '') quoted = true;
      else if (char === ',') {
        cells.push(cell);
        cell = '';
      } else if (char === '\n' || char === '\r') {
        if (char === '\r' && source[position + 1] === '\n') position += 1;
        line += 1;
        ended = true;
      } else {
        if (char === '"') error ??= `a quote inside an unquoted cell (cell ${cells.length + 1})`;
        cell += char;
      }
      position += 1;
    }
    if (quoted) error = `a quoted cell is not closed (cell ${cells.length + 1})`;
    cells.push(cell);
    records.push(error ? { line: startLine, cells, error } : { line: startLine, cells });
  }
  return records;
};
