import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export const HISTORY_PAGE_SIZE = 20;

/** GET /stock/movements?productId=: the part's ledger, newest first, paged. */
export function useProductMovements(productId: string, page: number) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['movements', 'product', productId, page],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/stock/movements', {
          params: { query: { productId, page, pageSize: HISTORY_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
