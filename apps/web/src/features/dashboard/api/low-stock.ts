import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** GET /stock/low: out of stock first, then the smallest share of the reorder level left. */
export function useLowStock() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['stock', 'low'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/stock/low', { signal })),
    refetchInterval: 60_000,
  });
}
