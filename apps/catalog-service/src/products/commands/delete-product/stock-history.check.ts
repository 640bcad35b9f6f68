import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { type StockLevel, StockPatterns } from '@inventory/contracts';
import { ConflictError, ServiceBus, ServiceError } from '@inventory/platform';

/** The stock service should answer well within the caller's own bus timeout. */
const STOCK_CHECK_TIMEOUT_MS = 2000;

/**
 * A product may be deleted only while it has no stock history; otherwise it must be
 * archived. The stock service owns that history, so it is asked. When it cannot answer,
 * the delete is refused (503): deleting a product whose movements we could not rule out
 * would leave a ledger pointing at nothing. See docs/catalog.md.
 */
@Injectable()
export class StockHistoryCheck {
  private readonly logger = new Logger(StockHistoryCheck.name);

  constructor(private readonly bus: ServiceBus) {}

  async assertNoHistory(product: { id: string; sku: string }): Promise<void> {
    let level: StockLevel | null;
    try {
      level = await this.bus.send<StockLevel>(
        'stock',
        StockPatterns.levelsGet,
        { productId: product.id },
        { timeoutMs: STOCK_CHECK_TIMEOUT_MS },
      );
    } catch (error) {
      // The stock service has never heard of the product: no movements.
      if (error instanceof ServiceError && error.getStatus() === HttpStatus.NOT_FOUND) return;
      this.logger.warn(
        {
          event: 'product.delete_refused',
          productId: product.id,
          reason: 'stock_unavailable',
          err: error,
        },
        'cannot check stock history',
      );
      throw new ServiceError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'Service Unavailable',
        `Cannot delete ${product.sku} now: the stock service could not confirm that it has no stock history (${(error as Error).message}). Try again later, or archive the product instead.`,
      );
    }
    if (level?.lastMovementAt) {
      throw new ConflictError(
        `${product.sku} has stock history (last movement ${level.lastMovementAt}): archive it instead of deleting it`,
      );
    }
  }
}
