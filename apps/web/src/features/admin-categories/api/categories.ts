import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type Category = Schemas['CategoryDto'];

/** GET /categories: every category, depth-first (a parent right before its children). */
export function useCategories() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['categories'],
    queryFn: () => call(api.GET('/api/v1/categories')),
  });
}

/** POST /categories. */
export function useCreateCategory() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCategoryDto']) =>
      call(api.POST('/api/v1/categories', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}

/** PATCH /categories/{id}: rename, describe, move (a cycle is refused by the API). */
export function useUpdateCategory() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schemas['UpdateCategoryDto'] & { id: string }) =>
      call(api.PATCH('/api/v1/categories/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}

/** DELETE /categories/{id}: only when empty. */
export function useDeleteCategory() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/categories/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}
