import { Injectable, Logger } from '@nestjs/common';
import {
  type MediaDto,
  type MediaIdDto,
  AuditActions,
  AuditEntityTypes,
} from '@inventory/contracts';
import { InvalidInputError, NotFoundError, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { ProductsRepository } from '../../../products/database/products.repository';
import { MediaRepository } from '../../database/media.repository';
import { MediaPresenter } from '../../queries/list-media/media.presenter';

/**
 * Makes one of a product's images its primary image (the one lists and labels show). The
 * product row lock serialises it with uploads completing at the same time, so a product
 * never has two primary images. Datasheets cannot be primary (422).
 */
@Injectable()
export class SetPrimaryImageService {
  private readonly logger = new Logger(SetPrimaryImageService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly media: MediaRepository,
    private readonly presenter: MediaPresenter,
  ) {}

  async setPrimary(dto: MediaIdDto): Promise<MediaDto> {
    const media = await this.dataSource.transaction(async (tx) => {
      const product = await this.products.findById(tx, dto.productId, { lock: true });
      const found = product && (await this.media.find(tx, dto.productId, dto.mediaId));
      if (!found) {
        throw new NotFoundError(`Media ${dto.mediaId} of product ${dto.productId} not found`);
      }
      if (found.kind !== 'image') {
        throw new InvalidInputError('Only an image can be the primary image', [
          { field: 'mediaId', message: 'this is a datasheet; only images can be primary' },
        ]);
      }
      if (!found.primary) {
        await this.media.clearPrimary(tx, dto.productId);
        await this.media.markPrimary(tx, found.id);
        await AuditTrail.record(tx, {
          action: AuditActions.MediaPrimarySet,
          entityType: AuditEntityTypes.Product,
          entityId: dto.productId,
          summary: `Made "${found.filename}" the primary image of ${product.sku}`,
          changes: [
            { field: 'primaryImage', from: null, to: { id: found.id, filename: found.filename } },
          ],
        });
      }
      return { ...found, primary: true };
    });
    this.logger.log({
      event: 'media.primary',
      productId: media.productId,
      mediaId: media.id,
    });
    return this.presenter.present(media);
  }
}
