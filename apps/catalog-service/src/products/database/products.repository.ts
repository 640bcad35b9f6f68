import { Injectable } from '@nestjs/common';
import type { ProductParameters, ProductSort, StockStatus } from '@inventory/contracts';
import { PROCESSED, type SqlStatement } from '@inventory/platform';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../../database/sql';
import type { ProductFields, ProductRecord } from '../domain/product';

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category_id: string | null;
  unit_cost: string | null;
  sale_price: string | null;
  currency: string;
  manufacturer: string | null;
  mpn: string | null;
  parameters: ProductParameters;
  active: boolean;
  archived_at: Date | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
  primary_image_key: string | null;
}

const toRecord = (row: ProductRow): ProductRecord => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  description: row.description,
  categoryId: row.category_id,
  unitCost: row.unit_cost,
  salePrice: row.sale_price,
  currency: row.currency,
  manufacturer: row.manufacturer,
  mpn: row.mpn,
  parameters: row.parameters,
  active: row.active,
  archivedAt: row.archived_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  primaryImageKey: row.primary_image_key,
});

const SELECT_PRODUCTS = `
  SELECT p.id, p.sku, p.name, p.description, p.category_id, p.unit_cost::text AS unit_cost,
         p.sale_price::text AS sale_price, p.currency, p.manufacturer, p.mpn, p.parameters,
         p.active, p.archived_at, p.created_at, p.created_by, p.updated_at, p.updated_by,
         m.storage_key AS primary_image_key
    FROM products p
    LEFT JOIN product_media m ON m.product_id = p.id AND m.is_primary`;

const ORDER_BY: Record<ProductSort, string> = {
  name: 'p.name ASC, p.id ASC',
  '-name': 'p.name DESC, p.id DESC',
  sku: 'p.sku ASC',
  '-sku': 'p.sku DESC',
  createdAt: 'p.created_at ASC, p.id ASC',
  '-createdAt': 'p.created_at DESC, p.id DESC',
  updatedAt: 'p.updated_at ASC, p.id ASC',
  '-updatedAt': 'p.updated_at DESC, p.id DESC',
  salePrice: 'p.sale_price ASC NULLS LAST, p.id ASC',
  '-salePrice': 'p.sale_price DESC NULLS LAST, p.id DESC',
};

export interface ProductFilter {
  /** Words that must each appear in the SKU, name, MPN or description (any case). */
  words?: string[];
  /** Only the product with exactly this (upper-case) SKU. */
  sku?: string;
  /** Only products in these categories. */
  categoryIds?: string[];
  active?: boolean;
  /** Only products at this stock status (the copy kept from stock.status.changed events). */
  stockStatus?: StockStatus;
}

