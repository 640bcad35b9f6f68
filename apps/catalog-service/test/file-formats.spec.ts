import { crc32 } from 'node:zlib';
import { detectContentType, type FileSample } from '../src/media/domain/file-formats';
import { files } from './support/catalog-harness';

const sample = (file: Buffer): FileSample => ({
  head: file.subarray(0, 256 * 1024),
  tail: file.subarray(Math.max(0, file.length - 1024)),
  size: file.length,
});

describe('file formats, judged by their whole header', () => {
  it('recognises real PNG, JPEG, WebP and PDF files', () => {
    expect(detectContentType(sample(files.png(300)))).toBe('image/png');
    expect(detectContentType(sample(files.jpeg(300)))).toBe('image/jpeg');
    expect(detectContentType(sample(files.webp(300)))).toBe('image/webp');
    expect(detectContentType(sample(files.pdf(300)))).toBe('application/pdf');
  });

  it('refuses files whose first bytes are right but whose header is not', () => {
    const png = files.png(300);
    const badCrc = Buffer.from(png);
    badCrc[29] ^= 0xff;
    const zeroWidth = Buffer.from(png);
    zeroWidth.writeUInt32BE(0, 16);
    zeroWidth.writeUInt32BE(crc32(zeroWidth.subarray(12, 29)), 29);
    const signatureOnly = Buffer.concat([png.subarray(0, 16), Buffer.from('<html>'.padEnd(200))]);
    const jpegSoiOnly = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]);
    const jpegLyingLength = files.jpeg(300);
    jpegLyingLength.writeUInt16BE(60_000, 4);
    const webpWrongSize = files.webp(300);
    webpWrongSize.writeUInt32LE(10_000, 4);
    const wave = Buffer.from(files.webp(300));
    wave.write('WAVE', 8, 'latin1');
    const pdfNoEnd = Buffer.from('%PDF-1.7\n'.padEnd(300));
    const pdfBadVersion = Buffer.from(files.pdf(300));
    pdfBadVersion.write('9', 5, 'latin1');
    for (const file of [
      badCrc,
      zeroWidth,
      signatureOnly,
      jpegSoiOnly,
      jpegLyingLength,
      webpWrongSize,
      wave,
      pdfNoEnd,
      pdfBadVersion,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      Buffer.alloc(0),
    ]) {
      expect(detectContentType(sample(file))).toBeNull();
    }
  });
});
