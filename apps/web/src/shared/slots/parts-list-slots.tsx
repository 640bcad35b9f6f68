import { createContext, useContext, type ComponentType } from 'react';
import type { Schemas } from '@inventory/api-client';

export type ListedProduct = Schemas['ProductWithStockDto'];

/** The parts list's filters as the API takes them (for "export this list"). */
export interface PartsListFilters {
  search?: string;
  categoryId?: string;
  status?: Schemas['StockStatus'];
}

/**
 * Places on the parts list that other features fill, composed in app/slots.tsx (features
 * never import each other). When `selectionActions` is set and the user is an admin, the
 * list's rows can be selected and the component acts on them.
 */
export interface PartsListSlots {
  selectionActions?: ComponentType<{
    selected: ListedProduct[];
    filters: PartsListFilters;
    onClear: () => void;
  }>;
}

export const PartsListSlotsContext = createContext<PartsListSlots>({});

export function usePartsListSlots(): PartsListSlots {
  return useContext(PartsListSlotsContext);
}
