import { Injectable } from '@nestjs/common';
import type { MediaKind } from '@inventory/contracts';
import type { EntityManager } from 'typeorm';

export interface MediaRecord {
  id: string;
  productId: string;
  kind: MediaKind;
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  primary: boolean;
  createdAt: Date;
  createdBy: string | null;
}

export interface UploadRecord {
  id: string;
  productId: string;
  kind: MediaKind;
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  expiresAt: Date;
}

interface MediaRow {
  id: string;
  product_id: string;
  kind: MediaKind;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: string;
  is_primary: boolean;
  created_at: Date;
  created_by: string | null;
}

interface UploadRow {
  id: string;
  product_id: string;
  kind: MediaKind;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: string;
  expires_at: Date;
}

const toMedia = (row: MediaRow): MediaRecord => ({
  id: row.id,
  productId: row.product_id,
  kind: row.kind,
  storageKey: row.storage_key,
  filename: row.filename,
  contentType: row.content_type,
  size: Number(row.size_bytes),
  primary: row.is_primary,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const toUpload = (row: UploadRow): UploadRecord => ({
  id: row.id,
  productId: row.product_id,
  kind: row.kind,
  storageKey: row.storage_key,
  filename: row.filename,
  contentType: row.content_type,
  size: Number(row.size_bytes),
  expiresAt: row.expires_at,
});

/** `product_media` (attached files) and `media_uploads` (asked for, not yet confirmed). */
@Injectable()
export class MediaRepository {
  async listForProduct(manager: EntityManager, productId: string): Promise<MediaRecord[]> {
    const rows: MediaRow[] = await manager.query(
      `SELECT * FROM product_media WHERE product_id = $1
        ORDER BY kind DESC, is_primary DESC, created_at, id`,
      [productId],
    );
    return rows.map(toMedia);
  }

  async find(
    manager: EntityManager,
    productId: string,
    mediaId: string,
    options: { lock?: boolean } = {},
  ): Promise<MediaRecord | null> {
    const rows: MediaRow[] = await manager.query(
      `SELECT * FROM product_media WHERE id = $1 AND product_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
      [mediaId, productId],
    );
    return rows[0] ? toMedia(rows[0]) : null;
  }

  async hasPrimaryImage(manager: EntityManager, productId: string): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM product_media WHERE product_id = $1 AND is_primary`,
      [productId],
    );
    return rows.length > 0;
  }

  async clearPrimary(manager: EntityManager, productId: string): Promise<void> {
    await manager.query(
      `UPDATE product_media SET is_primary = false WHERE product_id = $1 AND is_primary`,
      [productId],
    );
  }

  async markPrimary(manager: EntityManager, mediaId: string): Promise<void> {
    await manager.query(`UPDATE product_media SET is_primary = true WHERE id = $1`, [mediaId]);
  }

  /** After the primary image went: the oldest remaining image takes its place. */
  async promoteOldestImage(manager: EntityManager, productId: string): Promise<void> {
    await manager.query(
      `UPDATE product_media SET is_primary = true
        WHERE id = (SELECT id FROM product_media WHERE product_id = $1 AND kind = 'image'
                     ORDER BY created_at, id LIMIT 1)`,
      [productId],
    );
  }

  async insert(
    manager: EntityManager,
    media: Omit<MediaRecord, 'createdAt'>,
  ): Promise<MediaRecord> {
    const rows: MediaRow[] = await manager.query(
      `INSERT INTO product_media (id, product_id, kind, storage_key, filename, content_type,
                                  size_bytes, is_primary, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        media.id,
        media.productId,
        media.kind,
        media.storageKey,
        media.filename,
        media.contentType,
        media.size,
        media.primary,
        media.createdBy,
      ],
    );
    return toMedia(rows[0]);
  }

  async delete(manager: EntityManager, mediaId: string): Promise<void> {
    await manager.query(`DELETE FROM product_media WHERE id = $1`, [mediaId]);
  }

  /** Storage keys of everything a product has: attached files and pending uploads. */
  async keysOfProduct(manager: EntityManager, productId: string): Promise<string[]> {
    const rows: { storage_key: string }[] = await manager.query(
      `SELECT storage_key FROM product_media WHERE product_id = $1
       UNION ALL
       SELECT storage_key FROM media_uploads WHERE product_id = $1`,
      [productId],
    );
    return rows.map((row) => row.storage_key);
  }

  async insertUpload(
    manager: EntityManager,
    upload: UploadRecord,
    actor: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO media_uploads (id, product_id, kind, storage_key, filename, content_type,
                                  size_bytes, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        upload.id,
        upload.productId,
        upload.kind,
        upload.storageKey,
        upload.filename,
        upload.contentType,
        upload.size,
        upload.expiresAt,
        actor,
      ],
    );
  }

  async findUpload(
    manager: EntityManager,
    productId: string,
    uploadId: string,
    options: { lock?: boolean } = {},
  ): Promise<UploadRecord | null> {
    const rows: UploadRow[] = await manager.query(
      `SELECT * FROM media_uploads
        WHERE id = $1 AND product_id = $2 AND completed_at IS NULL${options.lock ? ' FOR UPDATE' : ''}`,
      [uploadId, productId],
    );
    return rows[0] ? toUpload(rows[0]) : null;
  }

  /**
   * An upload whose file was attached: it can no longer be completed, and stays until the
   * sweeper takes it after its URL expired (removing anything PUT to the URL meanwhile).
   */
  async markUploadCompleted(manager: EntityManager, uploadId: string): Promise<void> {
    await manager.query(`UPDATE media_uploads SET completed_at = now() WHERE id = $1`, [uploadId]);
  }

  async deleteUpload(manager: EntityManager, uploadId: string): Promise<void> {
    await manager.query(`DELETE FROM media_uploads WHERE id = $1`, [uploadId]);
  }

  /** Makes an upload due for the sweeper at once (its object could not be removed just now). */
  async expireUpload(manager: EntityManager, uploadId: string): Promise<void> {
    await manager.query(
      `UPDATE media_uploads SET expires_at = now() - interval '1 day' WHERE id = $1`,
      [uploadId],
    );
  }

  /**
   * Uploads whose URL expired more than `graceSeconds` ago (never confirmed, or completed:
   * their upload object goes either way), locked for the caller.
   */
  async takeAbandonedUploads(
    manager: EntityManager,
    graceSeconds: number,
    limit: number,
  ): Promise<UploadRecord[]> {
    const rows: UploadRow[] = await manager.query(
      `SELECT * FROM media_uploads
        WHERE expires_at < now() - make_interval(secs => $1)
        ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [graceSeconds, limit],
    );
    return rows.map(toUpload);
  }

  async deleteUploads(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`DELETE FROM media_uploads WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
