import type { Schemas } from '@inventory/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type StockHistory = Schemas['StockHistoryDto'];
export const SPANS = [30, 90, 365] as const;
export type Span = (typeof SPANS)[number];

/** `GET /products/{id}/stock/history?days=`: on hand at the end of each day, from the ledger. */
export function useStockHistory(productId: string, days: Span) {
  const { api } = useApi();
  return useQuery({
    // Under ['stock']: recording a movement anywhere in the console refreshes it.
    queryKey: ['stock', 'history', productId, days],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/products/{id}/stock/history', {
          params: { path: { id: productId }, query: { days } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
