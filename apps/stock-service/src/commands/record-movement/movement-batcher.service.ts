import { Injectable, Logger } from '@nestjs/common';
import { Queues } from '@inventory/contracts';
import { Outbox } from '@inventory/platform';
import { StockSql } from '../../database/stock-sql.service';
import { StockConfig } from '../../stock.config';
import {
  RECORD_MOVEMENTS_SQL,
  recordMovementsValues,
  type MovementInput,
  type RecordMovementRow,
} from './record-movement.sql';

/**
 * Whether a recorded movement left rows in the outbox: its crossing events, or the
 * `stock.status.changed` that the `stock_items` trigger writes (migration 1764100000004). A
 * status change always comes with a crossing except one: leaving 0 on hand for a level still
 * at or below the reorder level (out → low), which crosses nothing.
 */
export function wroteOutboxRows(row: RecordMovementRow): boolean {
  if ((row.events?.length ?? 0) > 0) return true;
  return row.before === 0 && (row.quantity_after ?? 0) > 0;
}

interface Pending {
  movement: MovementInput;
  resolve: (row: RecordMovementRow | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Hands movements to Postgres in batches: while MOVEMENT_LANES batches are running, new
 * movements wait and then go together in the next one (at most MOVEMENT_BATCH_SIZE). When
 * the service is quiet a movement goes alone, at once; under load, one transaction and one
 * commit serve many movements, and a hot product's row lock is taken once per batch instead
 * of once per movement. Each movement is still all-or-nothing: it is recorded with its
 * ledger row, key and events, or leaves nothing behind.
 *
 * Answers null for a movement the batch did not answer (its idempotency key's owner
 * vanished meanwhile): the caller submits it again.
 */
@Injectable()
export class MovementBatcher {
  private readonly queue: Pending[] = [];
  private running = 0;
  private readonly logger = new Logger('MovementBatcher');

  constructor(
    private readonly sql: StockSql,
    private readonly config: StockConfig,
    private readonly outbox: Outbox,
  ) {}

  submit(movement: MovementInput): Promise<RecordMovementRow | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ movement, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.config.MOVEMENT_LANES && this.queue.length > 0) {
      const batch = this.take();
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.drain();
      });
    }
  }

  /** The next batch: oldest first, at most one movement per idempotency key. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.config.MOVEMENT_BATCH_SIZE;) {
      const key = this.queue[i].movement.idempotencyKey;
      if (key !== null && keys.has(key)) {
        i++;
        continue;
      }
      if (key !== null) keys.add(key);
      batch.push(...this.queue.splice(i, 1));
    }
    return batch;
  }

  private async run(batch: Pending[]): Promise<void> {
    let rows: RecordMovementRow[];
    try {
      rows = await this.outbox.written(
        () =>
          this.sql.prepared<RecordMovementRow>(
            'stock_record_movements',
            RECORD_MOVEMENTS_SQL,
            recordMovementsValues(
              batch.map((p) => p.movement),
              Queues.StockEvents,
              this.outbox.source,
            ),
          ),
        // Only crossings and changes of status write events: most batches wake nothing.
        (written) => written.some(wroteOutboxRows),
      );
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // Whatever failed, it failed for the whole transaction: nothing of it was recorded.
      // Each movement is tried again on its own, so one cannot fail the others.
      this.logger.warn(
        { event: 'stock.batch_failed', size: batch.length, err: error },
        'a batch of movements failed; recording them one by one',
      );
      await Promise.all(
        batch.map((p) =>
          this.run([p]).catch(() => undefined /* rejected through its own promise */),
        ),
      );
      return;
    }
    const byOrd = new Map(rows.map((row) => [row.ord, row]));
    batch.forEach((p, index) => p.resolve(byOrd.get(index + 1) ?? null));
  }
}
