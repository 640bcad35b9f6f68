import { Injectable, Logger } from '@nestjs/common';
import { Queues, StockStatusChangedEventDto, StockStatusEvents } from '@inventory/contracts';
import type { Subscription, SubscriptionContext, SubscriptionHandler } from '@inventory/platform';
import { ProductsRepository } from '../../database/products.repository';

/**
 * Keeps the catalog's copy of each product's stock status (ok / low / out) in step with the
 * stock service, from the `stock-status` queue: the parts list filters on it. Each event takes
 * effect once (its id is recorded by the statement that makes the change), and only if it is
 * newer than the status the copy holds: an event overtaken by a later one changes nothing.
 */
@Injectable()
export class CopyStockStatusHandler implements SubscriptionHandler<StockStatusChangedEventDto> {
  private readonly logger = new Logger('CopyStockStatus');

  constructor(private readonly products: ProductsRepository) {}

  async handle(
    event: StockStatusChangedEventDto,
    { envelope, onceStatement }: SubscriptionContext,
  ) {
    const { productId, status, at } = event.payload;
    // One statement records the id and changes the row: one round trip per event, the
    // catalog's whole share of every movement that changes a status.
    const outcome = await onceStatement(this.products.stockStatusStatement(productId, status, at));
    const applied = !outcome.duplicate && outcome.result > 0;
    this.logger.log(
      {
        event: applied ? 'catalog.stock_status_copied' : 'catalog.stock_status_skipped',
        eventId: envelope.id,
        productId,
        status,
        reason: outcome.duplicate ? 'repeated' : applied ? undefined : 'older or unknown product',
      },
      applied
        ? `${productId} is ${status}`
        : `${productId} ${status}: ${outcome.duplicate ? 'already applied' : 'older than the copy, or no such product'}`,
    );
  }
}

/** The catalog's subscription to stock-status events: the status the parts list filters on. */
export const copyStockStatus: Subscription<StockStatusChangedEventDto> = {
  name: 'catalog.copy-stock-status',
  queue: Queues.StockStatus,
  events: [{ types: [StockStatusEvents.Changed], dto: StockStatusChangedEventDto }],
  handler: CopyStockStatusHandler,
};
