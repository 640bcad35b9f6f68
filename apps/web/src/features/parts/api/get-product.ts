import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** GET /products/{id}: the part with its stock. */
export function useProduct(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['products', 'one', id],
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/products/{id}', { params: { path: { id } }, signal })),
  });
}
