import { Injectable, Logger } from '@nestjs/common';
import {
  CatalogEventDto,
  CatalogEvents,
  PRODUCT_EVENT_TYPES,
  ProductsImportedEventDto,
  Queues,
} from '@inventory/contracts';
import type { Subscription, SubscriptionContext, SubscriptionHandler } from '@inventory/platform';
import { ProductCopies } from '../../products/product-copies.repository';

type CatalogEvent = CatalogEventDto | ProductsImportedEventDto;

/**
 * Keeps the stock service's copy of each product (SKU, name, active) in step with the
 * catalog, from the `catalog-events` queue. Each event takes effect once: its id is
 * recorded in the same transaction as the change, so a redelivered event does nothing.
 */
@Injectable()
export class CopyCatalogProductHandler implements SubscriptionHandler<CatalogEvent> {
  private readonly logger = new Logger('CopyCatalogProduct');

  constructor(private readonly products: ProductCopies) {}

  async handle(event: CatalogEvent, context: SubscriptionContext): Promise<void> {
    if (event.type === CatalogEvents.ProductsImported) return this.imported(event, context);
    const { envelope } = context;
    const { payload } = event;
    const outcome = await context.once((manager) =>
      this.products.save(manager, {
        productId: payload.productId,
        sku: payload.sku,
        name: payload.name,
        // A deleted product can no more move than an archived one; its ledger stays.
        active: event.type === CatalogEvents.ProductDeleted ? false : payload.active,
        changedAt: new Date(envelope.occurredAt),
      }),
    );
    const applied = !outcome.duplicate;
    this.logger.log(
      {
        event: applied ? 'stock.product_copied' : 'stock.product_event_repeated',
        eventId: envelope.id,
        eventType: envelope.type,
        productId: payload.productId,
        sku: payload.sku,
        active: payload.active,
      },
      applied
        ? `${envelope.type} ${payload.sku}: copy updated`
        : `${envelope.type} ${payload.sku}: already applied`,
    );
  }

  /** A CSV import's changes, many products at once: one transaction, one statement. */
  private async imported(
    event: ProductsImportedEventDto,
    { envelope, once }: SubscriptionContext,
  ): Promise<void> {
    const products = event.payload.products.map(({ type, product }) => ({
      productId: product.productId,
      sku: product.sku,
      name: product.name,
      active: type === CatalogEvents.ProductDeleted ? false : product.active,
    }));
    const outcome = await once((manager) =>
      this.products.saveMany(manager, products, new Date(envelope.occurredAt)),
    );
    this.logger.log(
      {
        event: outcome.duplicate ? 'stock.product_event_repeated' : 'stock.products_copied',
        eventId: envelope.id,
        eventType: envelope.type,
        products: products.length,
        changed: outcome.duplicate ? null : outcome.result,
      },
      outcome.duplicate
        ? `${envelope.type}: already applied`
        : `${envelope.type}: ${outcome.result} of ${products.length} copies updated`,
    );
  }
}

/** The stock service's subscription to catalog events: its product copies. */
export const copyCatalogProduct: Subscription<CatalogEvent> = {
  name: 'stock.copy-catalog-product',
  queue: Queues.CatalogEvents,
  events: [
    { types: PRODUCT_EVENT_TYPES, dto: CatalogEventDto },
    { types: [CatalogEvents.ProductsImported], dto: ProductsImportedEventDto },
  ],
  handler: CopyCatalogProductHandler,
  // Half the connection pool at most: an import's events (hundreds of products each) must
  // leave connections for movements and the catalog's sync requests.
  options: { batchSize: 5 },
};
