import type { Schemas } from '@inventory/api-client';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type Category = Schemas['CategoryDto'];

/** `GET /categories`: the whole tree, depth-first, with product counts of each subtree. */
export function useCategories() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['categories', 'all'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/categories', { signal })),
    staleTime: 60_000,
  });
}
