import {
  stockStatus,
  type MovementType,
  type StockLevel,
  type StockMovement,
} from '@inventory/contracts';

/** A ledger row as selected from `stock_movements`. */
export interface MovementRow {
  id: string;
  product_id: string;
  type: string;
  delta: number;
  quantity_after: number;
  reason: string | null;
  reference: string | null;
  actor_user_id: string | null;
  correlation_id: string;
  created_at: Date;
}

export const MOVEMENT_COLUMNS = `id, product_id, type, delta, quantity_after, reason, reference,
  actor_user_id, correlation_id, created_at`;

export function toMovement(row: MovementRow): StockMovement {
  return {
    id: row.id,
    productId: row.product_id,
    type: row.type as MovementType,
    delta: row.delta,
    quantityAfter: row.quantity_after,
    reason: row.reason,
    reference: row.reference,
    actorUserId: row.actor_user_id,
    correlationId: row.correlation_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** A stock item as selected from `stock_items`. */
export interface StockItemRow {
  product_id: string;
  sku: string | null;
  name: string | null;
  on_hand: number;
  reorder_level: number;
  location: string | null;
  last_movement_at: Date | null;
}

export const STOCK_ITEM_COLUMNS = `product_id, sku, name, on_hand, reorder_level, location,
  last_movement_at`;

export function toStockLevel(row: StockItemRow): StockLevel {
  return {
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    onHand: row.on_hand,
    reorderLevel: row.reorder_level,
    status: stockStatus(row.on_hand, row.reorder_level),
    location: row.location,
    lastMovementAt: row.last_movement_at?.toISOString() ?? null,
  };
}

/** The level of a product the stock service has no item for: nothing on hand, no history. */
export function emptyStockLevel(productId: string, reorderLevel: number): StockLevel {
  return toStockLevel({
    product_id: productId,
    sku: null,
    name: null,
    on_hand: 0,
    reorder_level: reorderLevel,
    location: null,
    last_movement_at: null,
  });
}
