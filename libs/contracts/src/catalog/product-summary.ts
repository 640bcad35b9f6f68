/**
 * What other services need to know about a product: identity, the names people see, and
 * whether it may still move. The catalog answers `catalog.products.get` / `getMany` with at
 * least these fields.
 */
export interface ProductSummary {
  id: string;
  sku: string;
  name: string;
  /** false once archived: no new stock movements. */
  active: boolean;
}
