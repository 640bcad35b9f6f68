import type { Message } from '@aws-sdk/client-sqs';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  Optional,
  type FactoryProvider,
  type Type,
} from '@nestjs/common';
import type { EventEnvelope, QueueName } from '@inventory/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { validationDetails } from '../errors/validation';
import { HealthService } from '../health/health.service';
import { markProcessed, onceInStatement, type SqlStatement } from './processed-messages';
import { PoisonMessageError, QueueConsumers, type ConsumeOptions } from './queue-consumer';

/** Event types a subscription takes, the DTO (`{ type, payload }`) they validate against, and their version. */
export interface SubscribedEvents<E> {
  types: readonly string[];
  dto: new () => E;
  /** The only envelope version accepted (default 1); any other is poison. */
  version?: number;
}

/** What a handler gets besides its validated event. */
export interface SubscriptionContext {
  envelope: EventEnvelope;
  message: Message;
  /**
   * Runs `effect` in one transaction that first records the event id under the
   * subscription's name in processed_messages: the effect happens at most once per event, and
   * exactly when the id is recorded. Resolves `{ duplicate: true }` without running it when
   * the event was already processed. A thrown error rolls both back (the event is retried).
   */
  once<T>(effect: (manager: EntityManager) => Promise<T>): Promise<OnceOutcome<T>>;
  /**
   * `once` for an effect that is one INSERT, UPDATE or DELETE: the event id is recorded by
   * the same statement (`onceInStatement`: the statement's WHERE carries
   * `EXISTS (SELECT 1 FROM processed)`), in one round trip instead of four. The result is
   * the number of rows the statement changed.
   */
  onceStatement(effect: SqlStatement): Promise<OnceOutcome<number>>;
}

export type OnceOutcome<T> = { duplicate: false; result: T } | { duplicate: true };

/** The class that acts on a subscription's events. */
export interface SubscriptionHandler<E> {
  handle(event: E, context: SubscriptionContext): Promise<void>;
  /** Consume options that depend on the handler's configuration (pollers, …). */
  consumeOptions?(): ConsumeOptions;
}

/** One queue, the events taken from it, and the handler acting on them. */
export interface Subscription<E> {
  /** Names the subscription in processed_messages (`consumer`) and in logs: `<service>.<use-case>`. */
  name: string;
  queue: QueueName;
  events: readonly SubscribedEvents<E>[];
  handler: Type<SubscriptionHandler<E>>;
  options?: ConsumeOptions;
}

/**
 * Declares a subscription next to its handler, as a provider of the service's module (the
 * shape of eShop's `AddSubscription<TEvent, THandler>()`):
 *
 *     providers: [CopyCatalogProductHandler, subscribe(copyCatalogProduct)]
 *
 * The platform then consumes the queue once the application is up, validates every
 * envelope's type, version and payload (anything else is poison: dead-letter queue at once),
 * hands the event to the handler with its idempotency transaction, retries until SQS
 * answers, and reports the queue in the health check `queues`.
 */
export function subscribe<E>(subscription: Subscription<E>): FactoryProvider {
  return {
    provide: `subscription:${subscription.name}`,
    inject: [EventSubscriptions, subscription.handler],
    useFactory: (subscriptions: EventSubscriptions, handler: SubscriptionHandler<E>) =>
      subscriptions.add(subscription, handler),
  };
}

/**
 * The events of a subscription validated against their DTO. Anything the service cannot act
 * on — an unknown type, another version, a payload that does not validate — is a poison
 * message: it fails fast (logged with its message id by the consumer) and SQS moves it to
 * the dead-letter queue, where it waits for a person.
 */
