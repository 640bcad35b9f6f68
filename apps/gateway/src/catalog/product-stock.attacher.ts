import { Injectable, Logger } from '@nestjs/common';
import { type ProductDto, type StockLevel, GetStockLevels } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import type { ProductWithStockDto } from './dtos/product-with-stock.dto';

/** A product list should not wait long for its stock figures: they are an addition. */
export const ATTACH_STOCK_TIMEOUT_MS = 2000;

/**
 * Adds each product's stock to a catalog answer with one batched request to the stock
 * service, however many products there are. When the stock service fails or is slow,
 * the products are answered anyway with `stock: null` (and a warning is logged): reading
 * the catalog must not depend on the stock service being up.
 */
@Injectable()
export class ProductStockAttacher {
  private readonly logger = new Logger(ProductStockAttacher.name);

  constructor(private readonly bus: ServiceBus) {}

  async attach(products: ProductDto[]): Promise<ProductWithStockDto[]> {
    if (products.length === 0) return [];
    let levels: Map<string, StockLevel> | null = null;
    try {
      const answer = await this.bus.send(
        GetStockLevels,
        { productIds: products.map((product) => product.id) },
        { timeoutMs: ATTACH_STOCK_TIMEOUT_MS },
      );
      levels = new Map(answer.map((level) => [level.productId, level]));
    } catch (error) {
      this.logger.warn(
        { event: 'stock.unavailable', products: products.length, err: error },
        'stock service did not answer: products are shown without stock',
      );
    }
    return products.map((product) => {
      const level = levels?.get(product.id);
      return {
        ...product,
        stock: level
          ? {
              onHand: level.onHand,
              reorderLevel: level.reorderLevel,
              status: level.status,
              location: level.location,
              lastMovementAt: level.lastMovementAt,
            }
          : null,
      };
    });
  }

  async attachOne(product: ProductDto): Promise<ProductWithStockDto> {
    const [withStock] = await this.attach([product]);
    return withStock;
  }
}
