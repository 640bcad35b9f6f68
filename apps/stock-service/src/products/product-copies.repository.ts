import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@inventory/platform';
import type { EntityManager } from 'typeorm';
import { StockConfig } from '../stock.config';
import { StockSql } from '../database/stock-sql.service';
import { CATALOG_DIRECTORY, type CatalogDirectory } from './catalog-directory.port';

/** What the stock service keeps of a catalog product. */
export interface ProductCopy {
  productId: string;
  sku: string | null;
  name: string | null;
  active: boolean;
}

/** A product as a catalog event describes it, with when the catalog changed it. */
export interface CatalogProductState {
  productId: string;
  sku: string;
  name: string;
  active: boolean;
  /** The event's occurredAt; null for a copy taken by asking the catalog. */
  changedAt: Date | null;
}

/**
 * The stock service's copy of catalog products: SKU, name and whether the product may move.
 * Copies come from catalog events; a product no event has told about yet is looked up in
 * the catalog once and remembered.
 */
@Injectable()
export class ProductCopies {
  constructor(
    private readonly sql: StockSql,
    private readonly config: StockConfig,
    @Inject(CATALOG_DIRECTORY) private readonly catalog: CatalogDirectory,
  ) {}

  async find(productId: string): Promise<ProductCopy | null> {
    const [row] = await this.sql.query<{
      product_id: string;
      sku: string | null;
      name: string | null;
      active: boolean;
    }>('SELECT product_id, sku, name, active FROM stock_items WHERE product_id = $1', [productId]);
    return row ? { productId, sku: row.sku, name: row.name, active: row.active } : null;
  }

  /**
   * The copy of a product, asking the catalog when there is none yet. Throws 404 when the
   * catalog does not know the product, 503 when the catalog cannot be asked.
   */
  async findOrLearn(productId: string): Promise<ProductCopy> {
    const known = await this.find(productId);
    if (known) return known;
    const product = await this.catalog.findProduct(productId);
    if (!product) throw new NotFoundError(`Unknown product ${productId}`);
    await this.save(this.sql, {
      productId,
      sku: product.sku,
      name: product.name,
      active: product.active,
      changedAt: null,
    });
    return (await this.find(productId))!;
  }

  /**
   * Creates or refreshes a copy. A catalog event older than the one already applied is
   * ignored (events may arrive out of order); a copy taken by asking the catalog never
   * replaces one that came from an event, and any later event replaces it.
   */
  async save(
    db: Pick<EntityManager, 'query'> | StockSql,
    product: CatalogProductState,
  ): Promise<void> {
    await db.query(
      `INSERT INTO stock_items (product_id, sku, name, active, reorder_level, catalog_event_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (product_id) DO UPDATE
          SET sku = EXCLUDED.sku, name = EXCLUDED.name, active = EXCLUDED.active,
              catalog_event_at = EXCLUDED.catalog_event_at, updated_at = clock_timestamp()
        WHERE EXCLUDED.catalog_event_at IS NOT NULL
          AND (stock_items.catalog_event_at IS NULL
               OR stock_items.catalog_event_at <= EXCLUDED.catalog_event_at)`,
      [
        product.productId,
        product.sku,
        product.name,
        product.active,
        this.config.DEFAULT_REORDER_LEVEL,
        product.changedAt,
      ],
    );
  }

  /**
   * `save` for many products at once, all changed at `changedAt` (one `products.imported`
   * event): one statement, the same ordering rule. Answers how many copies changed.
   */
  async saveMany(
    db: Pick<EntityManager, 'query'>,
    products: Omit<CatalogProductState, 'changedAt'>[],
    changedAt: Date,
  ): Promise<number> {
    if (products.length === 0) return 0;
    // The last state of a product the batch names twice wins, as in the import itself.
    const latest = [...new Map(products.map((p) => [p.productId, p])).values()].sort((a, b) =>
      a.productId.localeCompare(b.productId),
    );
    const rows: unknown[] = await db.query(
      `INSERT INTO stock_items (product_id, sku, name, active, reorder_level, catalog_event_at)
       SELECT v.product_id, v.sku, v.name, v.active, $5, $6
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[])
              AS v (product_id, sku, name, active)
       ON CONFLICT (product_id) DO UPDATE
          SET sku = EXCLUDED.sku, name = EXCLUDED.name, active = EXCLUDED.active,
              catalog_event_at = EXCLUDED.catalog_event_at, updated_at = clock_timestamp()
        WHERE stock_items.catalog_event_at IS NULL
           OR stock_items.catalog_event_at <= EXCLUDED.catalog_event_at
       RETURNING product_id`,
      [
        latest.map((p) => p.productId),
        latest.map((p) => p.sku),
        latest.map((p) => p.name),
        latest.map((p) => p.active),
        this.config.DEFAULT_REORDER_LEVEL,
        changedAt,
      ],
    );
    return rows.length;
  }
}
