import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** Requests in flight at once: quick for 200 parts, gentle on the API. */
const IN_FLIGHT = 6;

export interface ReorderChange {
  productId: string;
  sku: string;
  reorderLevel: number;
}

/**
 * PUT /products/{id}/reorder-level for each change, a few at a time. Each part is set on its
 * own (the API has no bulk route; each change is its own audited write), so one refusal
 * leaves the others saved and is reported by SKU.
 */
export function useSetReorderLevels() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      changes,
      onProgress,
    }: {
      changes: ReorderChange[];
      onProgress: (done: number) => void;
    }) => {
      const failures: { sku: string; error: unknown }[] = [];
      let done = 0;
      const queue = [...changes];
      await Promise.all(
        Array.from({ length: Math.min(IN_FLIGHT, queue.length) }, async () => {
          for (let change = queue.shift(); change; change = queue.shift()) {
            try {
              await call(
                api.PUT('/api/v1/products/{id}/reorder-level', {
                  params: { path: { id: change.productId } },
                  body: { reorderLevel: change.reorderLevel },
                }),
              );
            } catch (error) {
              failures.push({ sku: change.sku, error });
            }
            onProgress(++done);
          }
        }),
      );
      return { saved: changes.length - failures.length, failures };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}
