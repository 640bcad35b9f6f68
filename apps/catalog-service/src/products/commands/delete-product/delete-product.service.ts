import { Inject, Injectable, Logger } from '@nestjs/common';
import { CatalogEvents } from '@inventory/contracts';
import { AuditTrail, NotFoundError, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { MediaRepository } from '../../../media/database/media.repository';
import { MEDIA_STORAGE, type MediaStorage } from '../../../media/storage/media-storage.port';
import { ProductsRepository } from '../../database/products.repository';
import { productAudit } from '../../domain/product-audit';
import { productEvent } from '../../domain/product-events';
import { StockSync } from '../../stock/stock-sync';

/**
 * Deletes a product that has no stock history, with its media. The stock service first
 * checks that there is none and stops taking movements for the product, in one step (409
 * with history, 503 when it cannot answer); so from this answer on no movement is accepted.
 * Its files are removed from storage inside the transaction: if storage fails, nothing is
 * deleted (502) and stock takes movements for the product again.
 */
@Injectable()
export class DeleteProductService {
  private readonly logger = new Logger(DeleteProductService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly media: MediaRepository,
    private readonly stock: StockSync,
    private readonly outbox: Outbox,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async delete(id: string, actor: string | null): Promise<void> {
    const product = await this.products.findById(this.dataSource.manager, id);
    if (!product) throw new NotFoundError(`Product ${id} not found`);
    await this.stock.retireForDeletion(product, new Date().toISOString());

    const removed = await this.dataSource
      .transaction(async (tx) => {
        const current = await this.products.findById(tx, id, { lock: true });
        if (!current) throw new NotFoundError(`Product ${id} not found`);
        const keys = await this.media.keysOfProduct(tx, id);
        await this.products.delete(tx, id);
        await this.outbox.add(tx, [productEvent(CatalogEvents.ProductDeleted, current)]);
        await AuditTrail.record(tx, productAudit(CatalogEvents.ProductDeleted, current));
        if (keys.length > 0) await this.storage.remove(keys);
        return { product: current, files: keys.length };
      })
      .catch(async (error: unknown) => {
        // Not deleted after all: stock takes movements for it again (if it is still there).
        const still = await this.products.findById(this.dataSource.manager, id).catch(() => null);
        if (still) await this.stock.restore(still);
        throw error;
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
