import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** GET /stock/movements: the newest ten, across all parts. */
export function useRecentMovements() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['movements', 'recent'],
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/stock/movements', { params: { query: { pageSize: 10 } }, signal })),
    refetchInterval: 30_000,
  });
}
