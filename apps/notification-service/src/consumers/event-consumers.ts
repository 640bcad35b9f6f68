import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Queues, type QueueName } from '@inventory/contracts';
import {
  HealthService,
  QueueConsumers,
  type ConsumeOptions,
  type EventHandler,
} from '@inventory/platform';
import { SendAccountEmailService } from '../commands/send-account-email/send-account-email.service';
import { StockEventsHandler } from '../commands/send-stock-alert/stock-events.handler';
import { NotificationConfig } from '../notification.config';

/**
 * Seconds before SQS delivers a failed event again, by receive count: 5, 15, 45, 135. An
 * SES outage of about three minutes is ridden out; a longer one leaves the events in the
 * dead-letter queue, from where they can be redriven (they are idempotent). Poison
 * messages skip the wait and reach the dead-letter queue within a second.
 */
export const eventRetryDelaySeconds = (receives: number) => Math.min(300, 5 * 3 ** (receives - 1));

/**
 * Starts consuming both queues once the application is up. If SQS cannot be reached at
 * that moment, it keeps trying in the background (health reports `queues` down meanwhile)
 * instead of refusing to start.
 */
@Injectable()
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventConsumers');
  private readonly consuming = new Set<QueueName>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    private readonly consumers: QueueConsumers,
    private readonly health: HealthService,
    private readonly config: NotificationConfig,
    private readonly stockEvents: StockEventsHandler,
    private readonly accountEmails: SendAccountEmailService,
  ) {}

  onApplicationBootstrap(): void {
    const queues: QueueName[] = [Queues.StockEvents, Queues.NotificationRequests];
    this.health.register('queues', async () => {
      const missing = queues.filter((queue) => !this.consuming.has(queue));
      if (missing.length > 0) throw new Error(`not consuming ${missing.join(', ')} yet`);
      return `consuming ${queues.join(', ')}`;
    });
    void this.start(Queues.StockEvents, (event) => this.stockEvents.handle(event), {
      pollers: this.config.STOCK_EVENTS_POLLERS,
    });
    void this.start(Queues.NotificationRequests, (event) => this.accountEmails.handle(event), {
      pollers: 1,
    });
  }

  private async start(
    queue: QueueName,
    handler: EventHandler,
    options: ConsumeOptions,
    attempt = 0,
  ): Promise<void> {
    if (this.stopping) return;
    try {
      await this.consumers.consume(queue, handler, {
        batchSize: 10,
        retryDelaySeconds: eventRetryDelaySeconds,
        ...options,
      });
      if (this.stopping) return void (await this.consumers.stop());
      this.consuming.add(queue);
      this.logger.log({ event: 'queue.consuming', queue, ...options }, `consuming ${queue}`);
    } catch (error) {
      const delay = Math.min(30_000, 1000 * 2 ** attempt);
      this.logger.warn(
        { event: 'queue.unavailable', queue, err: error, retryInMs: delay },
        `cannot consume ${queue} yet`,
      );
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        void this.start(queue, handler, options, attempt + 1);
      }, delay);
      this.retries.add(timer);
    }
  }

  /** Stop polling and let the messages in hand finish, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    await this.consumers.stop();
    this.consuming.clear();
  }
}
