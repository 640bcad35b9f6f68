import { UnsupportedMediaTypeException } from '@nestjs/common';
import { decodeCsv } from './csv-body.parser';

const CSV = 'sku,name\nRES-10K,Widerstand 10 kΩ – Größe 0603\n';

describe('decodeCsv: the text of an uploaded CSV file, or a clear refusal', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeCsv(Buffer.from(CSV, 'utf8'), 'text/csv')).toBe(CSV);
    expect(decodeCsv(Buffer.from(`\ufeff${CSV}`, 'utf8'), 'text/csv; charset=utf-8')).toBe(CSV);
  });

  it('reads UTF-16 by its byte order mark, whatever the header says', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]);
    expect(decodeCsv(le, 'text/csv')).toBe(CSV);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeCsv(be, 'text/csv; charset=utf-8')).toBe(CSV);
  });

  it('honours a named charset: Latin-1 and Windows-1252 files read as what they say', () => {
    const latin1 = Buffer.from('sku,name\nX-1,Größe café\n', 'latin1');
    expect(decodeCsv(latin1, 'text/csv; charset=ISO-8859-1')).toBe('sku,name\nX-1,Größe café\n');
    expect(decodeCsv(Buffer.from([0x80]), 'text/csv; charset="windows-1252"')).toBe('€');
  });

  it('refuses what is not UTF-8 when no charset is named, saying how to fix it (415)', () => {
    const latin1 = Buffer.from('sku,name\nX-1,ok\nX-2,Größe\n', 'latin1');
    expect(() => decodeCsv(latin1, 'text/csv')).toThrow(UnsupportedMediaTypeException);
    expect(() => decodeCsv(latin1, 'text/csv')).toThrow(
      'The file is not valid UTF-8 (first at line 3): save it as UTF-8 ("CSV UTF-8" in spreadsheet programs) or name its encoding, e.g. Content-Type: text/csv; charset=windows-1252',
    );
    const utf16WithoutMark = Buffer.from(CSV, 'utf16le');
    expect(() => decodeCsv(utf16WithoutMark, 'text/csv')).toThrow(
      /UTF-16 without a byte order mark/,
    );
    expect(() => decodeCsv(Buffer.from(CSV), 'text/csv; charset=klingon')).toThrow(
      /^Unknown charset "klingon"/,
    );
  });
});
