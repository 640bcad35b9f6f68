/** A presigned request the client sends itself, straight to storage. */
export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the client must send unchanged: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface StoredObject {
  size: number;
  contentType: string | undefined;
}

/**
 * Where product images and datasheets live (S3 in production, a stand-in locally). Every
 * method throws `UpstreamError` when storage fails, after logging the cause; "not there"
 * is an answer, not a failure.
 */
export interface MediaStorage {
  /** A URL the client can PUT exactly `size` bytes of `contentType` to, until it expires. */
  presignUpload(key: string, contentType: string, size: number): Promise<PresignedUpload>;
  /** Size and type of a stored object, or null when there is none. */
  stat(key: string): Promise<StoredObject | null>;
  /** `length` bytes of an object from `start` (fewer where it ends sooner). */
  readRange(key: string, start: number, length: number): Promise<Buffer>;
  /**
   * Copies an object, with its Content-Type, to a key of its own. Resolves with the copy's
   * size and type; null when there is no object to copy.
   */
  copy(fromKey: string, toKey: string): Promise<StoredObject | null>;
  /** Removes objects; keys that do not exist are fine. */
  remove(keys: string[]): Promise<void>;
  /** A URL a browser can open: presigned, or public when the bucket is. */
  downloadUrl(
    key: string,
    options?: { filename?: string; contentType?: string },
  ): Promise<{ url: string; expiresAt: Date | null }>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');
