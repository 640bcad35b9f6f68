import { safeFilename, sniffContentType, storageKey } from './media-rules';

describe('media rules', () => {
  it('tells JPEG, PNG, WebP and PDF apart by their first bytes, whatever the name says', () => {
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(
      'image/webp',
    );
    expect(sniffContentType(Buffer.from('%PDF-1.4\n', 'latin1'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps only a safe last path segment of a file name', () => {
    expect(safeFilename('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(safeFilename('..\\..\\windows\\win.ini', 'application/pdf')).toBe('win.ini');
    expect(safeFilename('Ünïcödé datasheet (rev 2).PDF', 'application/pdf')).toBe(
      'Unicode-datasheet-rev-2.PDF',
    );
    expect(safeFilename('...', 'image/jpeg')).toBe('file.jpg');
    expect(safeFilename('.hidden.png', 'image/png')).toBe('hidden.png');
    const long = safeFilename(`${'a'.repeat(300)}.png`, 'image/png');
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^a+\.png$/);
  });

  it('puts images under products/<id>/ and datasheets under datasheets/<id>/', () => {
    expect(storageKey('image', 'p1', 'u1', 'a.png')).toBe('products/p1/u1-a.png');
    expect(storageKey('datasheet', 'p1', 'u1', 'a.pdf')).toBe('datasheets/p1/u1-a.pdf');
  });
});
