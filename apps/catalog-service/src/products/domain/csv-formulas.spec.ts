import { parse } from 'csv-parse/sync';
import { csvLine } from '../queries/export-products/csv-line';
import { escapeFormula, unescapeFormula } from './csv-formulas';

describe('CSV cells that a spreadsheet would run as formulas', () => {
  const dangerous = [
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1',
    '\r=1',
    '=HYPERLINK("http://evil.example","click")',
  ];

  it('are exported behind a quote, so spreadsheets show them as text', () => {
    for (const value of dangerous) expect(escapeFormula(value)).toBe(`'${value}`);
    for (const value of ['Arduino Uno', "'quoted", '12.50', '{"a":"=x"}', 'a=b', ''])
      expect(escapeFormula(value)).toBe(value);
  });

  it('import back exactly as they were, through a whole CSV line', () => {
    const values = [...dangerous, "'=already quoted", "''-twice", "'plain", 'plain', '-'];
    const line = csvLine(values.map(escapeFormula));
    const [cells] = parse(line, { relax_quotes: true }) as string[][];
    expect(cells.map(unescapeFormula)).toEqual(values);
  });
});
