import {
  CatalogEvents,
  type FieldChange,
  IMPORTED_PRODUCTS_PER_EVENT,
  type ImportedProductEvent,
  type ProductEventPayload,
  type ProductEventType,
  type ProductsImportedPayload,
  Queues,
} from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';

/** An event for the `catalog-events` queue about one product, as it is after the change. */
export function productEvent(
  type: ProductEventType,
  product: { id: string; sku: string; name: string; active: boolean },
  changes?: Record<string, FieldChange>,
): NewEvent<ProductEventPayload> {
  return {
    queue: Queues.CatalogEvents,
    type,
    payload: {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      active: product.active,
      ...(changes ? { changes } : {}),
    },
  };
}

/**
 * An update that archives the product is announced as `product.archived` (stock stops
 * accepting movements); any other change as `product.updated`.
 */
export const updateEventType = (changes: Record<string, FieldChange>): ProductEventType =>
  changes.active?.to === false ? CatalogEvents.ProductArchived : CatalogEvents.ProductUpdated;

/** Characters of JSON one `products.imported` event carries at most (SQS takes 256 KiB). */
export const IMPORTED_EVENT_MAX_CHARS = 60_000;

/**
 * The events of a CSV import, many products to an event: at most
 * `IMPORTED_PRODUCTS_PER_EVENT` products and about `IMPORTED_EVENT_MAX_CHARS` of JSON each
 * (a product larger than that gets an event of its own), in the order given.
 */
export function importedEvents(
  events: NewEvent<ProductEventPayload>[],
): NewEvent<ProductsImportedPayload>[] {
  const batches: NewEvent<ProductsImportedPayload>[] = [];
  let products: ImportedProductEvent[] = [];
  let chars = 0;
  const flush = () => {
    if (products.length === 0) return;
    batches.push({
      queue: Queues.CatalogEvents,
      type: CatalogEvents.ProductsImported,
      payload: { products },
    });
    products = [];
    chars = 0;
  };
  for (const event of events) {
    const item: ImportedProductEvent = {
      type: event.type as ProductEventType,
      product: event.payload,
    };
    const size = JSON.stringify(item).length + 1;
    if (products.length >= IMPORTED_PRODUCTS_PER_EVENT || chars + size > IMPORTED_EVENT_MAX_CHARS)
      flush();
    products.push(item);
    chars += size;
  }
  flush();
  return batches;
}
