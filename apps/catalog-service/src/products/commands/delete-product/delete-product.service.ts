import { Inject, Injectable, Logger } from '@nestjs/common';
import { CatalogEvents } from '@inventory/contracts';
import { NotFoundError, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { MediaRepository } from '../../../media/database/media.repository';
import { MEDIA_STORAGE, type MediaStorage } from '../../../media/storage/media-storage.port';
import { ProductsRepository } from '../../database/products.repository';
import { productEvent } from '../../domain/product-events';
import { StockHistoryCheck } from './stock-history.check';

/**
 * Deletes a product that has no stock history, with its media. Its files are removed from
 * storage inside the transaction: if storage fails, nothing is deleted (502).
 */
@Injectable()
export class DeleteProductService {
  private readonly logger = new Logger(DeleteProductService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly media: MediaRepository,
    private readonly stockHistory: StockHistoryCheck,
    private readonly outbox: Outbox,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async delete(id: string, actor: string | null): Promise<void> {
    const product = await this.products.findById(this.dataSource.manager, id);
    if (!product) throw new NotFoundError(`Product ${id} not found`);
    await this.stockHistory.assertNoHistory(product);

    const removed = await this.dataSource.transaction(async (tx) => {
      const current = await this.products.findById(tx, id, { lock: true });
      if (!current) throw new NotFoundError(`Product ${id} not found`);
      const keys = await this.media.keysOfProduct(tx, id);
      await this.products.delete(tx, id);
      await this.outbox.add(tx, [productEvent(CatalogEvents.ProductDeleted, current)]);
      if (keys.length > 0) await this.storage.remove(keys);
      return { product: current, files: keys.length };
    });
    this.logger.log({
      event: 'product.deleted',
      productId: id,
      sku: removed.product.sku,
      name: removed.product.name,
      filesRemoved: removed.files,
      actor,
    });
  }
}
