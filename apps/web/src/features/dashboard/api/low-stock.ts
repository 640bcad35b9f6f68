import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** How many of the most urgent parts the dashboard lists per status. */
export const ATTENTION_LIMIT = 10;

/**
 * GET /stock/low?status=&limit=: the most urgent out-of-stock or low parts (the smallest share
 * of the reorder level left first).
 */
export function useLowStock(status: 'out' | 'low') {
  const { api } = useApi();
  return useQuery({
    queryKey: ['stock', 'low', status, ATTENTION_LIMIT],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/stock/low', {
          params: { query: { status, limit: ATTENTION_LIMIT } },
          signal,
        }),
      ),
    refetchInterval: 60_000,
  });
}
