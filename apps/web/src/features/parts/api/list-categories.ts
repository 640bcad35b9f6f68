import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

type Categories = Schemas['CategoryDto'][];

/** Sorted by path, as filter options. Made once: a new `select` would run on every render. */
const toOptions = (categories: Categories) =>
  [...categories]
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')))
    .map((category) => ({
      value: category.id,
      label: category.path.join(' › '),
    }));

/** GET /categories: the whole tree (flat, with paths), for the category filter. */
export function useCategoryOptions() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['categories', 'all'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/categories', { signal })),
    staleTime: 60_000,
    select: toOptions,
  });
}
