/** ok: above the reorder level; low: at or below it; out: nothing on hand. */
export type StockStatus = 'ok' | 'low' | 'out';

/** How many of a product there are, as the stock service reports it. */
export interface StockLevel {
  productId: string;
  sku: string | null;
  name: string | null;
  onHand: number;
  reorderLevel: number;
  status: StockStatus;
  location: string | null;
  lastMovementAt: string | null;
}