/** One array per column (parameters $1–$12): rows of any count in one statement. */
const UNNEST_COLUMNS = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[],
    $6::numeric[], $7::numeric[], $8::text[], $9::text[], $10::text[], $11::jsonb[],
    $12::boolean[])
  AS u(id, sku, name, description, category_id, unit_cost, sale_price, currency, manufacturer,
       mpn, parameters, active)`;

function columnArrays(rows: { id: string; fields: ProductFields }[]): unknown[] {
  const columns: unknown[][] = Array.from({ length: 12 }, () => []);
  for (const { id, fields: f } of rows) {
    const values = [
      id,
      f.sku,
      f.name,
      f.description,
      f.categoryId,
      f.unitCost,
      f.salePrice,
      f.currency,
      f.manufacturer,
      f.mpn,
      JSON.stringify(f.parameters),
      f.active,
    ];
    values.forEach((value, index) => columns[index].push(value));
  }
  return columns;
}

/** The WHERE conditions of a filter (`p` is products) and their parameters ($1 …). */
function filterConditions(filter: ProductFilter): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.sku !== undefined) {
    params.push(filter.sku);
    conditions.push(`p.sku = $${params.length}`);
  }
  if (filter.categoryIds) {
    params.push(filter.categoryIds);
    conditions.push(`p.category_id = ANY($${params.length}::uuid[])`);
  }
  if (filter.active !== undefined) {
    params.push(filter.active);
    conditions.push(`p.active = $${params.length}`);
  }
  if (filter.stockStatus !== undefined) {
    params.push(filter.stockStatus);
    conditions.push(`p.stock_status = $${params.length}`);
  }
  for (const word of filter.words ?? []) {
    // lower() in SQL, like the indexed column, so both fold case the same way.
    params.push(`%${escapeLike(word)}%`);
    conditions.push(`p.search_text LIKE lower($${params.length})`);
  }
  return { conditions, params };
}

/** The `products` table. */
@Injectable()
export class ProductsRepository {
  async findById(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ProductRecord | null> {
    const rows: ProductRow[] = await manager.query(
      `${SELECT_PRODUCTS} WHERE p.id = $1${options.lock ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByIds(manager: EntityManager, ids: string[]): Promise<ProductRecord[]> {
    if (ids.length === 0) return [];
    const rows: ProductRow[] = await manager.query(
      `${SELECT_PRODUCTS} WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toRecord);
  }

  async findBySku(manager: EntityManager, sku: string): Promise<ProductRecord | null> {
    const rows: ProductRow[] = await manager.query(`${SELECT_PRODUCTS} WHERE p.sku = $1`, [sku]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findBySkus(manager: EntityManager, skus: string[]): Promise<ProductRecord[]> {
    if (skus.length === 0) return [];
    const rows: ProductRow[] = await manager.query(
      `${SELECT_PRODUCTS} WHERE p.sku = ANY($1::text[])`,
      [skus],
    );
    return rows.map(toRecord);
  }

  /** One page in the given order, and how many products match in all. */
  async list(
    manager: EntityManager,
    filter: ProductFilter,
    page: { sort: ProductSort; limit: number; offset: number },
  ): Promise<{ records: ProductRecord[]; total: number }> {
    const { conditions, params } = filterConditions(filter);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const count = async () => {
      const [{ total }] = await manager.query(
        `SELECT count(*)::int AS total FROM products p ${where}`,
        params,
      );
      return total as number;
    };
    const limits = [...params, page.limit, page.offset];
    const [limit, offset] = [`$${params.length + 1}`, `$${params.length + 2}`];

    if (!filter.words?.length) {
      // Without search words the indexes serve both, side by side on two connections: the
      // count, and the page's ids (from the sort index alone, deep pages included); only
      // the rows of the page are then read from the table.
      const [rows, total] = await Promise.all([
        manager.query(
          `WITH page AS (
             SELECT p.id FROM products p ${where}
              ORDER BY ${ORDER_BY[page.sort]} LIMIT ${limit} OFFSET ${offset}
           )
           ${SELECT_PRODUCTS} WHERE p.id IN (SELECT id FROM page) ORDER BY ${ORDER_BY[page.sort]}`,
          limits,
        ) as Promise<ProductRow[]>,
        count(),
      ]);
      return { records: rows.map(toRecord), total };
    }

    // With search words, the trigram index finds the matches; walking the sort order instead
    // (which the planner may prefer) can read most of the table before finding a rare word.
    // The matches are collected once and give both the count and the page.
    const rows: (ProductRow & { total: number })[] = await manager.query(
      `WITH matches AS MATERIALIZED (
         SELECT p.id, p.name, p.sku, p.created_at, p.updated_at, p.sale_price
           FROM products p ${where}
       ),
       page AS (
         SELECT p.id FROM matches p ORDER BY ${ORDER_BY[page.sort]} LIMIT ${limit} OFFSET ${offset}
       )
       ${SELECT_PRODUCTS.replace('SELECT', 'SELECT (SELECT count(*)::int FROM matches) AS total,')}
        WHERE p.id IN (SELECT id FROM page)
        ORDER BY ${ORDER_BY[page.sort]}`,
      limits,
    );
    const total = rows.length > 0 ? rows[0].total : await count();
    return { records: rows.map(toRecord), total };
  }

  /**
   * The statement that sets the copy of a product's stock status, if `at` is newer than the
   * status it holds (events arrive in any order), for `SubscriptionContext.onceStatement`:
   * it applies only when the event's id was new.
   */
  stockStatusStatement(productId: string, status: StockStatus, at: string): SqlStatement {
    return {
      sql: `UPDATE products SET stock_status = $2, stock_status_at = $3
             WHERE id = $1 AND (stock_status_at IS NULL OR stock_status_at < $3)
               AND EXISTS (SELECT 1 FROM ${PROCESSED})`,
      params: [productId, status, at],
    };
  }

  /** Products that match `filter`, in SKU order after `afterSku`, for the CSV export. */
  async pageBySku(
    manager: EntityManager,
    afterSku: string | undefined,
    limit: number,
    filter: ProductFilter = {},
  ): Promise<ProductRecord[]> {
    const { conditions, params } = filterConditions(filter);
    params.push(afterSku ?? '');
    conditions.push(`p.sku > $${params.length}`);
    params.push(limit);
    const rows: ProductRow[] = await manager.query(
      `${SELECT_PRODUCTS} WHERE ${conditions.join(' AND ')} ORDER BY p.sku LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  async insert(
    manager: EntityManager,
    id: string,
    fields: ProductFields,
    actor: string | null,
  ): Promise<void> {
    await this.insertMany(manager, [{ id, fields }], actor);
  }

  /** Inserts many products in one statement (arrays, not one parameter per value). */
  async insertMany(
    manager: EntityManager,
    rows: { id: string; fields: ProductFields }[],
    actor: string | null,
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO products (id, sku, name, description, category_id, unit_cost, sale_price,
                             currency, manufacturer, mpn, parameters, active, archived_at,
                             created_by, updated_by)
       SELECT u.*, CASE WHEN u.active THEN NULL ELSE now() END, $13, $13
         FROM ${UNNEST_COLUMNS}`,
      [...columnArrays(rows), actor],
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: ProductFields,
    actor: string | null,
  ): Promise<void> {
    await this.updateMany(manager, [{ id, fields }], actor);
  }

  /**
   * Writes the given fields of many products in one statement. Archiving sets
   * `archived_at`; bringing a product back clears it.
   */
  async updateMany(
    manager: EntityManager,
    rows: { id: string; fields: ProductFields }[],
    actor: string | null,
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE products p
          SET sku = u.sku, name = u.name, description = u.description,
              category_id = u.category_id, unit_cost = u.unit_cost, sale_price = u.sale_price,
              currency = u.currency, manufacturer = u.manufacturer, mpn = u.mpn,
              parameters = u.parameters, active = u.active,
              archived_at = CASE WHEN u.active THEN NULL
                                 WHEN p.active THEN now() ELSE p.archived_at END,
              updated_by = $13, updated_at = now()
         FROM ${UNNEST_COLUMNS}
        WHERE p.id = u.id`,
      [...columnArrays(rows), actor],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM products WHERE id = $1`, [id]);
  }

  async exists(manager: EntityManager): Promise<boolean> {
    const [{ any }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM products) AS any`);
    return any;
  }
}
