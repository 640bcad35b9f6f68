import { MEDIA_CONTENT_TYPES, type MediaKind } from '@inventory/contracts';

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

const folder = (kind: MediaKind) => (kind === 'image' ? 'products' : 'datasheets');

/**
 * Where an attached file lives: images under `products/<productId>/`, datasheets under
 * `datasheets/<productId>/`. No upload URL ever names this key: completing an upload
 * copies the file here, so nothing a client can still PUT to changes what is served.
 */
export function storageKey(
  kind: MediaKind,
  productId: string,
  uploadId: string,
  filename: string,
): string {
  return `${folder(kind)}/${productId}/${uploadId}-${filename}`;
}

/** Where the client's PUT goes: the key its presigned URL names (`…/uploads/<uploadId>`). */
export function uploadKey(kind: MediaKind, productId: string, uploadId: string): string {
  return `${folder(kind)}/${productId}/uploads/${uploadId}`;
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
