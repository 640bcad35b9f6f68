/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is run as a formula when the file is opened in a
 * spreadsheet (`=cmd|' /C calc'!A0`). The export puts a `'` in front of such cells, which
 * spreadsheets show as text; the import takes exactly that one `'` off again, so an exported
 * file imports back unchanged. A cell that already starts with `'`s before such a character
 * gets one more, so the round trip stays exact for it too.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/** A cell as it is written to an exported file. */
export const escapeFormula = (cell: string): string => (FORMULA.test(cell) ? `'${cell}` : cell);

/** A cell of an imported file as the value it stands for. */
export const unescapeFormula = (cell: string): string =>
  ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
