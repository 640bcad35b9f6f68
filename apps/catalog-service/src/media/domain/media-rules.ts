import { MEDIA_CONTENT_TYPES, type MediaKind } from '@inventory/contracts';

/** Bytes read from the start of an uploaded file to tell what it really is. */
export const SNIFF_BYTES = 16;

const SIGNATURES: { contentType: string; label: string; matches: (b: Buffer) => boolean }[] = [
  {
    contentType: 'image/jpeg',
    label: 'a JPEG image',
    matches: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    contentType: 'image/png',
    label: 'a PNG image',
    matches: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    contentType: 'image/webp',
    label: 'a WebP image',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    contentType: 'application/pdf',
    label: 'a PDF document',
    matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
];

/** What the first bytes of a file say it is: one of the accepted types, or null. */
export function sniffContentType(start: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.matches(start))?.contentType ?? null;
}

export function describeContentType(contentType: string | null): string {
  return (
    SIGNATURES.find((s) => s.contentType === contentType)?.label ?? 'not an accepted file type'
  );
}

export const acceptsContentType = (kind: MediaKind, contentType: string) =>
  MEDIA_CONTENT_TYPES[kind].includes(contentType);

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * A file name safe to put in a storage key and a Content-Disposition header: the last path
 * segment only (no `../`), accents folded, anything but letters, digits, `.`, `-` and `_`
 * replaced, no leading dots, at most 100 characters, and an extension.
 */
export function safeFilename(filename: string, contentType: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  let safe = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/-*\.-*/g, '.')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '');
  const extension = EXTENSIONS[contentType] ?? 'bin';
  if (!/\.[A-Za-z0-9]{1,5}$/.test(safe)) safe = safe ? `${safe}.${extension}` : `file.${extension}`;
  if (safe.length > 100) safe = `${safe.slice(0, 95 - extension.length)}.${extension}`;
  return safe;
}

/** Images under `products/<productId>/`, datasheets under `datasheets/<productId>/`. */
export function storageKey(
  kind: MediaKind,
  productId: string,
  uploadId: string,
  filename: string,
): string {
  const folder = kind === 'image' ? 'products' : 'datasheets';
  return `${folder}/${productId}/${uploadId}-${filename}`;
}

/** "an image", "a datasheet": for messages. */
export const aKind = (kind: MediaKind) => (kind === 'image' ? 'an image' : 'a datasheet');

/** "4,097 bytes", "10,485,760 bytes (10 MB)": exact, and readable when large. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes >= 1024 * 1024) return `${exact} (${trim(bytes / (1024 * 1024))} MB)`;
  if (bytes >= 1024) return `${exact} (${trim(bytes / 1024)} KB)`;
  return exact;
}

const trim = (value: number) => value.toFixed(1).replace(/\.0$/, '');
