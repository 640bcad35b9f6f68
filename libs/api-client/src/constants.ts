// Generated from the gateway's OpenAPI document by `npx nx run api-client:generate`.
// Do not edit: change the gateway and generate again.

import type { components } from './schema';

/** A column of the product CSV, in export order: the header of an import names some of them (sku is required), an export has all of them. */
export const PRODUCT_CSV_COLUMN_VALUES = [
  'sku',
  'name',
  'description',
  'category',
  'unitCost',
  'salePrice',
  'currency',
  'manufacturer',
  'mpn',
  'parameters',
  'active',
] as const satisfies readonly components['schemas']['ProductCsvColumn'][];

export const PRODUCT_SORT_VALUES = [
  'name',
  '-name',
  'sku',
  '-sku',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'salePrice',
  '-salePrice',
] as const satisfies readonly components['schemas']['ProductSort'][];

export const ROLE_VALUES = [
  'admin',
  'staff',
] as const satisfies readonly components['schemas']['Role'][];
