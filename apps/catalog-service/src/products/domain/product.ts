import type { ProductParameters } from '@inventory/contracts';

/** What an admin can set on a product (API field names). */
export interface ProductFields {
  sku: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  unitCost: string | null;
  salePrice: string | null;
  currency: string;
  manufacturer: string | null;
  mpn: string | null;
  parameters: ProductParameters;
  active: boolean;
}

export const PRODUCT_FIELDS: readonly (keyof ProductFields)[] = [
  'sku',
  'name',
  'description',
  'categoryId',
  'unitCost',
  'salePrice',
  'currency',
  'manufacturer',
  'mpn',
  'parameters',
  'active',
];

/** A product as stored. */
export interface ProductRecord extends ProductFields {
  id: string;
  archivedAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
  /** Storage key of the primary image, if there is one. */
  primaryImageKey: string | null;
}
