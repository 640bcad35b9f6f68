import { safeFilename, storageKey, uploadKey } from './media-rules';

describe('media rules', () => {
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
    // Uploads land apart from what is served, under the same prefix (same IAM statement).
    expect(uploadKey('image', 'p1', 'u1')).toBe('products/p1/uploads/u1');
    expect(uploadKey('datasheet', 'p1', 'u1')).toBe('datasheets/p1/uploads/u1');
  });
});
