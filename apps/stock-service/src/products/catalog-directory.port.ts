import type { ProductSummary } from '@inventory/contracts';

/**
 * The catalog, as the stock service needs it: what a product is, for products no catalog
 * event has told about yet. `findProduct` answers null when the catalog does not know the
 * id, and throws a `ServiceError` (503) when the catalog cannot be asked.
 */
export interface CatalogDirectory {
  findProduct(productId: string): Promise<ProductSummary | null>;
}

export const CATALOG_DIRECTORY = Symbol('CATALOG_DIRECTORY');
