import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { deadLetterQueueName, Queues, type EventEnvelope } from '@inventory/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsString, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { AppBaseConfig } from '../src/config/base.config';
import { RequestContext } from '../src/context/request-context';
import { HealthService } from '../src/health/health.service';
import {
  EventSubscriptions,
  subscribe,
  type Subscription,
  type SubscriptionContext,
  type SubscriptionHandler,
} from '../src/sqs/event-subscriptions';
import { onceInStatement, PROCESSED } from '../src/sqs/processed-messages';
import { QueueConsumers } from '../src/sqs/queue-consumer';
import { QueueDirectory } from '../src/sqs/queue-directory';
import { drain, eventually, messagingFixture, sleep, type MessagingFixture } from './support';

class NotedPayloadDto {
  @IsString()
  label!: string;
}

class NotedEventDto {
  @IsIn(['note.added'])
  type!: 'note.added';

  @ValidateNested()
  @Type(() => NotedPayloadDto)
  payload!: NotedPayloadDto;
}

/** Writes each note once into a table of its own, recording what it saw. */
class NoteHandler implements SubscriptionHandler<NotedEventDto> {
  readonly seen: { label: string; correlationId?: string; duplicate: boolean }[] = [];

  constructor(private readonly fx: MessagingFixture) {}

  async handle(event: NotedEventDto, context: SubscriptionContext): Promise<void> {
    const outcome = await context.once((manager) =>
      manager.query('INSERT INTO notes (label) VALUES ($1)', [event.payload.label]),
    );
    this.seen.push({
      label: event.payload.label,
      correlationId: RequestContext.current()?.correlationId,
      duplicate: outcome.duplicate,
    });
  }
}

function envelope(payload: object, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'note.added',
    version: 2,
    occurredAt: new Date().toISOString(),
    source: 'test',
    correlationId: `corr-${randomUUID()}`,
    payload,
    ...overrides,
  };
}

