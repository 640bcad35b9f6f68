import { randomUUID } from 'node:crypto';
import {
  deadLetterQueueName,
  Queues,
  StockEvents,
  type StockLevelEventPayload,
  SetAlertRecipients,
} from '@inventory/contracts';
import { StockEventsHandler } from '../src/commands/send-stock-alert/stock-events.handler';
import { envelope, eventually, NotificationFixture, sleep } from './support';

const queue = Queues.StockEvents;

function level(fields: Partial<StockLevelEventPayload> = {}): StockLevelEventPayload {
  return {
    productId: randomUUID(),
    sku: 'MCU-ESP-32',
    name: 'ESP32 DevKit',
    before: 11,
    after: 8,
    reorderLevel: 10,
    movementId: randomUUID(),
    at: new Date().toISOString(),
    ...fields,
  };
}

describe('stock alerts (real Postgres, SQS and SES stand-ins)', () => {
  let fx: NotificationFixture;

  beforeAll(async () => {
    fx = await NotificationFixture.create();
  });

  afterAll(async () => {
    await fx?.close();
  });

  beforeEach(async () => {
    await fx.clearMail();
    await fx.db.query('TRUNCATE email_log, alert_state, processed_messages');
  });

  it('turns stock.low into exactly one "Low Stock Alert" to every recipient, logged with its SES message id', async () => {
    const event = envelope(StockEvents.Low, level({ name: 'ESP32 <DevKit>' }));
    await fx.publish(queue, event);

    await eventually('the alert in the SES stand-in', async () => (await fx.sentMail()).length > 0);
    await sleep(500);
    const mail = await fx.sentMail();
    expect(mail).toHaveLength(1);
    const [email] = mail;
    expect(email.from).toBe('alerts@inventory.test');
    expect(email.destination.to).toEqual(['stores@inventory.test', 'lab@inventory.test']);
    expect(email.subject).toBe('Low Stock Alert - ESP32 <DevKit> (SKU: MCU-ESP-32)');
    expect(email.body.text).toBe(
      [
        'Low Stock Alert - Electronic Inventory System',
        '==================================================',
        '',
        'ESP32 <DevKit> (SKU: MCU-ESP-32) is running low on stock:',
        '',
        '- On hand: 8 units',
        '- Reorder level: 10 units',
        '',
        '==================================================',
        'Please restock this item soon.',
        '',
        `View the product: http://inventory.test/products/${event.payload.productId}`,
      ].join('\n'),
    );
    expect(email.body.html).toContain('ESP32 &lt;DevKit&gt;');
    expect(email.body.html).toContain(
      `href="http://inventory.test/products/${event.payload.productId}"`,
    );

    const log = await fx.emailLog();
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'low_stock',
        status: 'sent',
        event_id: event.id,
        ses_message_id: email.messageId,
        subject: email.subject,
        recipients: ['stores@inventory.test', 'lab@inventory.test'],
        correlation_id: event.correlationId,
        error: null,
      }),
    ]);
    expect(await fx.drain(fx.queueUrls[queue])).toHaveLength(0);
  });

  it('keeps subjects on one line whatever the product name holds', async () => {
    const name = 'ESP32\r\nBcc: everyone@evil.example\r\n\u2028DevKit\t';
    await fx.publish(queue, envelope(StockEvents.Low, level({ name })));
    await fx.publish(queue, envelope(StockEvents.Depleted, level({ name, before: 2, after: 0 })));

    // Only these two products' alerts (an earlier test's late mail must not count).
    const ours = async () =>
      (await fx.sentMail()).filter((mail) => mail.subject.includes('everyone@evil.example'));
    await eventually('both alerts in the SES stand-in', async () => (await ours()).length === 2);
    const subjects = (await ours()).map((mail) => mail.subject).sort();
    expect(subjects).toEqual([
      'Critical: out of stock - ESP32 Bcc: everyone@evil.example DevKit (SKU: MCU-ESP-32)',
      'Low Stock Alert - ESP32 Bcc: everyone@evil.example DevKit (SKU: MCU-ESP-32)',
    ]);
    // The log row commits just after SES took the email.
    const logged = async () =>
      (await fx.emailLog())
        .map((row) => row.subject as string)
        .filter((subject) => subject.includes('everyone@evil.example'))
        .sort();
    await eventually('both in the email log', async () => (await logged()).length === 2);
    expect(await logged()).toEqual(subjects);
  });

  /** Every event the service's stock-events handler is given, by id. */
  function deliveries(): string[] {
    const seen: string[] = [];
    const handler = fx.app.get(StockEventsHandler);
    const handle = handler.handle.bind(handler);
    jest.spyOn(handler, 'handle').mockImplementation(async (event, context) => {
      seen.push(context.envelope.id);
      return handle(event, context);
    });
    return seen;
  }

  afterEach(() => jest.restoreAllMocks());

  it('sends one email for an event delivered three times', async () => {
    const seen = deliveries();
    const event = envelope(StockEvents.Low, level());
    await fx.publishMany(queue, [event, event, event]);

    await eventually('all three deliveries to be handled', async () => seen.length === 3);
    await sleep(1000);
    expect(seen).toEqual([event.id, event.id, event.id]);
    expect(await fx.sentMail()).toHaveLength(1);
    const log = await fx.emailLog();
    expect(log.map((row) => [row.status, row.event_id])).toEqual([['sent', event.id]]);
    // Nothing comes back later either: every delivery was deleted.
    await sleep(1000);
    expect(await fx.sentMail()).toHaveLength(1);
  });

  it('sends "Critical: out of stock" on stock.depleted, and nothing more for the stock.low of the same movement', async () => {
    const movement = level({
      name: '9V Battery',
      sku: 'PWR-BAT-9V',
      before: 12,
      after: 0,
      reorderLevel: 6,
    });
    await fx.publishMany(queue, [
      envelope(StockEvents.LevelChanged, movement),
      envelope(StockEvents.Low, movement),
      envelope(StockEvents.Depleted, movement),
    ]);
    await eventually('the critical alert', async () => (await fx.sentMail()).length > 0);
    await sleep(800);
    const mail = await fx.sentMail();
    expect(mail.map((m) => m.subject)).toEqual([
      'Critical: out of stock - 9V Battery (SKU: PWR-BAT-9V)',
    ]);
    expect(mail[0].body.text).toContain('9V Battery (SKU: PWR-BAT-9V) is out of stock:');
    expect(mail[0].body.text).toContain('- On hand: 0 units\n- Reorder level: 6 units');
    expect(mail[0].body.text).toContain(`http://inventory.test/products/${movement.productId}`);
    expect((await fx.emailLog()).map((row) => row.kind)).toEqual(['out_of_stock']);
  });

  it('acknowledges stock.level.changed without sending anything', async () => {
    const seen = deliveries();
    const events = Array.from({ length: 25 }, () => envelope(StockEvents.LevelChanged, level()));
    await fx.publishMany(queue, events);
    await eventually('every event to be handled', async () => seen.length === 25);
    await sleep(1000);
    expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
    expect(await fx.drain(fx.queueUrls[queue])).toHaveLength(0);
    expect(await fx.sentMail()).toHaveLength(0);
    expect(await fx.emailLog()).toHaveLength(0);
  });

  it('still sends a stock.low that arrives after a later stock.replenished: one email per crossing', async () => {
    const productId = randomUUID();
    const earlier = new Date(Date.now() - 60_000).toISOString();
    const replenished = envelope(
      StockEvents.Replenished,
      level({ productId, before: 8, after: 40, at: new Date().toISOString() }),
    );
    await fx.publish(queue, replenished);
    await eventually('the replenishment to be recorded', async () => {
      const rows = await fx.db.query('SELECT level FROM alert_state WHERE product_id = $1', [
        productId,
      ]);
      return rows[0]?.level === 'ok';
    });
    const late = envelope(StockEvents.Low, level({ productId, at: earlier }));
    await fx.publish(queue, late);
    await eventually('the late alert to be sent', async () => (await fx.sentMail()).length === 1);
    // Its log row commits just after SES took the email.
    await eventually(
      'the late alert in the email log',
      async () => (await fx.emailLog()).length > 0,
    );
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({ status: 'sent', event_id: late.id }),
    ]);
    // The late event does not overwrite the newer level the service already knows.
    const [state] = await fx.db.query('SELECT level FROM alert_state WHERE product_id = $1', [
      productId,
    ]);
    expect(state.level).toBe('ok');

    // The next crossing alerts again.
    await fx.publish(queue, envelope(StockEvents.Low, level({ productId })));
    await eventually('the new alert', async () => (await fx.sentMail()).length === 2);
  });

  it('sends a poison message to the dead-letter queue and keeps processing the next good one', async () => {
    const unknownType = envelope('stock.exploded', level());
    const badPayload = envelope(StockEvents.Low, { ...level(), after: -3, productId: 'nope' });
    await fx.publish(queue, 'this is not json');
    await fx.publish(queue, unknownType);
    await fx.publish(queue, badPayload);
    const good = envelope(StockEvents.Low, level({ name: 'Good Part' }));
    await fx.publish(queue, good);

    await eventually('the good alert', async () =>
      (await fx.sentMail()).some((m) => m.subject.includes('Good Part')),
    );
    const dead: string[] = [];
    await eventually(
      'the three poison messages in the dead-letter queue',
      async () => {
        dead.push(
          ...(await fx.drain(fx.queueUrls[deadLetterQueueName(queue)])).map((m) => m.Body!),
        );
        return dead.length === 3;
      },
      20_000,
    );
    expect(dead.sort()).toEqual(
      ['this is not json', JSON.stringify(unknownType), JSON.stringify(badPayload)].sort(),
    );
    expect((await fx.sentMail()).map((m) => m.subject)).toEqual([
      'Low Stock Alert - Good Part (SKU: MCU-ESP-32)',
    ]);
  });

  it('sends nothing, and says why in the email log, while the recipient list is empty', async () => {
    await fx.ask(SetAlertRecipients, { recipients: [] });
    try {
      const event = envelope(StockEvents.Low, level());
      await fx.publish(queue, event);
      await eventually('the alert to be handled', async () => (await fx.emailLog()).length === 1);
      expect(await fx.emailLog()).toEqual([
        expect.objectContaining({ status: 'skipped', error: 'no alert recipients are configured' }),
      ]);
      expect(await fx.sentMail()).toHaveLength(0);
    } finally {
      await fx.ask(SetAlertRecipients, {
        recipients: ['stores@inventory.test', 'lab@inventory.test'],
      });
    }
  });
});
