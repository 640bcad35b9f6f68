import { Injectable } from '@nestjs/common';
import { stockStatus, type StockLevelEventPayload } from '@inventory/contracts';
import type { Sql } from './sql';

/**
 * The last stock level this service heard of, per product. SQS does not keep order, so an
 * event older than the one already recorded (by the stock service's timestamp) does not
 * overwrite it; its alert is still sent (one email per crossing), and logged as late. The
 * level is the one ok/low/out rule of libs/contracts (`stockStatus`), as the stock service
 * computes it.
 */
@Injectable()
export class AlertStateRepository {
  /** Records the level the event reports; false when a newer event was already recorded. */
  async record(sql: Sql, eventId: string, payload: StockLevelEventPayload): Promise<boolean> {
    const updated: unknown[] = await sql.query(
      `INSERT INTO alert_state (product_id, level, on_hand, reorder_level, changed_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (product_id) DO UPDATE
         SET level = EXCLUDED.level, on_hand = EXCLUDED.on_hand,
             reorder_level = EXCLUDED.reorder_level, changed_at = EXCLUDED.changed_at,
             event_id = EXCLUDED.event_id
         WHERE alert_state.changed_at <= EXCLUDED.changed_at
       RETURNING product_id`,
      [
        payload.productId,
        stockStatus(payload.after, payload.reorderLevel),
        payload.after,
        payload.reorderLevel,
        payload.at,
        eventId,
      ],
    );
    return updated.length === 1;
  }
}
