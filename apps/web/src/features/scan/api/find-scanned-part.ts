import type { ApiClient, Schemas } from '@inventory/api-client';
import { call } from '../../../shared/api/problem';
import type { ScanTarget } from '../recognisers';

export type ScannedPart = Schemas['ProductWithStockDto'];

/**
 * The part a recognised code points at, or null when there is none (an unknown SKU, a label
 * of a deleted part). By id: `GET /products/{id}`; by SKU: `GET /products?sku=` (exact).
 */
export async function findScannedPart(
  api: ApiClient,
  target: ScanTarget,
): Promise<ScannedPart | null> {
  if (target.kind === 'product-id') {
    try {
      return await call(
        api.GET('/api/v1/products/{id}', { params: { path: { id: target.productId } } }),
      );
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
  const page = await call(
    api.GET('/api/v1/products', { params: { query: { sku: target.sku, pageSize: 1 } } }),
  );
  return page.items[0] ?? null;
}

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: number }).status === 404
  );
}
