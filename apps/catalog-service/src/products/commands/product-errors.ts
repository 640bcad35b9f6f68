import { ConflictError, UnprocessableError } from '@inventory/platform';
import type { EntityManager } from 'typeorm';
import {
  FOREIGN_KEY_VIOLATION,
  isViolationOf,
  postgresError,
  UNIQUE_VIOLATION,
} from '../../database/postgres-errors';
import type { ProductsRepository } from '../database/products.repository';

export const categoryNotFound = (categoryId: string) =>
  new UnprocessableError(`Category ${categoryId} not found`, [
    { field: 'categoryId', message: `no category with id ${categoryId}` },
  ]);

export const skuTaken = (sku: string, existing: { id: string; name: string }) =>
  new ConflictError(`SKU ${sku} is already used by "${existing.name}" (product ${existing.id})`, [
    { field: 'sku', message: `already used by product ${existing.id} "${existing.name}"` },
  ]);

/**
 * Turns what Postgres refused into the answer a person understands: a SKU taken (naming the
 * product that has it) or a category that disappeared meanwhile.
 */
export async function explainWriteError(
  error: unknown,
  fields: { sku: string; categoryId: string | null },
  products: ProductsRepository,
  manager: EntityManager,
): Promise<never> {
  if (isViolationOf(error, UNIQUE_VIOLATION, 'products_sku')) {
    const existing = await products.findBySku(manager, fields.sku);
    throw skuTaken(fields.sku, existing ?? { id: 'unknown', name: fields.sku });
  }
  if (postgresError(error).code === FOREIGN_KEY_VIOLATION && fields.categoryId) {
    throw categoryNotFound(fields.categoryId);
  }
  throw error;
}
