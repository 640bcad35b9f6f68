import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { deleteInBatches, purgeProcessedMessages, type ExecuteSql } from '@inventory/platform';
import { StockConfig } from '../../stock.config';
import { StockSql } from '../../database/stock-sql.service';

const PURGE_EVERY_MS = 60 * 60 * 1000;
export const PURGE_EXPIRED_TASK = 'purge-expired';
const BATCH = 5000;

/**
 * Forgets idempotency keys older than IDEMPOTENCY_KEY_RETENTION_HOURS (a retry after that
 * records a new movement) and processed catalog-event ids older than two weeks. Runs hourly
 * in every instance; deleting in small batches keeps locks short, and instances doing it at
 * once only find less to delete. The interval is registered with the SchedulerRegistry,
 * which clears it at shutdown.
 */
@Injectable()
export class PurgeExpiredService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly sql: StockSql,
    private readonly config: StockConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.purgeQuietly(), PURGE_EVERY_MS);
    timer.unref();
    this.registry.addInterval(PURGE_EXPIRED_TASK, timer);
  }

  /** Deletes what has expired; returns how many keys and event ids went. */
  async purge(): Promise<{ idempotencyKeys: number; processedMessages: number }> {
    const execute: ExecuteSql = (text, values) => this.sql.execute(text, values);
    const idempotencyKeys = await deleteInBatches(
      execute,
      `DELETE FROM idempotency_keys WHERE key IN (
         SELECT key FROM idempotency_keys
          WHERE created_at < now() - make_interval(hours => $1) LIMIT ${BATCH})`,
      [this.config.IDEMPOTENCY_KEY_RETENTION_HOURS],
      BATCH,
    );
    const processedMessages = await purgeProcessedMessages(execute);
    return { idempotencyKeys, processedMessages };
  }

  private async purgeQuietly(): Promise<void> {
    try {
      const purged = await this.purge();
      this.logger.log({ event: 'task.run', task: 'purge-expired', ...purged }, 'purged');
    } catch (error) {
      this.logger.warn({ event: 'task.failed', task: 'purge-expired', err: error }, 'purge failed');
    }
  }
}
