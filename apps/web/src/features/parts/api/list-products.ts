import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient, paths } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type ProductsQuery = NonNullable<paths['/api/v1/products']['get']['parameters']['query']>;
export type ProductSort = NonNullable<ProductsQuery['sort']>;
export type StockStatus = NonNullable<ProductsQuery['status']>;

function productsQuery(api: ApiClient, query: ProductsQuery) {
  return queryOptions({
    queryKey: ['products', 'list', query],
    queryFn: ({ signal }) => call(api.GET('/api/v1/products', { params: { query }, signal })),
  });
}

/** GET /products: one page, searched, filtered and sorted by the server. */
export function useProducts(query: ProductsQuery) {
  const { api } = useApi();
  return useQuery({
    ...productsQuery(api, query),
    // The previous page stays on screen while the next one loads: no flashing table.
    placeholderData: keepPreviousData,
  });
}

/**
 * Asks for a page before the page shows it: the search box sends its request the moment
 * typing pauses, and the URL (and the table) follow once it is answered. Resolves when the
 * answer (or the failure) is in the cache, at once when an earlier answer is; never rejects.
 */
export function usePrefetchProducts(): (query: ProductsQuery) => Promise<void> {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    (query) => {
      const options = productsQuery(api, query);
      const cached = queryClient.getQueryData(options.queryKey) !== undefined;
      const answered = queryClient.prefetchQuery(options);
      // A page already in the cache is shown at once (and refreshed in the background).
      return cached ? Promise.resolve() : answered;
    },
    [api, queryClient],
  );
}
