import { Injectable } from '@nestjs/common';
import type { StockHistory, StockHistoryPoint, StockHistorySpan } from '@inventory/contracts';
import { StockSql } from '../../database/stock-sql.service';
import { GetStockLevelsQuery } from '../get-stock-levels/get-stock-levels.query';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DayRow {
  day: string;
  closing: number;
  received: number;
  issued: number;
}

/**
 * A product's stock over time, read from the ledger: on hand at the end of each UTC day of
 * the span. Two statements on the (product_id, seq) index: the days that had movements
 * (their last quantity_after and what moved), and the quantity the span opened with.
 */
@Injectable()
export class GetStockHistoryQuery {
  constructor(
    private readonly sql: StockSql,
    private readonly levels: GetStockLevelsQuery,
  ) {}

  async history(
    productId: string,
    days: StockHistorySpan,
    now = new Date(),
  ): Promise<StockHistory> {
    const level = await this.levels.one(productId); // 404 for a product nobody knows
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const firstDay = new Date(today - (days - 1) * DAY_MS);

    const [dayRows, opening] = await Promise.all([
      this.sql.prepared<DayRow>(
        'stock-history-days',
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, closing, received, issued
           FROM (
             SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
                    (array_agg(quantity_after ORDER BY seq DESC))[1] AS closing,
                    coalesce(sum(delta) FILTER (WHERE delta > 0), 0)::int AS received,
                    coalesce(-sum(delta) FILTER (WHERE delta < 0), 0)::int AS issued
               FROM stock_movements
              WHERE product_id = $1::uuid AND created_at >= $2
              GROUP BY 1
           ) days
          ORDER BY day`,
        [productId, firstDay],
      ),
      this.sql.prepared<{ quantity_after: number }>(
        'stock-history-opening',
        `SELECT quantity_after FROM stock_movements
          WHERE product_id = $1::uuid AND created_at < $2
          ORDER BY seq DESC LIMIT 1`,
        [productId, firstDay],
      ),
    ]);

    const byDay = new Map(dayRows.map((row) => [row.day, row]));
    let onHand = opening[0]?.quantity_after ?? 0;
    const points: StockHistoryPoint[] = [];
    for (let index = 0; index < days; index += 1) {
      const day = new Date(firstDay.getTime() + index * DAY_MS).toISOString().slice(0, 10);
      const row = byDay.get(day);
      if (row) onHand = row.closing;
      points.push({ day, onHand, received: row?.received ?? 0, issued: row?.issued ?? 0 });
    }
    return {
      productId: level.productId,
      days,
      reorderLevel: level.reorderLevel,
      onHand: level.onHand,
      points,
    };
  }
}
