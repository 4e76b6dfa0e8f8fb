/** Comma-separated values as RFC 4180 writes them (quotes, doubled quotes, line breaks in a cell). Pure. */

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; detail: 'unclosed-quote' | 'stray-quote' };

/** Where an unquoted cell ends: a separator or the end of a line. */
const CELL_END = /[,\r\n]/g;

export function parseCsv(text: string): CsvResult {
  const source = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  // Each turn reads one cell and the separator after it, by slices rather than characters.
  while (at < source.length) {
    let cell: string;
    if (source[at] === '"') {
      const parts: string[] = [];
      let from = at + 1;
      for (;;) {
        const quote = source.indexOf('"', from);
        if (quote < 0) return { ok: false, detail: 'unclosed-quote' };
        parts.push(source.slice(from, quote));
        if (source[quote + 1] === '"') {
          parts.push('"');
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      cell = parts.join('');
      // After a closing quote only a separator or the end of the row may come.
      if (at < source.length && !',\r\n'.includes(source[at])) return { ok: false, detail: 'stray-quote' };
    } else {
      CELL_END.lastIndex = at;
      const end = CELL_END.exec(source)?.index ?? source.length;
      cell = source.slice(at, end);
      at = end;
    }
    row.push(cell);
    const separator = source[at];
    if (separator === ',') {
      at++;
      // A separator at the very end leaves one empty cell after it.
      if (at === source.length) row.push('');
      continue;
    }
    rows.push(row);
    row = [];
    at += separator === '\r' && source[at + 1] === '\n' ? 2 : 1;
  }
  return { ok: true, rows: rows.filter((r) => r.some((value) => value.trim() !== '')) };
}
