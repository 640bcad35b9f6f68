import { Injectable } from '@nestjs/common';
import type { ListMovementsQueryDto, Page, StockMovement } from '@inventory/contracts';
import { InvalidInputError } from '@inventory/platform';
import { StockSql } from '../../database/stock-sql.service';
import { MOVEMENT_COLUMNS, toMovement, type MovementRow } from '../../database/stock.rows';

const DEFAULT_PAGE_SIZE = 20;

/** The ledger, newest first, filtered by product, type and time. */
@Injectable()
export class ListMovementsQuery {
  constructor(private readonly sql: StockSql) {}

  async list(query: ListMovementsQueryDto): Promise<Page<StockMovement>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new InvalidInputError('Invalid request: to', [
        { field: 'to', message: 'to must be later than from' },
      ]);
    }

    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (condition: string, value: unknown) => {
      values.push(value);
      conditions.push(condition.replace('?', `$${values.length}`));
    };
    if (query.productId) where('product_id = ?::uuid', query.productId);
    if (query.type) where('type = ?', query.type);
    if (from) where('created_at >= ?', from);
    if (to) where('created_at < ?', to);
    const filter = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

    const [rows, [{ total }]] = await Promise.all([
      this.sql.query<MovementRow>(
        `SELECT ${MOVEMENT_COLUMNS} FROM stock_movements ${filter}
          ORDER BY seq DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        values,
      ),
      this.sql.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM stock_movements ${filter}`,
        values,
      ),
    ]);
    return { items: rows.map(toMovement), total, page, pageSize };
  }
}
