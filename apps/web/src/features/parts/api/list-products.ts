import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type ProductsQuery = NonNullable<paths['/api/v1/products']['get']['parameters']['query']>;
export type ProductSort = NonNullable<ProductsQuery['sort']>;
export type StockStatus = NonNullable<ProductsQuery['status']>;

/** GET /products: one page, searched, filtered and sorted by the server. */
export function useProducts(query: ProductsQuery) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['products', 'list', query],
    queryFn: ({ signal }) => call(api.GET('/api/v1/products', { params: { query }, signal })),
    // The previous page stays on screen while the next one loads: no flashing table.
    placeholderData: keepPreviousData,
  });
}
