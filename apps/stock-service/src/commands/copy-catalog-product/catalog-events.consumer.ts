import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  CatalogEventDto,
  CatalogEvents,
  ProductsImportedPayloadDto,
  Queues,
  type EventEnvelope,
} from '@inventory/contracts';
import {
  markProcessed,
  PoisonMessageError,
  QueueConsumers,
  validationDetails,
} from '@inventory/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { ProductCopies } from '../../products/product-copies.repository';

export const CATALOG_CONSUMER = 'stock.catalog-products';

/**
 * Keeps the stock service's copy of each product (SKU, name, active) in step with the
 * catalog, from the `catalog-events` queue. Each event takes effect once: its id is
 * recorded in the same transaction as the change, so a redelivered event does nothing.
 */
@Injectable()
export class CatalogEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CatalogEvents');
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly consumers: QueueConsumers,
    private readonly dataSource: DataSource,
    private readonly products: ProductCopies,
  ) {}

  /**
   * Starts consuming without holding up the start: movements do not need SQS, so a queue
   * that cannot be reached yet is tried again (with back-off) until it can.
   */
  onApplicationBootstrap(): void {
    void this.start(1000);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private async start(backoffMs: number): Promise<void> {
    if (this.stopped) return;
    try {
      // Half the connection pool at most: an import's events (hundreds of products each)
      // must leave connections for movements and the catalog's sync requests.
      await this.consumers.consume(Queues.CatalogEvents, (envelope) => this.handle(envelope), {
        batchSize: 5,
      });
    } catch (error) {
      this.logger.warn(
        { event: 'queue.consume_failed', queue: Queues.CatalogEvents, err: error },
        `cannot consume ${Queues.CatalogEvents} yet; trying again in ${backoffMs / 1000} s`,
      );
      this.retry = setTimeout(() => void this.start(Math.min(backoffMs * 2, 30_000)), backoffMs);
    }
  }

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type === CatalogEvents.ProductsImported) return this.handleImported(envelope);
    const event = plainToInstance(CatalogEventDto, {
      type: envelope.type,
      payload: envelope.payload,
    });
    const errors = await validate(event, { forbidUnknownValues: true });
    if (errors.length > 0) {
      const problems = validationDetails(errors).map((d) => `${d.field}: ${d.message}`);
      throw new PoisonMessageError(`invalid catalog event: ${problems.join('; ')}`);
    }
    const { payload } = event;
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await markProcessed(manager, envelope.id, CATALOG_CONSUMER))) return false;
      await this.products.save(manager, {
        productId: payload.productId,
        sku: payload.sku,
        name: payload.name,
        // A deleted product can no more move than an archived one; its ledger stays.
        active: event.type === CatalogEvents.ProductDeleted ? false : payload.active,
        changedAt: new Date(envelope.occurredAt),
      });
      return true;
    });
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
  private async handleImported(envelope: EventEnvelope): Promise<void> {
    const payload = plainToInstance(ProductsImportedPayloadDto, envelope.payload);
    const errors = await validate(payload, { forbidUnknownValues: true });
    if (errors.length > 0) {
      const problems = validationDetails(errors)
        .slice(0, 5)
        .map((d) => `${d.field}: ${d.message}`);
      throw new PoisonMessageError(`invalid products.imported event: ${problems.join('; ')}`);
    }
    const products = payload.products.map(({ type, product }) => ({
      productId: product.productId,
      sku: product.sku,
      name: product.name,
      active: type === CatalogEvents.ProductDeleted ? false : product.active,
    }));
    const changed = await this.dataSource.transaction(async (manager) => {
      if (!(await markProcessed(manager, envelope.id, CATALOG_CONSUMER))) return null;
      return this.products.saveMany(manager, products, new Date(envelope.occurredAt));
    });
    this.logger.log(
      {
        event: changed === null ? 'stock.product_event_repeated' : 'stock.products_copied',
        eventId: envelope.id,
        eventType: envelope.type,
        products: products.length,
        changed,
      },
      changed === null
        ? `${envelope.type}: already applied`
        : `${envelope.type}: ${changed} of ${products.length} copies updated`,
    );
  }
}
