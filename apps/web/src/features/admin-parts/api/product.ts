import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type Product = Schemas['ProductWithStockDto'];
export type ProductInput = Schemas['CreateProductDto'];

export const productKey = (id: string) => ['products', id] as const;

/** GET /products/{id}: the part being edited, with its stock. */
export function useProduct(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: productKey(id),
    queryFn: () => call(api.GET('/api/v1/products/{id}', { params: { path: { id } } })),
  });
}

/** POST /products. Invalidates every product list. */
export function useCreateProduct() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductInput) => call(api.POST('/api/v1/products', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

/** PATCH /products/{id}. Invalidates the part and the lists. */
export function useUpdateProduct(id: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateProductDto']) =>
      call(api.PATCH('/api/v1/products/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

/** POST /products/{id}/archive: hidden from active lists, history kept. */
export function useArchiveProduct(id: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/products/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

/** DELETE /products/{id}: only a part with no stock history (409 otherwise). */
export function useDeleteProduct(id: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/products/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

/** The id of the part that already has a SKU, from the API's 409 message. */
export function clashingProductId(message: string | undefined): string | null {
  return /\(product ([0-9a-f-]{36})\)/i.exec(message ?? '')?.[1] ?? null;
}
