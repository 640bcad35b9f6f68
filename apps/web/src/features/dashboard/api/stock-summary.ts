import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** GET /stock/summary: how many active parts are in stock, low and out. */
export function useStockSummary() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['stock', 'summary'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/stock/summary', { signal })),
    refetchInterval: 60_000,
  });
}
