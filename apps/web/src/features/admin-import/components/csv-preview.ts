import { PRODUCT_CSV_COLUMN_VALUES } from '@inventory/api-client';

const KNOWN_COLUMNS = new Set(PRODUCT_CSV_COLUMN_VALUES.map((column) => column.toLowerCase()));

/**
 * Whether the import understands a header cell: one of the API's CSV columns (the export's
 * header), in any case, as the import reads them.
 */
export function isKnownColumn(name: string): boolean {
  return KNOWN_COLUMNS.has(name.trim().toLowerCase());
}

/**
 * The first rows of a CSV text (RFC 4180 quoting), for a preview only: the API parses and
 * checks the whole file. A row cut off at the end of the text is left out.
 */
export function previewRows(text: string, maxRows: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  return rows;
}
