import { randomUUID } from 'node:crypto';
import {
  deadLetterQueueName,
  Queues,
  StockEvents,
  type StockLevelEventPayload,
} from '@inventory/contracts';
import { envelope, eventually, NotificationFixture, sleep } from './support';
import { startSmtpServer, type TestSmtpServer } from './smtp-server';

const queue = Queues.StockEvents;

const low = (name: string, sku: string): StockLevelEventPayload => ({
  productId: randomUUID(),
  sku,
  name,
  before: 6,
  after: 4,
  reorderLevel: 5,
  at: new Date().toISOString(),
});

describe('email through SMTP (EMAIL_DRIVER=smtp, a real SMTP server)', () => {
  let fx: NotificationFixture;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    fx = await NotificationFixture.create({
      env: { EMAIL_DRIVER: 'smtp', SMTP_URL: smtp.url(), SMTP_CA_FILE: smtp.caFile },
    });
  });

  afterAll(async () => {
    await fx?.close();
    await smtp?.close();
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.attempts = 0;
    smtp.replies = [];
    await fx.db.query('TRUNCATE email_log, alert_state, processed_messages');
  });

  it('sends the alert over STARTTLS with authentication and records the server’s message id', async () => {
    const event = envelope(StockEvents.Low, low('Humidity Sensor', 'SNS-DHT-22'));
    await fx.publish(queue, event);

    await eventually('the alert in the email log', async () =>
      (await fx.emailLog()).some((row) => row.status === 'sent'),
    );
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toEqual(
      expect.objectContaining({
        from: 'alerts@inventory.test',
        to: ['stores@inventory.test', 'lab@inventory.test'],
        user: 'inventory',
        secure: true,
      }),
    );
    expect(mail.raw).toContain('Subject: Low Stock Alert - Humidity Sensor (SKU: SNS-DHT-22)');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({
        status: 'sent',
        event_id: event.id,
        ses_message_id: mail.queueId,
        error: null,
      }),
    ]);
  });

  it('retries after a 4xx reply with back-off and delivers the alert once', async () => {
    smtp.replies = [451];
    const event = envelope(StockEvents.Low, low('Servo Motor', 'MTR-SG90'));
    await fx.publish(queue, event);

    await eventually(
      'the alert delivered after the server recovered',
      async () => (await fx.emailLog()).some((row) => row.status === 'sent'),
      30_000,
    );
    expect(smtp.attempts).toBe(2);
    expect(smtp.received).toHaveLength(1);
    const log = await fx.emailLog();
    expect(log.map((row) => row.status)).toEqual(['retrying', 'sent']);
    expect(log[0].error).toMatch(/451 Try again later/);
    // Not at once: SQS holds the event back (2 s after the first receive) before it is retried.
    const [first, second] = (await fx.db.query('SELECT at FROM email_log ORDER BY at')) as {
      at: Date;
    }[];
    expect(second.at.getTime() - first.at.getTime()).toBeGreaterThan(1500);
    expect(log[1]).toEqual(
      expect.objectContaining({ event_id: event.id, ses_message_id: smtp.received[0].queueId }),
    );
    expect(await fx.drain(fx.queueUrls[deadLetterQueueName(queue)])).toHaveLength(0);
  });

  it('logs a 5xx reply as failed with the server’s reason and does not retry it', async () => {
    smtp.replies = [550];
    const event = envelope(StockEvents.Low, low('Stepper Driver', 'DRV-A4988'));
    await fx.publish(queue, event);

    await eventually('the failed attempt in the email log', async () =>
      (await fx.emailLog()).some((row) => row.status === 'failed'),
    );
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({
        status: 'failed',
        event_id: event.id,
        ses_message_id: null,
        error: expect.stringMatching(/^SMTP EMESSAGE: 550 Mailbox unavailable/),
      }),
    ]);
    // A retried event would come back after 2 s (the first back-off).
    await sleep(5000);
    expect(smtp.attempts).toBe(1);
    expect(smtp.received).toHaveLength(0);
    expect(await fx.emailLog()).toHaveLength(1);
    expect(await fx.drain(fx.queueUrls[queue])).toHaveLength(0);
    expect(await fx.drain(fx.queueUrls[deadLetterQueueName(queue)])).toHaveLength(0);
  });

  it('retries while the SMTP server refuses connections and sends once it is back', async () => {
    await smtp.stop();
    const event = envelope(StockEvents.Low, low('Li-Ion Cell', 'BAT-18650'));
    await fx.publish(queue, event);
    await eventually('a retrying attempt in the email log', async () =>
      (await fx.emailLog()).some((row) => row.status === 'retrying'),
    );
    expect((await fx.emailLog())[0].error).toMatch(/ECONNREFUSED/);

    await smtp.start();
    await eventually(
      'the alert sent once the server is back',
      async () => (await fx.emailLog()).some((row) => row.status === 'sent'),
      30_000,
    );
    expect(smtp.received).toHaveLength(1);
  });
});
