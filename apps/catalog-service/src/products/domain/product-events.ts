import {
  CatalogEvents,
  type CatalogEventType,
  type FieldChange,
  type ProductEventPayload,
  Queues,
} from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';

/** An event for the `catalog-events` queue about one product, as it is after the change. */
export function productEvent(
  type: CatalogEventType,
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
export const updateEventType = (changes: Record<string, FieldChange>): CatalogEventType =>
  changes.active?.to === false ? CatalogEvents.ProductArchived : CatalogEvents.ProductUpdated;
