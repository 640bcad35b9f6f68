import { parse } from 'csv-parse/sync';
import { csvLine } from './csv-line';

describe('csvLine', () => {
  it('quotes what needs quoting and reads back as the same values', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '{"n":1}', ''];
    const line = csvLine(values);
    expect(line).toBe('plain,"a,b","say ""hi""","two\nlines"," padded ","{""n"":1}",');
    expect(parse(line)).toEqual([values]);
  });
});
