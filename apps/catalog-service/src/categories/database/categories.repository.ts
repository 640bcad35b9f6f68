import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CategoryTree } from '../domain/category-tree';

export interface CategoryRecord {
  id: string;
  parentId: string | null;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductCounts {
  total: number;
  active: number;
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: CategoryRow): CategoryRecord => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The `categories` table. Every write to the tree holds the tree lock until it commits. */
@Injectable()
export class CategoriesRepository {
  /** Serialises changes to the tree: two concurrent moves could otherwise make a cycle. */
  async lockTree(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('catalog.categories'))`);
  }

  async tree(manager: EntityManager): Promise<CategoryTree<CategoryRecord>> {
    const rows: CategoryRow[] = await manager.query(
      `SELECT id, parent_id, name, description, created_at, updated_at FROM categories ORDER BY name`,
    );
    return new CategoryTree(rows.map(toRecord));
  }

  /** Products directly in each category. */
  async directProductCounts(manager: EntityManager): Promise<Map<string, ProductCounts>> {
    const rows: { category_id: string; total: number; active: number }[] = await manager.query(
      `SELECT category_id, count(*)::int AS total, count(*) FILTER (WHERE active)::int AS active
         FROM products WHERE category_id IS NOT NULL GROUP BY category_id`,
    );
    return new Map(rows.map((row) => [row.category_id, { total: row.total, active: row.active }]));
  }

  async productsIn(manager: EntityManager, categoryId: string): Promise<number> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count FROM products WHERE category_id = $1`,
      [categoryId],
    );
    return count;
  }

  async insert(
    manager: EntityManager,
    category: Pick<CategoryRecord, 'id' | 'parentId' | 'name' | 'description'>,
    actor: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO categories (id, parent_id, name, description, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [category.id, category.parentId, category.name, category.description, actor],
    );
  }

  async update(
    manager: EntityManager,
    category: Pick<CategoryRecord, 'id' | 'parentId' | 'name' | 'description'>,
    actor: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE categories SET parent_id = $2, name = $3, description = $4, updated_by = $5,
              updated_at = now()
        WHERE id = $1`,
      [category.id, category.parentId, category.name, category.description, actor],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM categories WHERE id = $1`, [id]);
  }
}
