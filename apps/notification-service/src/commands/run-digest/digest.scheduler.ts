import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { RequestContext } from '@inventory/platform';
import { CronJob } from 'cron';
import { NotificationConfig } from '../../notification.config';
import { DIGEST_TASK, DigestNotSentError, RunDigestService } from './run-digest.service';

/** After a scheduled run failed for a reason that may pass (SES or stock unavailable). */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000];

/**
 * Runs the digest on DIGEST_CRON in DIGEST_TIME_ZONE (when DIGEST_ENABLED). Every instance
 * has the schedule; the digest itself makes sure only one of them sends. A scheduled run
 * that fails because SES or the stock service is unavailable is tried again after 1, 5 and
 * 15 minutes (by this process; a restart forgets pending retries).
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DigestScheduler');
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(
    private readonly config: NotificationConfig,
    private readonly registry: SchedulerRegistry,
    private readonly digest: RunDigestService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.DIGEST_ENABLED) return;
    const job = CronJob.from({
      cronTime: this.config.DIGEST_CRON,
      timeZone: this.config.DIGEST_TIME_ZONE,
      onTick: () => this.runScheduled(0),
      start: true,
    });
    this.registry.addCronJob(DIGEST_TASK, job);
    this.logger.log(
      {
        event: 'task.scheduled',
        task: DIGEST_TASK,
        cron: this.config.DIGEST_CRON,
        timeZone: this.config.DIGEST_TIME_ZONE,
        next: job.nextDate().toISO(),
      },
      'low-stock digest scheduled',
    );
  }

  beforeApplicationShutdown(): void {
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  /** One scheduled run (its own correlation id); failures that may pass are retried. */
  async runScheduled(attempt: number): Promise<void> {
    const correlationId = `digest-${randomUUID()}`;
    await RequestContext.run({ correlationId }, async () => {
      try {
        await this.digest.run({ force: false, trigger: 'schedule' });
      } catch (error) {
        const permanent = error instanceof DigestNotSentError && error.permanent;
        const delay = RETRY_DELAYS_MS[attempt];
        if (permanent || delay === undefined) return;
        this.logger.warn(
          { event: 'task.retry_scheduled', task: DIGEST_TASK, attempt: attempt + 1, inMs: delay },
          'low-stock digest will be tried again',
        );
        const timer = setTimeout(() => {
          this.retries.delete(timer);
          void this.runScheduled(attempt + 1);
        }, delay);
        timer.unref();
        this.retries.add(timer);
      }
    });
  }
}
