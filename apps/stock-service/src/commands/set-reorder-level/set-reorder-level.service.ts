import { Injectable, Logger } from '@nestjs/common';
import { Queues, type SetReorderLevelRequest, type StockLevel } from '@inventory/contracts';
import { Outbox, RequestContext, auditActorParams } from '@inventory/platform';
import { LEVEL_EVENT_TYPES } from '../../database/level-events';
import { StockSql } from '../../database/stock-sql.service';
import { toStockLevel, type StockItemRow } from '../../database/stock.rows';
import { ProductCopies } from '../../products/product-copies.repository';
import { SET_REORDER_LEVEL_SQL } from './set-reorder-level.sql';

/** An admin sets the level at or below which a product counts as low on stock. */
@Injectable()
export class SetReorderLevelService {
  private readonly logger = new Logger('ReorderLevels');

  constructor(
    private readonly sql: StockSql,
    private readonly products: ProductCopies,
    private readonly outbox: Outbox,
  ) {}

  async set(request: SetReorderLevelRequest): Promise<StockLevel> {
    // 404 for a product the catalog does not know; archived products may still be tuned.
    await this.products.findOrLearn(request.productId);
    const [row] = await this.outbox.written(() =>
      this.sql.query<StockItemRow & { reorder_before: number; events: string[] }>(
        SET_REORDER_LEVEL_SQL,
        [
          request.productId,
          request.reorderLevel,
          RequestContext.correlationId(),
          Queues.StockEvents,
          this.outbox.source,
          LEVEL_EVENT_TYPES,
          ...auditActorParams(),
        ],
      ),
    );
    this.logger.log(
      {
        event: 'stock.reorder_level_set',
        productId: row.product_id,
        sku: row.sku,
        onHand: row.on_hand,
        from: row.reorder_before,
        to: row.reorder_level,
        actorUserId: RequestContext.current()?.actor?.userId ?? null,
        events: row.events,
      },
      `reorder level of ${row.sku ?? row.product_id}: ${row.reorder_before} → ${row.reorder_level}`,
    );
    return toStockLevel(row);
  }
}
