import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { messagesInQueue } from '@inventory/local-stack';
import {
  Queues,
  StockEvents,
  type EventEnvelope,
  type StockLevelEventPayload,
} from '@inventory/contracts';
import { envelope, eventually, NotificationFixture, sleep } from '../test/support';

/**
 * Drain benchmark of the notification service's consumer path (SQS stand-in → validation →
 * Postgres → SES stand-in), on this machine:
 *
 * 1. Drain: EVENTS stock events are queued while the service is stopped, then it starts;
 *    how long until every email is accepted by the SES stand-in (and the queue is empty).
 * 2. Steady load: RATE events per second for SECONDS, each stamped (occurredAt) as it is
 *    sent to SQS; latency from occurredAt to SES accepting the email (email log `at`).
 *
 * The event mix follows one movement = one stock.level.changed, with a crossing now and
 * then: 88 % level.changed, 7 % stock.low, 2 % stock.depleted, 3 % stock.replenished.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const POLLERS = process.env.BENCH_POLLERS ?? '4';

const queue = Queues.StockEvents;

function stockEvent(occurredAt = new Date()): EventEnvelope<StockLevelEventPayload> {
  const roll = Math.random();
  const type =
    roll < 0.07
      ? StockEvents.Low
      : roll < 0.09
        ? StockEvents.Depleted
        : roll < 0.12
          ? StockEvents.Replenished
          : StockEvents.LevelChanged;
  const after = type === StockEvents.Depleted ? 0 : type === StockEvents.Low ? 4 : 40;
  return envelope(
    type,
    {
      productId: randomUUID(),
      sku: `BENCH-${Math.floor(roll * 1e6)}`,
      name: 'Bench Part',
      before: after + 3,
      after,
      reorderLevel: 5,
      movementId: randomUUID(),
      at: occurredAt.toISOString(),
    },
    { occurredAt: occurredAt.toISOString() },
  );
}

const emailsFor = (events: EventEnvelope[]) =>
  events.filter((e) => e.type === StockEvents.Low || e.type === StockEvents.Depleted).length;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const say = (line = '') => process.stdout.write(`${line}\n`);

describe('notification drain benchmark', () => {
  let fx: NotificationFixture;

  beforeAll(async () => {
    fx = await NotificationFixture.create({ env: { STOCK_EVENTS_POLLERS: POLLERS } });
    await fx.db.query(`UPDATE alert_recipients SET recipients = $1`, [['stores@inventory.test']]);
  });

  afterAll(async () => {
    await fx?.close();
  });

  async function sendBatches(events: EventEnvelope[]): Promise<void> {
    const batches: EventEnvelope[][] = [];
    for (let i = 0; i < events.length; i += 10) batches.push(events.slice(i, i + 10));
    // A few senders side by side, like several outbox relays.
    const senders = Array.from({ length: 4 }, async (_, n) => {
      for (let b = n; b < batches.length; b += 4) {
        await fx.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: fx.queueUrls[queue],
            Entries: batches[b].map((event, index) => ({
              Id: String(index),
              MessageBody: JSON.stringify(event),
              MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
            })),
          }),
        );
      }
    });
    await Promise.all(senders);
  }

  /** Messages on stock-events, visible or in hand: 0 once every one was handled and deleted. */
  const messagesLeft = () => messagesInQueue(fx.sqs, fx.queueUrls[queue]);

  const sentCount = async (): Promise<number> =>
    (await fx.db.query(`SELECT count(*)::int AS n FROM email_log WHERE status = 'sent'`))[0].n;

  async function latencies(): Promise<number[]> {
    const rows: { ms: number }[] = await fx.db.query(
      `SELECT extract(epoch FROM at - occurred_at) * 1000 AS ms FROM email_log
        WHERE status = 'sent' ORDER BY ms`,
    );
    return rows.map((r) => Number(r.ms));
  }

  it('drains a backlog, then keeps up with a steady stream', async () => {
    say();
    say(`Notification drain benchmark (pollers on stock-events: ${POLLERS}, 10 messages each)`);

    // 1. Drain a backlog.
    await fx.stop();
    const backlog = Array.from({ length: EVENTS }, () => stockEvent());
    const expected = emailsFor(backlog);
    const queuedAt = Date.now();
    await sendBatches(backlog);
    say(`  queued ${EVENTS} events (${expected} of them alerts) in ${Date.now() - queuedAt} ms`);

    const startedAt = Date.now();
    await fx.start({ env: { STOCK_EVENTS_POLLERS: POLLERS } });
    const readyAt = Date.now();
    // Counted by the queue, not by wrapping the handler once the service is up: it consumes
    // before its health says so, and events handled meanwhile went uncounted (the drain then
    // never ended).
    await eventually(
      'every event to be handled and every alert sent',
      async () => (await sentCount()) >= expected && (await messagesLeft()) === 0,
      600_000,
    );
    const drainMs = Date.now() - readyAt;
    const stored = (await fx.sentMail()).length;
    say(`  service ready in ${readyAt - startedAt} ms`);
    say(
      `  drain: all ${EVENTS} events handled and ${expected} emails accepted by the SES stand-in ` +
        `${drainMs} ms after start (${Math.round((EVENTS / drainMs) * 1000)} events/s, ` +
        `${Math.round((expected / drainMs) * 1000)} emails/s); SES store holds ${stored}`,
    );
    expect(stored).toBe(expected);

    // 2. Steady stream at RATE events/s.
    await fx.db.query('TRUNCATE email_log');
    await fx.clearMail();
    const streamed: EventEnvelope[] = [];
    const tickMs = 50;
    const streamStart = Date.now();
    const cpuBefore = process.cpuUsage();
    for (let tick = 1; tick <= (SECONDS * 1000) / tickMs; tick++) {
      // Every 50 ms, as many events as keep the total at RATE per second since the start.
      const due = Math.floor((RATE * tick * tickMs) / 1000) - streamed.length;
      const now = new Date();
      const events = Array.from({ length: due }, () => stockEvent(now));
      streamed.push(...events);
      void sendBatches(events);
      await sleep(Math.max(0, streamStart + tick * tickMs - Date.now()));
    }
    const streamExpected = emailsFor(streamed);
    await eventually(
      'the streamed alerts to be sent',
      async () => (await sentCount()) >= streamExpected,
      120_000,
    );
    const cpu = process.cpuUsage(cpuBefore);
    const cpuShare = (cpu.user + cpu.system) / 1000 / (Date.now() - streamStart);
    const lat = await latencies();
    say(
      `  steady: ${streamed.length} events over ${SECONDS} s (${RATE}/s), ${streamExpected} alerts; ` +
        `event → SES accepted: p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${percentile(lat, 95).toFixed(1)} ms, ` +
        `p99 ${percentile(lat, 99).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms`,
    );
    say(
      `  CPU of this process (service + SQS and SES stand-ins) during the stream: ${Math.round(cpuShare * 100)} % of one core`,
    );
    say('  (2 CPU cores shared with other work: figures are noisy)');
    say();
    expect(lat).toHaveLength(streamExpected);
  });
});
