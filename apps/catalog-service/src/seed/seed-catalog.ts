import { randomUUID } from 'node:crypto';
import { CatalogEvents } from '@inventory/contracts';
import type { Outbox } from '@inventory/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CategoriesRepository } from '../categories/database/categories.repository';
import { ProductsRepository } from '../products/database/products.repository';
import { productEvent } from '../products/domain/product-events';
import {
  SEED_CATEGORIES,
  SEED_CURRENCY,
  SEED_PRODUCTS,
  type SeedCategory,
} from './catalog.seed-data';

export type SeedResult = { seeded: false } | { seeded: true; categories: number; products: number };

/**
 * Loads the example electronics catalog into an empty catalog, announcing each product
 * (product.created) like any other. Does nothing when there is any product or category:
 * it never mixes with real data, and running it twice (or from two processes) is harmless.
 */
export async function seedCatalog(dataSource: DataSource, outbox: Outbox): Promise<SeedResult> {
  const categories = new CategoriesRepository();
  const products = new ProductsRepository();
  return dataSource.transaction(async (manager) => {
    await categories.lockTree(manager);
    const tree = await categories.tree(manager);
    if (tree.all().length > 0 || (await products.exists(manager))) return { seeded: false };

    const ids = new Map<string, string>();
    const insertCategory = async (category: SeedCategory, parentPath: string[]) => {
      const path = [...parentPath, category.name];
      const id = randomUUID();
      const parentId = parentPath.length > 0 ? ids.get(parentPath.join('/'))! : null;
      await categories.insert(
        manager,
        { id, parentId, name: category.name, description: category.description ?? null },
        null,
      );
      ids.set(path.join('/'), id);
      for (const child of category.children ?? []) await insertCategory(child, path);
    };
    for (const category of SEED_CATEGORIES) await insertCategory(category, []);

    const rows = SEED_PRODUCTS.map((product) => ({
      id: randomUUID(),
      fields: {
        sku: product.sku,
        name: product.name,
        description: product.description,
        categoryId: categoryId(ids, product.category),
        unitCost: product.unitCost,
        salePrice: product.salePrice,
        currency: SEED_CURRENCY,
        manufacturer: product.manufacturer,
        mpn: product.mpn,
        parameters: product.parameters,
        active: true,
      },
    }));
    await products.insertMany(manager, rows, null);
    await announce(manager, outbox, rows);
    return { seeded: true, categories: ids.size, products: rows.length };
  });
}

function categoryId(ids: Map<string, string>, path: string[]): string {
  const id = ids.get(path.join('/'));
  if (!id) throw new Error(`seed data: no category ${path.join(' > ')}`);
  return id;
}

async function announce(
  manager: EntityManager,
  outbox: Outbox,
  rows: { id: string; fields: { sku: string; name: string; active: boolean } }[],
): Promise<void> {
  await outbox.add(
    manager,
    rows.map(({ id, fields }) => productEvent(CatalogEvents.ProductCreated, { id, ...fields })),
  );
}
