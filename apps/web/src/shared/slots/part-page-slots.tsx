import { createContext, useContext, type ComponentType } from 'react';
import type { Schemas } from '@inventory/api-client';

export type Product = Schemas['ProductWithStockDto'];

/**
 * Places on the part page that other features fill, composed in app/slots.tsx (features never
 * import each other): the stock-over-time chart, the admin's actions and the audit history.
 */
export interface PartPageSlots {
  /** Stock over time with the reorder level drawn on it. */
  chart?: ComponentType<{ product: Product }>;
  /** Admin-only actions (edit, archive, media …); rendered for admins only. */
  adminActions?: ComponentType<{ product: Product }>;
  /** Who changed what on the part, movements included (the History tab). */
  history?: ComponentType<{ product: Product }>;
}

export const PartPageSlotsContext = createContext<PartPageSlots>({});

export function usePartPageSlots(): PartPageSlots {
  return useContext(PartPageSlotsContext);
}
