import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { Queues } from '@inventory/contracts';
import { Outbox } from '../src/outbox/outbox';
import { OutboxRelay, type OutboxRelayOptions } from '../src/outbox/outbox-relay';
import {
  dropOutboxNotify,
  restoreOutboxNotify,
  storeOutboxEnvelopes,
  storeOutboxEventParts,
} from '../src/outbox/outbox-schema';
import { QueueDirectory } from '../src/sqs/queue-directory';
import { RequestContext } from '../src/context/request-context';
import { drain, eventually, messagingFixture, sleep, type MessagingFixture } from './support';

describe('outbox relay (real Postgres, SQS stand-in)', () => {
  let fx: MessagingFixture;
  const relays: OutboxRelay[] = [];
  const outbox = new Outbox('test');

  beforeAll(async () => {
    fx = await messagingFixture();
  });

  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.onApplicationShutdown()));
    relays.length = 0;
    await fx.dataSource.query('DELETE FROM outbox');
    await drain(fx.sqs, fx.queueUrls[Queues.StockEvents], 0);
  });

  afterAll(async () => {
    await fx.close();
  });

  function startRelay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const relay = new OutboxRelay(
      fx.dataSource,
      fx.sqs,
      new QueueDirectory(fx.sqs, ''),
      fx.database.url,
      { idlePollMs: 60_000, maxBackoffMs: 500, ...options },
    );
    relay.onApplicationBootstrap();
    relays.push(relay);
    return relay;
  }

  async function record(count: number, label: string, into = outbox): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) => ({
        queue: Queues.StockEvents,
        type: 'test.happened',
        payload: { label, n: i + k },
      }));
      const envelopes = await RequestContext.run({ correlationId: `corr-${label}` }, () =>
        fx.dataSource.transaction((manager) => into.add(manager, batch)),
      );
      ids.push(...envelopes.map((e) => e.id));
    }
    return ids;
  }

  async function collect(expected: number, timeoutMs = 15_000) {
    const received: { id: string; correlationId: string; type: string }[] = [];
    await eventually(
      `${expected} messages`,
      async () => {
        const messages = await drain(fx.sqs, fx.queueUrls[Queues.StockEvents], 0);
        received.push(...messages.map((m) => JSON.parse(m.Body!)));
        return received.length >= expected;
      },
      timeoutMs,
    );
    // Anything extra (a duplicate) would arrive right behind.
    await sleep(300);
    received.push(
      ...(await drain(fx.sqs, fx.queueUrls[Queues.StockEvents], 0)).map((m) => JSON.parse(m.Body!)),
    );
    return received;
  }

  it('publishes committed events once each, with envelope and correlation id, and empties the outbox', async () => {
    startRelay();
    const ids = await record(25, 'basic');
    const received = await collect(25);
    expect(received.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(
      received.every((e) => e.correlationId === 'corr-basic' && e.type === 'test.happened'),
    ).toBe(true);
    const [{ count }] = await fx.dataSource.query('SELECT count(*)::int AS count FROM outbox');
    expect(count).toBe(0);
  });

  it('publishes a backlog larger than one SQS call from one transaction, each event once', async () => {
    // 35 rows waiting on one queue: one relay transaction takes them all (batchSize 50) and
    // sends them in calls of at most 10 (SQS refuses more with TooManyEntriesInBatchRequest).
    const envelopes = await fx.dataSource.transaction((manager) =>
      outbox.add(
        manager,
        Array.from({ length: 35 }, (_, n) => ({
          queue: Queues.StockEvents,
          type: 'test.backlog',
          payload: { n },
        })),
      ),
    );
    const calls: { entries: number; error?: string }[] = [];
    const send = fx.sqs.send.bind(fx.sqs) as (command: unknown) => Promise<unknown>;
    const watch = jest.spyOn(fx.sqs, 'send').mockImplementation(async (command: unknown) => {
      if (!(command instanceof SendMessageBatchCommand)) return send(command);
      const call: { entries: number; error?: string } = {
        entries: command.input.Entries?.length ?? 0,
      };
      calls.push(call);
      return send(command).catch((error: Error) => {
        call.error = error.name;
        throw error;
      });
    });
    try {
      startRelay({ concurrency: 1, batchSize: 50 });
      const received = await collect(35);
      expect(received.map((e) => e.id).sort()).toEqual(envelopes.map((e) => e.id).sort());
      // One transaction's rows, in four calls SQS accepted: 10 + 10 + 10 + 5.
      expect(calls.map((c) => c.entries).sort((a, b) => b - a)).toEqual([10, 10, 10, 5]);
      expect(calls.filter((c) => c.error)).toEqual([]);
    } finally {
      watch.mockRestore();
    }
    const [{ count }] = await fx.dataSource.query('SELECT count(*)::int AS count FROM outbox');
    expect(count).toBe(0);
  });

  it('while a loop lingers, commits wake no other loop: what it gathered goes out in one pass', async () => {
    const relay = startRelay({ concurrency: 2, lingerMs: 500 });
    const writer = new Outbox('test', relay);
    // A first event, published at once (nothing was streaming), makes the next ones count
    // as streaming in: the loop they wake lingers before it takes rows.
    await writer.written(() => record(1, 'first', writer));
    await eventually('the first event to be published', async () => {
      const [{ count }] = await fx.dataSource.query('SELECT count(*)::int AS count FROM outbox');
      return count === 0;
    });
    const passes = jest.spyOn(relay, 'publishBatch');
    const ids: string[] = [];
    // Each commit wakes the relay; all but the first come while that loop lingers.
    for (let i = 0; i < 6; i++)
      ids.push(...(await writer.written(() => record(1, 'gathered', writer))));
    const received = await collect(7, 5000);
    expect(received.filter((e) => ids.includes(e.id))).toHaveLength(6);
    // One pass took all six; a second loop woken by the later commits would have made a
    // second pass, empty or with the last few.
    expect(passes).toHaveBeenCalledTimes(1);
  });

  it('never publishes events of a transaction that rolled back', async () => {
    startRelay();
    await expect(
      fx.dataSource.transaction(async (manager) => {
        await outbox.add(manager, [
          { queue: Queues.StockEvents, type: 'test.rolled_back', payload: {} },
        ]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const ids = await record(1, 'after-rollback');
    const received = await collect(1);
    expect(received.map((e) => e.id)).toEqual(ids);
  });

  it('is woken by NOTIFY: an event reaches SQS well before the idle poll', async () => {
    startRelay({ idlePollMs: 60_000 });
    await sleep(500); // relay idle, LISTEN connection up
    const started = Date.now();
    await record(1, 'wake');
    await collect(1, 5000);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps events while SQS is down and publishes each exactly once when it is back', async () => {
    startRelay();
    await fx.sqsStandIn.stop();
    const ids = await record(30, 'outage');
    await eventually('failed publish attempts to be recorded', async () => {
      const [{ failing }] = await fx.dataSource.query(
        'SELECT count(*)::int AS failing FROM outbox WHERE attempts > 0',
      );
      return failing > 0;
    });
    const [{ waiting }] = await fx.dataSource.query('SELECT count(*)::int AS waiting FROM outbox');
    expect(waiting).toBe(30);

    await fx.sqsStandIn.start();
    const received = await collect(30, 20_000);
    expect(received).toHaveLength(30);
    expect(new Set(received.map((e) => e.id))).toEqual(new Set(ids));
  });

  it('without the NOTIFY trigger, publishes at once when the writer wakes it, and on the idle poll otherwise', async () => {
    const runner = fx.dataSource.createQueryRunner();
    await dropOutboxNotify(runner, 'relaytest');
    try {
      const relay = startRelay({ idlePollMs: 1500 });
      await sleep(500); // idle, and not notified of anything from now on
      const woken = Date.now();
      const writer = new Outbox('test', relay);
      const first = await writer.written(() => record(1, 'woken', writer));
      expect((await collect(1, 5000)).map((e) => e.id)).toEqual(first);
      expect(Date.now() - woken).toBeLessThan(1000);

      const second = await record(1, 'polled');
      expect((await collect(1, 5000)).map((e) => e.id)).toEqual(second);
    } finally {
      await restoreOutboxNotify(runner, 'relaytest');
      await runner.release();
    }
  });

  it('lets several relays share one outbox without sending a row twice', async () => {
    startRelay({ concurrency: 2 });
    startRelay({ concurrency: 2 });
    startRelay({ concurrency: 2 });
    const ids = await record(300, 'many');
    const received = await collect(300, 30_000);
    expect(received).toHaveLength(300);
    expect(new Set(received.map((e) => e.id))).toEqual(new Set(ids));
  });

  it('publishes a row written before the outbox stored event parts exactly as it was written', async () => {
    const runner = fx.dataSource.createQueryRunner();
    // The outbox as the previous release had it, with a row that release wrote and never published.
    await storeOutboxEnvelopes(runner, 'relaytest');
    const written = {
      id: randomUUID(),
      type: 'stock.low',
      version: 1,
      occurredAt: '2026-11-30T08:15:42.123Z',
      source: 'stock',
      correlationId: 'corr-before-upgrade',
      causationId: 'cause-1',
      payload: {
        productId: randomUUID(),
        sku: 'RES-10K',
        before: 8,
        after: 7,
        at: '2026-11-30T08:15:42.123Z',
      },
    };
    try {
      await fx.dataSource.query(
        'INSERT INTO outbox (id, queue, type, body) VALUES ($1, $2, $3, $4)',
        [written.id, Queues.StockEvents, written.type, JSON.stringify(written)],
      );
    } finally {
      // The upgrade: the migration takes the row apart into the new columns.
      await storeOutboxEventParts(runner, 'relaytest');
      await runner.release();
    }
    startRelay();
    const [received] = await collect(1);
    expect(received).toEqual(written);
  });

  it('refuses to roll the outbox back to envelope JSON while events wait in it', async () => {
    const [id] = await record(1, 'waiting');
    const runner = fx.dataSource.createQueryRunner();
    try {
      await expect(storeOutboxEnvelopes(runner, 'relaytest')).rejects.toThrow(
        'let the relay publish them before rolling back',
      );
    } finally {
      await runner.release();
    }
    startRelay();
    expect((await collect(1)).map((e) => e.id)).toEqual([id]);
  });
});
