import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** PUT /products/{id}/reorder-level. */
export function useSetReorderLevel(productId: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reorderLevel: number) =>
      call(
        api.PUT('/api/v1/products/{id}/reorder-level', {
          params: { path: { id: productId } },
          body: { reorderLevel },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}
