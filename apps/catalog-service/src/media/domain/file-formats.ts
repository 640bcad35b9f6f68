import { crc32 } from 'node:zlib';

/**
 * What an uploaded file really is, judged by the whole header its format defines (not a
 * few magic bytes): a file is taken as PNG, JPEG, WebP or PDF only when its structure up
 * to the image data (or, for PDF, its header line and its end-of-file marker) is what the
 * format's specification says.
 */

/** How much of the start of a file the checks read; JPEG headers (Exif) can be long. */
export const HEAD_BYTES = 256 * 1024;
/** How much of the end of a file the checks read (PDF's `%%EOF`). */
export const TAIL_BYTES = 1024;

export interface FileSample {
  /** The first `HEAD_BYTES` bytes (all of a smaller file). */
  head: Buffer;
  /** The last `TAIL_BYTES` bytes (all of a smaller file). */
  tail: Buffer;
  /** The whole file's size. */
  size: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * PNG (ISO/IEC 15948): the signature, then the IHDR chunk first: length 13, width and
 * height 1 … 2^31-1, a valid bit depth for the colour type, compression, filter and
 * interlace methods known, and its CRC right.
 */
function isPng({ head }: FileSample): boolean {
  if (head.length < 33 || !head.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  if (head.readUInt32BE(8) !== 13 || head.toString('latin1', 12, 16) !== 'IHDR') return false;
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return false;
  const [depth, colour, compression, filter, interlace] = head.subarray(24, 29);
  const depths: Record<number, number[]> = {
    0: [1, 2, 4, 8, 16],
    2: [8, 16],
    3: [1, 2, 4, 8],
    4: [8, 16],
    6: [8, 16],
  };
  if (!depths[colour]?.includes(depth)) return false;
  if (compression !== 0 || filter !== 0 || interlace > 1) return false;
  return crc32(head.subarray(12, 29)) === head.readUInt32BE(29);
}

/**
 * JPEG (ITU T.81 / JFIF): SOI, then well-formed marker segments (each with a length that
 * fits) up to a start-of-frame segment with a sane precision, size and component count.
 */
function isJpeg({ head }: FileSample): boolean {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return false;
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) return false;
    const marker = head[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn; SOI/EOI/SOS before a frame are malformed.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda || marker === 0x00) return false;
    const length = head.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > head.length) return false;
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return false;
      const precision = head[at + 4];
      const height = head.readUInt16BE(at + 5);
      const width = head.readUInt16BE(at + 7);
      const components = head[at + 9];
      return (
        (precision === 8 || precision === 12 || precision === 16) &&
        width > 0 &&
        height > 0 &&
        components >= 1 &&
        components <= 4 &&
        length === 8 + 3 * components
      );
    }
    at += 2 + length;
  }
  return false;
}

/**
 * WebP (RFC 9649): a RIFF container whose size is the file's, form type WEBP, and a first
 * chunk that is VP8 (key frame with its start code), VP8L (its signature byte) or VP8X
 * (extended header with a canvas size), fitting inside the file.
 */
function isWebp({ head, size }: FileSample): boolean {
  if (head.length < 30) return false;
  if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WEBP')
    return false;
  if (head.readUInt32LE(4) + 8 !== size) return false;
  const chunk = head.toString('latin1', 12, 16);
  const chunkSize = head.readUInt32LE(16);
  if (20 + chunkSize > size) return false;
  const data = head.subarray(20);
  switch (chunk) {
    case 'VP8 ':
      // Frame tag (key frame: lowest bit 0), then the start code 9d 01 2a.
      return (
        chunkSize >= 10 &&
        (data[0] & 1) === 0 &&
        data[3] === 0x9d &&
        data[4] === 0x01 &&
        data[5] === 0x2a
      );
    case 'VP8L':
      return chunkSize >= 5 && data[0] === 0x2f;
    case 'VP8X':
      return chunkSize === 10 && (data[0] & 0xc1) === 0;
    default:
      return false;
  }
}

/**
 * PDF (ISO 32000): the header line `%PDF-1.0` … `%PDF-2.0` ending in a line break, and the
 * `%%EOF` marker at the end of the file.
 */
function isPdf({ head, tail }: FileSample): boolean {
  if (!/^%PDF-(1\.[0-7]|2\.0)[\r\n]/.test(head.toString('latin1', 0, 10))) return false;
  return /%%EOF[\r\n\s\0]*$/.test(tail.toString('latin1'));
}

const FORMATS: { contentType: string; label: string; matches: (file: FileSample) => boolean }[] = [
  { contentType: 'image/jpeg', label: 'a JPEG image', matches: isJpeg },
  { contentType: 'image/png', label: 'a PNG image', matches: isPng },
  { contentType: 'image/webp', label: 'a WebP image', matches: isWebp },
  { contentType: 'application/pdf', label: 'a PDF document', matches: isPdf },
];

/** Which accepted format the file is, judged by its whole header; null for none. */
export function detectContentType(file: FileSample): string | null {
  return FORMATS.find((format) => format.matches(file))?.contentType ?? null;
}

export function describeContentType(contentType: string | null): string {
  return FORMATS.find((f) => f.contentType === contentType)?.label ?? 'not an accepted file type';
}