describe('event subscriptions (SQS stand-in, real Postgres)', () => {
  let fx: MessagingFixture;
  let consumers: QueueConsumers;
  let subscriptions: EventSubscriptions;
  let health: HealthService;
  let handler: NoteHandler;
  const queue = Queues.NotificationRequests;
  const notes: Subscription<NotedEventDto> = {
    name: 'test.notes',
    queue,
    events: [{ types: ['note.added'], dto: NotedEventDto, version: 2 }],
    handler: NoteHandler,
  };

  beforeAll(async () => {
    fx = await messagingFixture();
    await fx.dataSource.query('CREATE TABLE notes (label text NOT NULL)');
  });

  beforeEach(async () => {
    await fx.dataSource.query('TRUNCATE notes, processed_messages');
    consumers = new QueueConsumers(fx.sqs, new QueueDirectory(fx.sqs, ''));
    health = new HealthService({ SERVICE_INSTANCE: 'test-1' } as AppBaseConfig);
    subscriptions = new EventSubscriptions(consumers, fx.dataSource, health);
    handler = new NoteHandler(fx);
    // What Nest does with the provider `subscribe(notes)`.
    subscribe(notes).useFactory(subscriptions, handler);
  });

  afterEach(async () => {
    await subscriptions.beforeApplicationShutdown();
    await drain(fx.sqs, fx.queueUrls[queue], 0);
    await drain(fx.sqs, fx.queueUrls[deadLetterQueueName(queue)], 0);
  });

  afterAll(async () => {
    await fx.close();
  });

  const send = (event: EventEnvelope) =>
    fx.sqs.send(
      new SendMessageCommand({ QueueUrl: fx.queueUrls[queue], MessageBody: JSON.stringify(event) }),
    );

  it('hands a declared event to its handler and sends another type, version or payload to the dead-letter queue at once', async () => {
    subscriptions.onApplicationBootstrap();
    const unknown = envelope({ label: 'x' }, { type: 'note.removed' });
    const oldVersion = envelope({ label: 'x' }, { version: 1 });
    const badPayload = envelope({ label: 42 });
    const good = envelope({ label: 'kept' });
    const started = Date.now();
    for (const event of [unknown, oldVersion, badPayload, good]) await send(event);

    const deadLettered: string[] = [];
    await eventually(
      'the three events the subscription cannot act on to reach the dead-letter queue',
      async () => {
        const messages = await drain(fx.sqs, fx.queueUrls[deadLetterQueueName(queue)], 0);
        deadLettered.push(...messages.map((m) => (JSON.parse(m.Body!) as EventEnvelope).id));
        return deadLettered.length === 3;
      },
      15_000,
    );
    // With back-off, the dead-letter queue would take 2 + 4 + 8 + 16 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(deadLettered.sort()).toEqual([unknown.id, oldVersion.id, badPayload.id].sort());
    expect(handler.seen).toEqual([
      { label: 'kept', correlationId: good.correlationId, duplicate: false },
    ]);
  });

  it('runs the effect once per event id, recorded under the subscription name in the same transaction', async () => {
    subscriptions.onApplicationBootstrap();
    const event = envelope({ label: 'once' });
    await send(event);
    await send(event);
    await eventually('both deliveries to be handled', async () => handler.seen.length === 2);
    expect(handler.seen.map((s) => s.duplicate).sort()).toEqual([false, true]);
    expect(await fx.dataSource.query('SELECT label FROM notes')).toEqual([{ label: 'once' }]);
    expect(await fx.dataSource.query('SELECT event_id, consumer FROM processed_messages')).toEqual([
      { event_id: event.id, consumer: 'test.notes' },
    ]);
  });

  it('runs a one-statement effect once per event id, the id recorded by that statement', async () => {
    const eventId = randomUUID();
    const note = (label: string) => ({
      sql: `INSERT INTO notes (label) SELECT $1 WHERE EXISTS (SELECT 1 FROM ${PROCESSED})`,
      params: [label],
    });
    // Two deliveries at once and one after: the first to insert the id applies the effect,
    // the concurrent one waits for its commit and then finds the id.
    const outcomes = await Promise.all([
      onceInStatement(fx.dataSource, eventId, 'test.notes', note('first')),
      onceInStatement(fx.dataSource, eventId, 'test.notes', note('second')),
    ]);
    outcomes.push(await onceInStatement(fx.dataSource, eventId, 'test.notes', note('third')));
    expect(outcomes.filter((o) => o.recorded)).toEqual([{ recorded: true, changed: 1 }]);
    expect(outcomes.filter((o) => !o.recorded)).toEqual([
      { recorded: false, changed: 0 },
      { recorded: false, changed: 0 },
    ]);
    expect(await fx.dataSource.query('SELECT count(*)::int AS notes FROM notes')).toEqual([
      { notes: 1 },
    ]);
    // Another subscription acts on the same event once too.
    expect(await onceInStatement(fx.dataSource, eventId, 'test.other', note('other'))).toEqual({
      recorded: true,
      changed: 1,
    });
    // A statement that would apply whether or not the id is new is refused before it runs.
    await expect(
      onceInStatement(fx.dataSource, randomUUID(), 'test.notes', {
        sql: 'INSERT INTO notes (label) VALUES ($1)',
        params: ['unguarded'],
      }),
    ).rejects.toThrow(/FROM processed/);
    expect(await fx.dataSource.query('SELECT count(*)::int AS notes FROM notes')).toEqual([
      { notes: 2 },
    ]);
  });

  it('reports the queue down in health until SQS answers, then consumes without a restart', async () => {
    await fx.sqsStandIn.stop();
    try {
      subscriptions.onApplicationBootstrap();
      await sleep(300);
      const down = await health.report();
      expect(down.checks.queues.status).toBe('down');
      expect(down.checks.queues.detail).toContain(`not consuming ${queue}`);
    } finally {
      await fx.sqsStandIn.start();
    }
    await eventually(
      'the queue to be consumed once SQS is back',
      async () => (await health.report()).checks.queues.status === 'up',
      15_000,
    );
    await send(envelope({ label: 'after the outage' }));
    await eventually('the event to be handled', async () => handler.seen.length === 1);
  });
});
