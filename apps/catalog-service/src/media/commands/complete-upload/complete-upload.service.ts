import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CompleteUploadRequestDto,
  type MediaDto,
  AuditActions,
  AuditEntityTypes,
} from '@inventory/contracts';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
  AuditTrail,
} from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CatalogConfig } from '../../../catalog.config';
import { ProductsRepository } from '../../../products/database/products.repository';
import { MediaRepository, type UploadRecord } from '../../database/media.repository';
import {
  describeContentType,
  detectContentType,
  HEAD_BYTES,
  TAIL_BYTES,
} from '../../domain/file-formats';
import { aKind, formatBytes, storageKey } from '../../domain/media-rules';
import { MediaPresenter } from '../../queries/list-media/media.presenter';
import { MEDIA_STORAGE, type MediaStorage } from '../../storage/media-storage.port';

/**
 * Step 2: the client says the file is in storage. The file is first copied to its final
 * key, which no upload URL names: everything is checked on that copy and the copy is what
 * is attached and served, so a second PUT to the (still valid) upload URL changes nothing.
 * It is attached only if it has the announced size (within the limit), was stored with
 * the Content-Type the URL was signed for, and its whole header is the announced format's
 * (docs/catalog.md); a file that lies is deleted from storage and refused. Storage is
 * checked before anything is written, so a storage failure leaves no half-attached record.
 */
@Injectable()
export class CompleteUploadService {
  private readonly logger = new Logger(CompleteUploadService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: CatalogConfig,
    private readonly products: ProductsRepository,
    private readonly media: MediaRepository,
    private readonly presenter: MediaPresenter,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async complete(dto: CompleteUploadRequestDto, actor: string | null): Promise<MediaDto> {
    const manager = this.dataSource.manager;
    const upload = await this.media.findUpload(manager, dto.productId, dto.uploadId);
    if (!upload) {
      throw new NotFoundError(
        `Upload ${dto.uploadId} of product ${dto.productId} not found (already completed, refused or expired?)`,
      );
    }
    if (dto.primary && upload.kind !== 'image') {
      throw new InvalidInputError('Only an image can be the primary image', [
        { field: 'primary', message: 'only images can be primary' },
      ]);
    }

    const key = storageKey(upload.kind, upload.productId, upload.id, upload.filename);
    const stored = await this.storage.copy(upload.storageKey, key);
    if (!stored) {
      throw new ConflictError(
        `The file has not been uploaded yet: PUT it to the upload URL first${upload.expiresAt < new Date() ? ' (the URL has expired: ask for a new upload)' : ''}`,
      );
    }
    const limit =
      upload.kind === 'image'
        ? this.config.MEDIA_MAX_IMAGE_BYTES
        : this.config.MEDIA_MAX_DATASHEET_BYTES;
    if (stored.size > limit) {
      await this.reject(
        upload,
        key,
        'too_large',
        `The file is ${formatBytes(stored.size)}; ${aKind(upload.kind)} may be at most ${formatBytes(limit)}`,
      );
    }
    if (stored.size !== upload.size) {
      await this.reject(
        upload,
        key,
        'size_mismatch',
        `The uploaded file has ${stored.size} bytes, not the ${upload.size} announced`,
      );
    }
    const storedType = (stored.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (storedType !== upload.contentType) {
      await this.reject(
        upload,
        key,
        'content_type_mismatch',
        `The file was stored as ${storedType || 'no type'}, not ${upload.contentType} as the upload URL was signed for`,
        { stored: stored.contentType ?? null },
      );
    }
    const actual = detectContentType({
      head: await this.storage.readRange(key, 0, Math.min(HEAD_BYTES, stored.size)),
      tail: await this.storage.readRange(
        key,
        Math.max(0, stored.size - TAIL_BYTES),
        Math.min(TAIL_BYTES, stored.size),
      ),
      size: stored.size,
    });
    if (actual !== upload.contentType) {
      await this.reject(
        upload,
        key,
        'type_mismatch',
        `The file is ${describeContentType(actual)}, not ${upload.contentType} as announced`,
        { detected: actual },
      );
    }

    const media = await this.dataSource
      .transaction(async (tx) => {
        // The product row lock serialises completions: one primary image per product.
        const product = await this.products.findById(tx, upload.productId, { lock: true });
        const pending = await this.media.findUpload(tx, upload.productId, upload.id, {
          lock: true,
        });
        if (!product || !pending) {
          throw new NotFoundError(`Upload ${upload.id} of product ${upload.productId} not found`);
        }
        let primary = false;
        if (upload.kind === 'image') {
          const hasPrimary = await this.media.hasPrimaryImage(tx, upload.productId);
          primary = dto.primary === true || !hasPrimary;
          if (primary && hasPrimary) await this.media.clearPrimary(tx, upload.productId);
        }
        // Kept until its URL has expired: the sweeper then removes whatever was PUT to it.
        await this.media.markUploadCompleted(tx, upload.id);
        await AuditTrail.record(tx, {
          action: AuditActions.MediaAttached,
          entityType: AuditEntityTypes.Product,
          entityId: upload.productId,
          summary: `Attached ${upload.kind} "${upload.filename}" to ${product.sku}${primary ? ' as the primary image' : ''}`,
          changes: [
            {
              field: 'media',
              from: null,
              to: { id: upload.id, filename: upload.filename, kind: upload.kind, primary },
            },
          ],
        });
        return this.media.insert(tx, {
          id: upload.id,
          productId: upload.productId,
          kind: upload.kind,
          storageKey: key,
          filename: upload.filename,
          contentType: upload.contentType,
          size: stored.size,
          primary,
          createdBy: actor,
        });
      })
      .catch(async (error: unknown) => {
        await this.storage.remove([key]).catch(() => undefined);
        throw error;
      });
    // The uploaded original is not needed any more (the sweeper retries if this fails).
    await this.storage.remove([upload.storageKey]).catch(() => undefined);
    this.logger.log({
      event: 'media.attached',
      productId: media.productId,
      mediaId: media.id,
      kind: media.kind,
      contentType: media.contentType,
      size: media.size,
      primary: media.primary,
      key: media.storageKey,
    });
    return this.presenter.present(media);
  }

  /** Removes the refused file (upload and copy) from storage, forgets the upload; always throws. */
  private async reject(
    upload: UploadRecord,
    key: string,
    reason: string,
    message: string,
    extra: Record<string, unknown> = {},
  ): Promise<never> {
    let removed = true;
    try {
      await this.storage.remove([upload.storageKey, key]);
    } catch {
      removed = false;
    }
    const manager = this.dataSource.manager;
    // When storage could not delete it now, the abandoned-upload sweeper will.
    if (removed) await this.media.deleteUpload(manager, upload.id);
    else await this.media.expireUpload(manager, upload.id);
    this.logger.warn({
      event: 'media.rejected',
      productId: upload.productId,
      uploadId: upload.id,
      kind: upload.kind,
      declaredContentType: upload.contentType,
      declaredSize: upload.size,
      reason,
      removed,
      key: upload.storageKey,
      ...extra,
    });
    throw new UnprocessableError(
      `${message}: the file was refused and ${removed ? 'deleted' : 'will be deleted'}`,
    );
  }
}
