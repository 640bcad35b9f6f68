import { randomUUID } from 'node:crypto';
import {
  deadLetterQueueName,
  Queues,
  StockEvents,
  type StockLevelEventPayload,
} from '@inventory/contracts';
import {
  envelope,
  eventually,
  NotificationFixture,
  sleep,
  startSesSandbox,
  type SesSandbox,
} from './support';

const queue = Queues.StockEvents;

const low = (name: string): StockLevelEventPayload => ({
  productId: randomUUID(),
  sku: 'SNS-DHT-22',
  name,
  before: 6,
  after: 4,
  reorderLevel: 5,
  at: new Date().toISOString(),
});

describe('email delivery when SES misbehaves', () => {
  let fx: NotificationFixture;
  let sandbox: SesSandbox;

  beforeAll(async () => {
    fx = await NotificationFixture.create();
    sandbox = await startSesSandbox(fx.sesStandIn.endpoint, [
      'stores@inventory.test',
      'lab@inventory.test',
    ]);
  });

  afterAll(async () => {
    await fx?.close();
    await sandbox?.close();
  });

  beforeEach(async () => {
    await fx.clearMail();
    await fx.db.query('TRUNCATE email_log, alert_state, processed_messages');
  });

  it('retries while SES is down and sends the alert once SES is back', async () => {
    await fx.sesStandIn.stop();
    const event = envelope(StockEvents.Low, low('Humidity Sensor'));
    await fx.publish(queue, event);

    await eventually('a failed attempt in the email log', async () =>
      (await fx.emailLog()).some((row) => row.status === 'retrying'),
    );
    const [attempt] = await fx.emailLog();
    expect(attempt).toEqual(
      expect.objectContaining({ status: 'retrying', event_id: event.id, ses_message_id: null }),
    );
    expect(attempt.error).toMatch(/ECONNREFUSED|connect/i);

    await fx.sesStandIn.start();
    await eventually(
      'the alert to be sent after SES came back',
      async () => (await fx.sentMail()).length === 1,
      20_000,
    );
    await sleep(500);
    expect((await fx.sentMail())[0].subject).toBe(
      'Low Stock Alert - Humidity Sensor (SKU: SNS-DHT-22)',
    );
    const statuses = (await fx.emailLog()).map((row) => row.status);
    expect(statuses[statuses.length - 1]).toBe('sent');
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(1);
    expect(await fx.drain(fx.queueUrls[deadLetterQueueName(queue)])).toHaveLength(0);
  });

  it('logs a permanent SES rejection as failed with SES’s reason, deletes the event and does not retry it', async () => {
    await fx.start({ sesEndpoint: sandbox.endpoint });
    try {
      // SES sandbox: only verified addresses may receive mail.
      await fx.db.query(`UPDATE alert_recipients SET recipients = $1`, [
        ['stores@inventory.test', 'new-hire@inventory.test'],
      ]);
      sandbox.requests.length = 0;
      const event = envelope(StockEvents.Low, low('Servo Motor'));
      await fx.publish(queue, event);

      await eventually('the failed attempt in the email log', async () =>
        (await fx.emailLog()).some((row) => row.status === 'failed'),
      );
      const log = await fx.emailLog();
      expect(log).toEqual([
        expect.objectContaining({
          status: 'failed',
          event_id: event.id,
          ses_message_id: null,
          error:
            'MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: new-hire@inventory.test',
        }),
      ]);
      // Had it been retried, SQS would deliver it again after 5 s.
      await sleep(7000);
      expect(sandbox.requests).toHaveLength(1);
      expect(await fx.emailLog()).toHaveLength(1);
      expect(await fx.sentMail()).toHaveLength(0);
      expect(await fx.drain(fx.queueUrls[queue])).toHaveLength(0);
      expect(await fx.drain(fx.queueUrls[deadLetterQueueName(queue)])).toHaveLength(0);

      // A good address goes through the same sandbox.
      await fx.db.query(`UPDATE alert_recipients SET recipients = $1`, [['lab@inventory.test']]);
      await fx.publish(queue, envelope(StockEvents.Low, low('Stepper Driver')));
      await eventually(
        'the alert to a verified address',
        async () => (await fx.sentMail()).length === 1,
      );
    } finally {
      await fx.db.query(`UPDATE alert_recipients SET recipients = $1`, [
        ['stores@inventory.test', 'lab@inventory.test'],
      ]);
      await fx.start();
    }
  });

  it('on shutdown, finishes the email in flight, records it and deletes its message', async () => {
    await fx.start({ sesEndpoint: sandbox.endpoint });
    sandbox.delayMs = 1500;
    try {
      let arrived = false;
      sandbox.onRequest = () => {
        arrived = true;
      };
      const event = envelope(StockEvents.Low, low('Soldering Tip'));
      await fx.publish(queue, event);
      await eventually('SES to be asked', async () => arrived);

      const stopping = Date.now();
      await fx.stop();
      // It waited for SES's answer and the commit instead of dropping the work.
      expect(Date.now() - stopping).toBeGreaterThanOrEqual(1000);
      expect(await fx.sentMail()).toHaveLength(1);
      expect(await fx.emailLog()).toEqual([
        expect.objectContaining({ status: 'sent', event_id: event.id }),
      ]);
      // Deleted, not merely hidden: nothing comes back after the visibility timeout.
      await sleep(500);
      expect(await fx.drain(fx.queueUrls[queue])).toHaveLength(0);
    } finally {
      sandbox.delayMs = 0;
      sandbox.onRequest = undefined;
      await fx.start();
    }
  });
});
