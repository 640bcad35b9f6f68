import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** How many active parts there are (the total of a one-row page). */
export function usePartCount() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['products', 'count'],
    queryFn: async ({ signal }) =>
      (
        await call(
          api.GET('/api/v1/products', { params: { query: { pageSize: 1, active: true } }, signal }),
        )
      ).total,
  });
}
