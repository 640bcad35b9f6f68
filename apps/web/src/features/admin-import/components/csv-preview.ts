/** Columns the import understands (the export's header). */
export const KNOWN_COLUMNS = [
  'sku',
  'name',
  'description',
  'category',
  'unitCost',
  'salePrice',
  'currency',
  'manufacturer',
  'mpn',
  'parameters',
  'active',
];

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
