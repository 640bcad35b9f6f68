import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { deadLetterQueueName, Queues, type EventEnvelope } from '@inventory/contracts';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../src/context/request-context';
import { markProcessed } from '../src/sqs/processed-messages';
import { PoisonMessageError, QueueConsumers } from '../src/sqs/queue-consumer';
import { QueueDirectory } from '../src/sqs/queue-directory';
import { drain, eventually, messagingFixture, sleep, type MessagingFixture } from './support';

function envelope(type: string, payload: object): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'test',
    correlationId: `corr-${randomUUID()}`,
    payload,
  };
}

describe('queue consumers (SQS stand-in, real Postgres)', () => {
  let fx: MessagingFixture;
  let consumers: QueueConsumers;
  const queue = Queues.NotificationRequests;

  beforeAll(async () => {
    fx = await messagingFixture();
  });

  beforeEach(() => {
    consumers = new QueueConsumers(fx.sqs, new QueueDirectory(fx.sqs, ''));
  });

  afterEach(async () => {
    await consumers.onApplicationShutdown();
    await drain(fx.sqs, fx.queueUrls[queue], 0);
    await drain(fx.sqs, fx.queueUrls[deadLetterQueueName(queue)], 0);
  });

  afterAll(async () => {
    await fx.close();
  });

  const send = (body: string) =>
    fx.sqs.send(new SendMessageCommand({ QueueUrl: fx.queueUrls[queue], MessageBody: body }));

  it('hands each event to the handler inside its correlation context and deletes it after success', async () => {
    const seen: { id: string; correlationId?: string }[] = [];
    await consumers.consume(queue, async (event) => {
      seen.push({ id: event.id, correlationId: RequestContext.current()?.correlationId });
    });
    const event = envelope('welcome.requested', { email: 'a@example.com' });
    await send(JSON.stringify(event));
    await eventually('the event to be handled', async () => seen.length === 1);
    expect(seen[0]).toEqual({ id: event.id, correlationId: event.correlationId });
    await sleep(300);
    expect(await drain(fx.sqs, fx.queueUrls[queue], 0)).toHaveLength(0);
  });

  it('moves a poison message to the dead-letter queue while good messages keep flowing', async () => {
    const handled: string[] = [];
    await consumers.consume(queue, async (event) => {
      handled.push(event.id);
    });
    await send('this is not json');
    await send(JSON.stringify({ id: 'not-a-uuid', type: 'x' }));
    const good = envelope('welcome.requested', { email: 'b@example.com' });
    await send(JSON.stringify(good));

    await eventually('the good message to be handled', async () => handled.includes(good.id), 5000);
    const deadLettered: string[] = [];
    await eventually(
      'both poison messages to reach the dead-letter queue',
      async () => {
        const messages = await drain(fx.sqs, fx.queueUrls[deadLetterQueueName(queue)], 0);
        deadLettered.push(...messages.map((m) => m.Body!));
        return deadLettered.length === 2;
      },
      20_000,
    );
    expect(deadLettered.sort()).toEqual(
      [JSON.stringify({ id: 'not-a-uuid', type: 'x' }), 'this is not json'].sort(),
    );
    expect(handled).toEqual([good.id]);
  });

  it('sends an event its handler refuses as poison to the dead-letter queue without back-off', async () => {
    let attempts = 0;
    await consumers.consume(queue, async () => {
      attempts++;
      throw new PoisonMessageError('payload fails validation');
    });
    const event = envelope('welcome.requested', { email: 42 });
    const started = Date.now();
    await send(JSON.stringify(event));
    const deadLettered: string[] = [];
    await eventually(
      'the event to reach the dead-letter queue',
      async () => {
        const messages = await drain(fx.sqs, fx.queueUrls[deadLetterQueueName(queue)], 0);
        deadLettered.push(...messages.map((m) => (JSON.parse(m.Body!) as EventEnvelope).id));
        return deadLettered.length > 0;
      },
      15_000,
    );
    expect(deadLettered).toEqual([event.id]);
    expect(attempts).toBeGreaterThan(0);
    // With back-off, the MAX_RECEIVE_COUNT receives would take 2 + 4 + 8 + 16 s.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('retries a failing handler and, recording the event id with the effect, acts once on a redelivery', async () => {
    let attempts = 0;
    const effects: string[] = [];
    const handler = async (event: EventEnvelope) => {
      const failThisOne = ++attempts === 1;
      await fx.dataSource.transaction(async (manager) => {
        if (!(await markProcessed(manager, event.id, 'test-consumer'))) return;
        if (failThisOne) throw new Error('transient failure');
        effects.push(event.id);
      });
    };
    await consumers.consume(queue, handler);
    const event = envelope('welcome.requested', { email: 'c@example.com' });
    await send(JSON.stringify(event));
    await send(JSON.stringify(event)); // the same event delivered twice
    await eventually('the event to take effect', async () => effects.length >= 1, 15_000);
    // The failed delivery comes back after its back-off and finds the event already done.
    await eventually('the redelivery', async () => attempts >= 3, 15_000);
    await sleep(500);
    expect(effects).toEqual([event.id]);
  });

  it('waits the back-off it is given before delivering a failed message again', async () => {
    const attemptsAt: number[] = [];
    await consumers.consume(
      queue,
      async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length === 1) throw new Error('transient failure');
      },
      { retryDelaySeconds: (receives) => (receives === 1 ? 3 : 0) },
    );
    await send(JSON.stringify(envelope('welcome.requested', {})));
    await eventually('the second delivery', async () => attemptsAt.length === 2, 15_000);
    const waited = attemptsAt[1] - attemptsAt[0];
    expect(waited).toBeGreaterThanOrEqual(2500);
    expect(waited).toBeLessThan(8000);
    await sleep(300);
    expect(await drain(fx.sqs, fx.queueUrls[queue], 0)).toHaveLength(0);
  });

  it('handles every message of a batch, deleting the good ones even when one fails', async () => {
    const handled: string[] = [];
    const bad = envelope('welcome.requested', {});
    await consumers.consume(
      queue,
      async (event) => {
        if (event.id === bad.id) throw new Error('this one fails');
        handled.push(event.id);
      },
      { retryDelaySeconds: () => 3 },
    );
    const good = Array.from({ length: 6 }, () => envelope('welcome.requested', {}));
    await fx.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: fx.queueUrls[queue],
        Entries: [...good, bad].map((event, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(event),
        })),
      }),
    );
    await eventually('every good message to be handled', async () => handled.length === 6);
    await consumers.stop();
    expect(handled.sort()).toEqual(good.map((event) => event.id).sort());
    // The good ones are gone; the failed one is hidden for its 3 s back-off, then back.
    expect(await drain(fx.sqs, fx.queueUrls[queue], 0)).toHaveLength(0);
    await sleep(3500);
    const again = await drain(fx.sqs, fx.queueUrls[queue], 0);
    expect(again.map((m) => JSON.parse(m.Body!).id)).toEqual([bad.id]);
  });

  it('on shutdown, finishes the message in hand and deletes it, so it is not delivered again', async () => {
    const deliveries: string[] = [];
    await consumers.consume(
      queue,
      async (event) => {
        deliveries.push(event.id);
        await sleep(1500);
      },
      { visibilityTimeout: 2 },
    );
    const event = envelope('welcome.requested', {});
    await send(JSON.stringify(event));
    await eventually('the handler to start', async () => deliveries.length === 1);
    await consumers.stop();
    // Had it not been deleted, it would be visible again 2 s after it was received.
    await sleep(2500);
    expect(await drain(fx.sqs, fx.queueUrls[queue], 0)).toHaveLength(0);
    expect(deliveries).toEqual([event.id]);
  });

  it('on shutdown, finishes the message in hand before returning', async () => {
    let finished = false;
    let started = false;
    await consumers.consume(queue, async () => {
      started = true;
      await sleep(1500);
      finished = true;
    });
    await send(JSON.stringify(envelope('welcome.requested', {})));
    await eventually('the handler to start', async () => started);
    await consumers.onApplicationShutdown();
    expect(finished).toBe(true);
  });
});
