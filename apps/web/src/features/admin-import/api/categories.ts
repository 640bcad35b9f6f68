import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** GET /categories, as choices for the export's category filter. */
export function useCategoryChoices() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['categories'],
    queryFn: () => call(api.GET('/api/v1/categories')),
    select: (categories) =>
      categories.map((category) => ({ value: category.id, label: category.path.join(' › ') })),
  });
}
