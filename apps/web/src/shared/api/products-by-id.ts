import { useQueries } from '@tanstack/react-query';
import { useApi } from './api-context';
import { call } from './problem';

/** GET /products/{id} for each id (a selection carried in the URL), in the given order. */
export function useProductsById(ids: readonly string[]) {
  const { api } = useApi();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['products', id],
      queryFn: () => call(api.GET('/api/v1/products/{id}', { params: { path: { id } } })),
    })),
  });
}

/** `ids` of a page's search: a comma-separated list of product ids. */
export const parseIds = (value: string | undefined): string[] =>
  [...new Set((value ?? '').split(',').map((id) => id.trim()))].filter((id) =>
    /^[0-9a-f-]{36}$/i.test(id),
  );
