import { Inject, Injectable } from '@nestjs/common';
import type { MediaDto } from '@inventory/contracts';
import type { MediaRecord } from '../../database/media.repository';
import { MEDIA_STORAGE, type MediaStorage } from '../../storage/media-storage.port';

/** Media as the API shows them: with a URL a browser can open. */
@Injectable()
export class MediaPresenter {
  constructor(@Inject(MEDIA_STORAGE) private readonly storage: MediaStorage) {}

  async present(media: MediaRecord): Promise<MediaDto> {
    const { url, expiresAt } = await this.storage.downloadUrl(media.storageKey, {
      filename: media.filename,
      contentType: media.contentType,
    });
    return {
      id: media.id,
      productId: media.productId,
      kind: media.kind,
      filename: media.filename,
      contentType: media.contentType,
      size: media.size,
      primary: media.primary,
      url,
      urlExpiresAt: expiresAt?.toISOString() ?? null,
      createdAt: media.createdAt.toISOString(),
      createdBy: media.createdBy,
    };
  }
}
