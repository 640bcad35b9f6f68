import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { type ProductSummary, GetProduct } from '@inventory/contracts';
import { ServiceBus, ServiceError } from '@inventory/platform';
import { StockConfig } from '../stock.config';
import type { CatalogDirectory } from './catalog-directory.port';

/** Asks the catalog service over the bus (`catalog.products.get`). */
@Injectable()
export class BusCatalogDirectory implements CatalogDirectory {
  private readonly logger = new Logger('CatalogDirectory');

  constructor(
    private readonly bus: ServiceBus,
    private readonly config: StockConfig,
  ) {}

  async findProduct(productId: string): Promise<ProductSummary | null> {
    try {
      return await this.bus.send(
        GetProduct,
        { id: productId },
        { timeoutMs: this.config.CATALOG_LOOKUP_TIMEOUT_MS },
      );
    } catch (error) {
      const status = error instanceof ServiceError ? error.getStatus() : 0;
      if (status === HttpStatus.NOT_FOUND) return null;
      // Unreachable, too slow, or an answer we cannot use: whether the product exists is
      // unknown, so nothing may move. The caller may try again later.
      this.logger.warn(
        { event: 'catalog.lookup_failed', productId, status, err: error },
        'cannot ask the catalog about a product',
      );
      throw new ServiceError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'Service Unavailable',
        `Product ${productId} is not known to the stock service yet and the catalog cannot be asked right now; try again shortly`,
      );
    }
  }
}
