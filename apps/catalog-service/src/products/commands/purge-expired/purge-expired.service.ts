import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { purgeProcessedMessages } from '@inventory/platform';
import { DataSource } from 'typeorm';

const PURGE_EVERY_MS = 60 * 60 * 1000;
export const PURGE_EXPIRED_TASK = 'purge-expired';

/**
 * Forgets the ids of stock-status events applied more than two weeks ago (copy-stock-status
 * records one per event, to ignore a redelivery): SQS keeps a message 4 days at most. Runs
 * hourly in every instance, like the stock service's purge. The interval is registered with
 * the SchedulerRegistry, which clears it at shutdown.
 */
@Injectable()
export class PurgeExpiredService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.purgeQuietly(), PURGE_EVERY_MS);
    timer.unref();
    this.registry.addInterval(PURGE_EXPIRED_TASK, timer);
  }

  /** Deletes what has expired; returns how many event ids went. */
  async purge(): Promise<{ processedMessages: number }> {
    const processedMessages = await purgeProcessedMessages(async (text, values) => {
      // TypeORM answers a DELETE with [rows, affected].
      const [, affected] = (await this.dataSource.query(text, values)) as [unknown[], number];
      return affected;
    });
    return { processedMessages };
  }

  private async purgeQuietly(): Promise<void> {
    try {
      const purged = await this.purge();
      this.logger.log({ event: 'task.run', task: PURGE_EXPIRED_TASK, ...purged }, 'purged');
    } catch (error) {
      this.logger.warn(
        { event: 'task.failed', task: PURGE_EXPIRED_TASK, err: error },
        'purge failed',
      );
    }
  }
}
