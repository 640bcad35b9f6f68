import { isKnownColumn, previewRows } from './csv-preview';

describe('the CSV preview', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF or LF', () => {
    const text = 'sku,name,description\r\nA-1,"Cell, AA","say ""hi""\nthere"\nB-2,Plain,\n';
    expect(previewRows(text, 5)).toEqual([
      ['sku', 'name', 'description'],
      ['A-1', 'Cell, AA', 'say "hi"\nthere'],
      ['B-2', 'Plain', ''],
    ]);
  });

  it("knows the API's columns in any case, and no others", () => {
    expect(['sku', 'salePrice', ' MPN ', 'active'].every(isKnownColumn)).toBe(true);
    expect(isKnownColumn('price')).toBe(false);
    expect(isKnownColumn('')).toBe(false);
  });

  it('stops after the rows asked for and leaves out a row cut off by the end of the text', () => {
    expect(previewRows('a\nb\nc\nd\n', 2)).toEqual([['a'], ['b']]);
    expect(previewRows('sku,name\nA-1,One\nA-2,Tw', 10)).toEqual([
      ['sku', 'name'],
      ['A-1', 'One'],
    ]);
  });
});
