import { Injectable } from '@nestjs/common';
import type { StockLevel, StockSummary } from '@inventory/contracts';
import { StockConfig } from '../../stock.config';
import { StockSql } from '../../database/stock-sql.service';
import {
  emptyStockLevel,
  STOCK_ITEM_COLUMNS,
  toStockLevel,
  type StockItemRow,
} from '../../database/stock.rows';
import { MOST_URGENT_FIRST_SQL, NEEDS_ATTENTION_SQL } from '../../domain/stock-status';
import { ProductCopies } from '../../products/product-copies.repository';

/** How many of each product there are. */
@Injectable()
export class GetStockLevelsQuery {
  constructor(
    private readonly sql: StockSql,
    private readonly products: ProductCopies,
    private readonly config: StockConfig,
  ) {}

  /** One product; a product not heard of yet is looked up in the catalog (404 if unknown). */
  async one(productId: string): Promise<StockLevel> {
    const [known] = await this.rows([productId]);
    if (known) return toStockLevel(known);
    await this.products.findOrLearn(productId);
    const [learned] = await this.rows([productId]);
    return toStockLevel(learned);
  }

  /** One level per id, in the order asked; ids with no item read as 0 on hand. */
  async many(productIds: string[]): Promise<StockLevel[]> {
    if (productIds.length === 0) return [];
    const rows = await this.rows(productIds);
    const byId = new Map(rows.map((row) => [row.product_id, row]));
    return productIds.map((id) => {
      const row = byId.get(id.toLowerCase());
      return row ? toStockLevel(row) : emptyStockLevel(id, this.config.DEFAULT_REORDER_LEVEL);
    });
  }

  /**
   * Every active product that needs attention (or the `limit` first), most urgent first;
   * `status` keeps only the out-of-stock or only the low ones.
   */
  async low(limit?: number, status?: 'low' | 'out'): Promise<StockLevel[]> {
    const only = status === 'out' ? 'AND on_hand = 0' : status === 'low' ? 'AND on_hand > 0' : '';
    const rows = await this.sql.query<StockItemRow>(
      `SELECT ${STOCK_ITEM_COLUMNS} FROM stock_items
        WHERE active AND ${NEEDS_ATTENTION_SQL} ${only}
        ORDER BY ${MOST_URGENT_FIRST_SQL}
        LIMIT $1`,
      [limit ?? null],
    );
    return rows.map(toStockLevel);
  }

  /**
   * How many active products are ok, low and out: one pass over the stock items. Low and out
   * are the products that need attention; every other one is ok.
   */
  async summary(): Promise<StockSummary> {
    const [row] = await this.sql.query<{ active: string; low: string; out: string }>(
      `SELECT count(*) AS active,
              count(*) FILTER (WHERE ${NEEDS_ATTENTION_SQL} AND on_hand > 0) AS low,
              count(*) FILTER (WHERE ${NEEDS_ATTENTION_SQL} AND on_hand = 0) AS out
         FROM stock_items WHERE active`,
    );
    const active = Number(row.active);
    const low = Number(row.low);
    const out = Number(row.out);
    return { active, ok: active - low - out, low, out };
  }

  private rows(productIds: string[]): Promise<StockItemRow[]> {
    return this.sql.query<StockItemRow>(
      `SELECT ${STOCK_ITEM_COLUMNS} FROM stock_items WHERE product_id = ANY($1::uuid[])`,
      [productIds],
    );
  }
}