export async function subscribedEvent<E extends object>(
  events: readonly SubscribedEvents<E>[],
  envelope: EventEnvelope,
): Promise<E> {
  const declared = events.find((e) => e.types.includes(envelope.type));
  if (!declared) {
    throw new PoisonMessageError(`unknown event type "${envelope.type}" (event ${envelope.id})`);
  }
  if (envelope.version !== (declared.version ?? 1)) {
    throw new PoisonMessageError(
      `unsupported version ${envelope.version} of ${envelope.type} (event ${envelope.id})`,
    );
  }
  const event = plainToInstance(declared.dto, { type: envelope.type, payload: envelope.payload });
  const errors = await validate(event, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const problems = validationDetails(errors)
      .slice(0, 5)
      .map((d) => `${d.field}: ${d.message}`);
    throw new PoisonMessageError(
      `invalid ${envelope.type} event ${envelope.id}: ${problems.join('; ')}`,
    );
  }
  return event;
}

interface Registered {
  subscription: Subscription<object>;
  handler: SubscriptionHandler<object>;
}

/**
 * Every subscription of the service. Consuming starts once the application is up; a queue
 * SQS cannot show yet is tried again in the background with back-off (health reports
 * `queues` down meanwhile) instead of holding up the start.
 */
@Injectable()
export class EventSubscriptions implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventSubscriptions');
  private readonly registered: Registered[] = [];
  private readonly consuming = new Set<string>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    private readonly consumers: QueueConsumers,
    private readonly dataSource: DataSource,
    @Optional() private readonly health?: HealthService,
  ) {}

  add<E>(subscription: Subscription<E>, handler: SubscriptionHandler<E>): Subscription<E> {
    this.registered.push({
      subscription: subscription as unknown as Subscription<object>,
      handler: handler as unknown as SubscriptionHandler<object>,
    });
    return subscription;
  }

  onApplicationBootstrap(): void {
    if (this.registered.length === 0) return;
    const queues = [...new Set(this.registered.map((r) => r.subscription.queue))];
    this.health?.register('queues', async () => {
      const missing = queues.filter((queue) => !this.consuming.has(queue));
      if (missing.length > 0) throw new Error(`not consuming ${missing.join(', ')} yet`);
      return `consuming ${queues.join(', ')}`;
    });
    for (const registered of this.registered) void this.start(registered);
  }

  private async start(registered: Registered, attempt = 0): Promise<void> {
    if (this.stopping) return;
    const { subscription, handler } = registered;
    const options = { ...subscription.options, ...handler.consumeOptions?.() };
    try {
      await this.consumers.consume(
        subscription.queue,
        (envelope, message) => this.deliver(registered, envelope, message),
        options,
      );
      if (this.stopping) return void (await this.consumers.stop());
      this.consuming.add(subscription.queue);
      this.logger.log(
        { event: 'queue.consuming', queue: subscription.queue, subscription: subscription.name },
        `consuming ${subscription.queue}`,
      );
    } catch (error) {
      const delay = Math.min(30_000, 1000 * 2 ** attempt);
      this.logger.warn(
        { event: 'queue.unavailable', queue: subscription.queue, err: error, retryInMs: delay },
        `cannot consume ${subscription.queue} yet`,
      );
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        void this.start(registered, attempt + 1);
      }, delay);
      this.retries.add(timer);
    }
  }

  private async deliver(
    { subscription, handler }: Registered,
    envelope: EventEnvelope,
    message: Message,
  ): Promise<void> {
    const event = await subscribedEvent(subscription.events, envelope);
    await handler.handle(event, {
      envelope,
      message,
      once: (effect) =>
        this.dataSource.transaction(async (manager) => {
          if (!(await markProcessed(manager, envelope.id, subscription.name))) {
            return { duplicate: true } as const;
          }
          return { duplicate: false, result: await effect(manager) } as const;
        }),
      onceStatement: async (effect) => {
        const { recorded, changed } = await onceInStatement(
          this.dataSource,
          envelope.id,
          subscription.name,
          effect,
        );
        return recorded ? { duplicate: false, result: changed } : { duplicate: true };
      },
    });
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
