import { Injectable } from '@nestjs/common';
import {
  AuditActions,
  type AuditEntryDto,
  AuditEntityTypes,
  type ListAuditRequestDto,
  Services,
} from '@inventory/contracts';
import { AuditTrail, auditWhere } from '@inventory/platform';
import { DataSource } from 'typeorm';

interface MovementRow {
  id: string;
  product_id: string;
  sku: string | null;
  type: string;
  delta: number;
  quantity_after: number;
  reason: string | null;
  actor_user_id: string | null;
  correlation_id: string;
  created_at: Date;
}

const VERBS: Record<string, string> = {
  receive: 'Received',
  issue: 'Issued',
  adjust: 'Adjusted',
  stocktake: 'Counted',
};

/**
 * Stock's trail: its own entries (reorder levels) and, read from the ledger rather than
 * copied, every movement as a `stock.movement.recorded` entry linking the movement.
 */
@Injectable()
export class ListAuditQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: ListAuditRequestDto): Promise<AuditEntryDto[]> {
    const [own, movements] = await Promise.all([
      AuditTrail.list(this.dataSource.manager, Services.Stock, filter),
      this.movements(filter),
    ]);
    return [...own, ...movements]
      .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))
      .slice(0, filter.limit);
  }

  private async movements(filter: ListAuditRequestDto): Promise<AuditEntryDto[]> {
    const action = AuditActions.MovementRecorded;
    if (
      filter.action &&
      !(filter.action.endsWith('.') ? action.startsWith(filter.action) : filter.action === action)
    ) {
      return [];
    }
    if (filter.entityType && filter.entityType !== AuditEntityTypes.Product) return [];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (filter.entityId && !uuid.test(filter.entityId)) return [];
    const { where, values } = auditWhere(
      { ...filter, action: undefined, entityType: undefined },
      { at: 'm.created_at', actor: 'm.actor_user_id', entityId: 'm.product_id' },
    );
    values.push(filter.limit);
    // The ledger's seq follows its time: newest first by seq uses (product_id, seq).
    const rows: MovementRow[] = await this.dataSource.query(
      `SELECT m.id, m.product_id, s.sku, m.type, m.delta, m.quantity_after, m.reason,
              m.actor_user_id, m.correlation_id, m.created_at
         FROM stock_movements m JOIN stock_items s USING (product_id)
        ${where}
        ORDER BY m.seq DESC
        LIMIT $${values.length}`,
      values,
    );
    return rows.map((row) => ({
      id: row.id,
      movementId: row.id,
      at: new Date(row.created_at).toISOString(),
      actor: { userId: row.actor_user_id, email: null, role: null },
      action,
      entityType: AuditEntityTypes.Product,
      entityId: row.product_id,
      summary:
        `${VERBS[row.type] ?? row.type} ${Math.abs(row.delta)} of ${row.sku ?? row.product_id}` +
        ` (on hand ${row.quantity_after - row.delta} → ${row.quantity_after})` +
        (row.reason ? `: ${row.reason}` : ''),
      changes: [{ field: 'onHand', from: row.quantity_after - row.delta, to: row.quantity_after }],
      correlationId: row.correlation_id,
      origin: row.actor_user_id ? 'api' : 'system',
      service: Services.Stock,
    }));
  }
}
