import {
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { deadLetterQueueName, Queues, type EventEnvelope } from '@inventory/contracts';
import { messagesInQueue } from '@inventory/local-stack';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../src/context/request-context';
import { markProcessed } from '../src/sqs/processed-messages';
import { PoisonMessageError, QueueConsumers } from '../src/sqs/queue-consumer';
import { QueueDirectory } from '../src/sqs/queue-directory';
import { AWS, drain, eventually, messagingFixture, sleep, type MessagingFixture } from './support';

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

/** A promise settled from outside: what a test waits on instead of sleeping. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Rejects with `what` when `promise` takes longer than `ms`, so a hang fails clearly. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** One settle request the consumer sent, with its entries and the ones SQS accepted. */
interface SettleCall {
  command: string;
  entries: { ReceiptHandle?: string; VisibilityTimeout?: number }[];
  accepted: number;
}

/**
 * An SQS client on the stand-in that records every delete and visibility request as it
 * answers, and wakes the test whenever one did: the consumers under test use it, the test
 * reads the queue through the fixture's own client.
 */
function recordingClient(endpoint: string) {
  const client = new SQSClient({ ...AWS, endpoint, maxAttempts: 1 });
  const calls: SettleCall[] = [];
  let waiters: (() => void)[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (/^(DeleteMessage|ChangeMessageVisibility)/.test(context.commandName ?? '')) {
        const input = args.input as { Entries?: SettleCall['entries'] } & SettleCall['entries'][0];
        const output = result.output as { Successful?: unknown[] };
        const entries = input.Entries ?? [input];
        calls.push({
          command: context.commandName!,
          entries,
          accepted: output.Successful?.length ?? entries.length,
        });
        const woken = waiters;
        waiters = [];
        for (const wake of woken) wake();
      }
      return result;
    },
    { step: 'initialize', name: 'recordSettles' },
  );
  /** Resolves once `check` holds after some request answered (or holds already). */
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const deleted = () =>
    new Set(
      calls
        .filter((c) => c.command === 'DeleteMessageBatchCommand')
        .flatMap((c) => c.entries.map((e) => e.ReceiptHandle)),
    );
  return { client, calls, until, deleted };
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

  const sendBatch = (events: EventEnvelope[]) =>
    fx.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: fx.queueUrls[queue],
        Entries: events.map((event, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(event),
        })),
      }),
    );

  /** Messages in the queue, visible or in flight: 0 once every one was deleted. */
  const messagesLeft = () => messagesInQueue(fx.sqs, fx.queueUrls[queue]);

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

  describe('settling each message as it finishes', () => {
    let sqs: ReturnType<typeof recordingClient>;
    let own: QueueConsumers;

    beforeEach(() => {
      sqs = recordingClient(fx.sqsStandIn.endpoint);
      own = new QueueConsumers(sqs.client, new QueueDirectory(fx.sqs, ''));
    });

    afterEach(async () => {
      await own.stop();
      sqs.client.destroy();
    });

    it('lets the other messages, and later ones, be handled and deleted while one is slow', async () => {
      const slow = envelope('welcome.requested', {});
      const others = Array.from({ length: 9 }, () => envelope('welcome.requested', {}));
      const later = Array.from({ length: 5 }, () => envelope('welcome.requested', {}));
      const release = signal();
      const slowStarted = signal();
      const handles = new Map<string, string>(); // event id → receipt handle
      await own.consume(
        queue,
        async (event, message: Message) => {
          handles.set(event.id, message.ReceiptHandle!);
          if (event.id !== slow.id) return;
          slowStarted.resolve();
          await release.promise;
        },
        { pollers: 1, batchSize: 10 },
      );
      const deleted = (events: EventEnvelope[]) => () =>
        events.every((e) => handles.has(e.id) && sqs.deleted().has(handles.get(e.id)));

      await sendBatch([slow, ...others]);
      await within(slowStarted.promise, 10_000, 'the slow message to be handed out');
      await within(sqs.until(deleted(others)), 10_000, 'the others to be deleted');
      await sendBatch(later);
      await within(sqs.until(deleted(later)), 10_000, 'the later ones to be deleted');
      expect(sqs.deleted().has(handles.get(slow.id))).toBe(false);

      release.resolve();
      await within(sqs.until(deleted([slow])), 10_000, 'the slow one to be deleted');
      expect(await messagesLeft()).toBe(0);
    });

    it('deletes handled messages in batch requests, and they are not delivered again', async () => {
      const events = Array.from({ length: 30 }, () => envelope('welcome.requested', {}));
      await sendBatch(events.slice(0, 10));
      await sendBatch(events.slice(10, 20));
      await sendBatch(events.slice(20));
      const deliveries: string[] = [];
      await own.consume(queue, async (event) => {
        deliveries.push(event.id);
      });
      await within(
        sqs.until(() => sqs.deleted().size === 30),
        15_000,
        'every message to be deleted',
      );
      const deletes = sqs.calls.filter((c) => c.command === 'DeleteMessageBatchCommand');
      expect(deletes.every((c) => c.entries.length <= 10 && c.accepted === c.entries.length)).toBe(
        true,
      );
      // Settling one by one would take 30 requests.
      expect(deletes.length).toBeLessThanOrEqual(10);
      expect(sqs.calls.some((c) => c.command === 'DeleteMessageCommand')).toBe(false);
      // Gone from the queue, not just hidden for the visibility timeout.
      expect(await messagesLeft()).toBe(0);
      expect(deliveries.sort()).toEqual(events.map((e) => e.id).sort());
    });

    it('on stop(), cuts the long poll at once, lets the message in hand finish and deletes it', async () => {
      const started = signal();
      const release = signal();
      let finished = false;
      await own.consume(
        queue,
        async () => {
          started.resolve();
          await release.promise;
          finished = true;
        },
        { pollers: 2 },
      );
      await send(JSON.stringify(envelope('welcome.requested', {})));
      await within(started.promise, 10_000, 'the handler to start');
      let stopped = false;
      const stopping = own.stop().then(() => (stopped = true));
      await new Promise(setImmediate); // let the stop begin
      expect(stopped).toBe(false);
      const releasedAt = Date.now();
      release.resolve();
      await within(stopping, 10_000, 'stop() to resolve');
      // The pollers' 20 s long polls did not hold it up.
      expect(Date.now() - releasedAt).toBeLessThan(2000);
      expect(finished).toBe(true);
      expect(sqs.deleted().size).toBe(1);
      expect(await messagesLeft()).toBe(0);
    });

    it('keeps a long-running message hidden past its visibility timeout', async () => {
      const deliveries: string[] = [];
      const release = signal();
      await own.consume(
        queue,
        async (event) => {
          deliveries.push(event.id);
          await release.promise;
        },
        { visibilityTimeout: 2, pollers: 2 },
      );
      const event = envelope('welcome.requested', {});
      await send(JSON.stringify(event));
      // One extension a second: after four, the 2 s timeout it was received with is long over
      // (the stand-in hands an expired message out again within a second).
      const heartbeats = () =>
        sqs.calls.filter(
          (c) =>
            c.command === 'ChangeMessageVisibilityBatchCommand' &&
            c.entries.every((e) => e.VisibilityTimeout === 2),
        ).length;
      await within(
        sqs.until(() => heartbeats() >= 4),
        15_000,
        'four visibility extensions',
      );
      expect(deliveries).toEqual([event.id]);
      release.resolve();
      await within(
        sqs.until(() => sqs.deleted().size === 1),
        10_000,
        'the delete',
      );
      expect(deliveries).toEqual([event.id]);
      expect(await messagesLeft()).toBe(0);
    });
  });
});
