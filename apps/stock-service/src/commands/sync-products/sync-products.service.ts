import { Injectable, Logger } from '@nestjs/common';
import type { SyncProductsReply, SyncProductsRequest } from '@inventory/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { StockConfig } from '../../stock.config';

/** Thrown inside the transaction to undo it when a product to delete has history. */
class HasHistory extends Error {
  constructor(readonly history: SyncProductsReply['history']) {
    super('has stock history');
  }
}

/**
 * The catalog's state of some products, applied at once: the catalog asks for it right
 * after an archive (and before a delete), so that from its answer on no movement is
 * recorded for those products, whatever the catalog-events queue still holds. The same
 * rule as for events applies: a state older than the copy's last one is ignored, so the
 * events arriving later (or earlier) change nothing more.
 *
 * Every product's row is locked (in product id order, like movement batches) for the
 * change: a movement being recorded for one of them finishes first or waits and then
 * finds the product inactive.
 */
@Injectable()
export class SyncProductsService {
  private readonly logger = new Logger('CatalogSync');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: StockConfig,
  ) {}

  async sync(request: SyncProductsRequest): Promise<SyncProductsReply> {
    const products = [...new Map(request.products.map((p) => [p.productId, p])).values()];
    const columns = [
      products.map((p) => p.productId),
      products.map((p) => p.sku),
      products.map((p) => p.name),
      products.map((p) => p.active),
      products.map((p) => p.changedAt),
    ];
    try {
      const applied = await this.dataSource.transaction(async (tx) => {
        // A product no event has told about yet gets its copy now, so there is a row to lock.
        await tx.query(
          `INSERT INTO stock_items (product_id, sku, name, active, reorder_level, catalog_event_at)
           SELECT v.product_id, v.sku, v.name, v.active, $6, v.changed_at
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::timestamptz[])
                  AS v (product_id, sku, name, active, changed_at)
           ORDER BY v.product_id
           ON CONFLICT (product_id) DO NOTHING`,
          [...columns, this.config.DEFAULT_REORDER_LEVEL],
        );
        const locked: { product_id: string; last_movement_at: Date | null }[] = await tx.query(
          `SELECT product_id, last_movement_at FROM stock_items
            WHERE product_id = ANY($1::uuid[]) ORDER BY product_id FOR UPDATE`,
          [columns[0]],
        );
        if (request.requireNoHistory) {
          const history = locked
            .filter((row) => row.last_movement_at !== null)
            .map((row) => ({
              productId: row.product_id,
              lastMovementAt: new Date(row.last_movement_at!).toISOString(),
            }));
          if (history.length > 0) throw new HasHistory(history);
        }
        return this.apply(tx, columns);
      });
      this.logger.log(
        {
          event: 'stock.products_synced',
          products: products.length,
          applied,
          inactive: products.filter((p) => !p.active).length,
          ...(products.length === 1 ? { productId: products[0].productId } : {}),
        },
        `catalog state of ${products.length} product(s) applied`,
      );
      return { applied, history: [] };
    } catch (error) {
      if (error instanceof HasHistory) return { applied: 0, history: error.history };
      throw error;
    }
  }

  private async apply(tx: EntityManager, columns: unknown[][]): Promise<number> {
    const [, count]: [unknown[], number] = await tx.query(
      `UPDATE stock_items s
          SET sku = v.sku, name = v.name, active = v.active, catalog_event_at = v.changed_at,
              updated_at = clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::timestamptz[])
              AS v (product_id, sku, name, active, changed_at)
        WHERE s.product_id = v.product_id
          AND (s.catalog_event_at IS NULL OR s.catalog_event_at <= v.changed_at)`,
      columns,
    );
    return Number(count);
  }
}
