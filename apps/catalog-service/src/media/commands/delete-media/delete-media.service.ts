import { Inject, Injectable, Logger } from '@nestjs/common';
import { type MediaIdDto, AuditActions, AuditEntityTypes } from '@inventory/contracts';
import { NotFoundError, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { MediaRepository } from '../../database/media.repository';
import { MEDIA_STORAGE, type MediaStorage } from '../../storage/media-storage.port';

/**
 * Removes an attached file and its object in storage. The record goes only when storage
 * confirmed the deletion (the object is removed inside the transaction, before commit);
 * when the primary image goes, the oldest remaining image becomes primary.
 */
@Injectable()
export class DeleteMediaService {
  private readonly logger = new Logger(DeleteMediaService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async delete(dto: MediaIdDto): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const media = await this.media.find(manager, dto.productId, dto.mediaId, { lock: true });
      if (!media) {
        throw new NotFoundError(`Media ${dto.mediaId} of product ${dto.productId} not found`);
      }
      await this.media.delete(manager, media.id);
      await AuditTrail.record(manager, {
        action: AuditActions.MediaDeleted,
        entityType: AuditEntityTypes.Product,
        entityId: media.productId,
        summary: `Removed ${media.kind} "${media.filename}"`,
        changes: [
          {
            field: 'media',
            from: { id: media.id, filename: media.filename, kind: media.kind },
            to: null,
          },
        ],
      });
      if (media.primary) await this.media.promoteOldestImage(manager, media.productId);
      await this.storage.remove([media.storageKey]);
      return media;
    });
    this.logger.log({
      event: 'media.removed',
      productId: removed.productId,
      mediaId: removed.id,
      kind: removed.kind,
      key: removed.storageKey,
    });
  }
}
