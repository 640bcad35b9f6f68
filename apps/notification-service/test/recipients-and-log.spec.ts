import { randomUUID } from 'node:crypto';
import {
  Queues,
  StockEvents,
  type AlertRecipients,
  type EmailLogEntry,
  type EmailLogEntryWithText,
  type Page,
  GetAlertRecipients,
  GetEmail,
  ListEmails,
  SetAlertRecipients,
} from '@inventory/contracts';
import type { ServiceError } from '@inventory/platform';
import { withheldText } from '../src/database/email-log.repository';
import { envelope, eventually, NotificationFixture } from './support';

describe('alert recipients and the email log (bus patterns)', () => {
  let fx: NotificationFixture;

  beforeAll(async () => {
    fx = await NotificationFixture.create({
      env: {
        ALERT_RECIPIENTS: 'stores@inventory.test,  Lab@Inventory.test, stores@inventory.test',
      },
    });
  });

  afterAll(async () => {
    await fx?.close();
  });

  const getRecipients = () => fx.ask<AlertRecipients>(GetAlertRecipients, {});
  const setRecipients = (recipients: unknown, userId = randomUUID()) =>
    fx.ask<AlertRecipients>(
      SetAlertRecipients,
      { recipients },
      {
        userId,
        role: 'admin',
      },
    );

  it('starts with the list from ALERT_RECIPIENTS, without duplicates', async () => {
    expect(await getRecipients()).toEqual({
      recipients: ['stores@inventory.test', 'Lab@Inventory.test'],
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('replaces the list, remembering who changed it', async () => {
    const admin = randomUUID();
    const saved = await setRecipients([' buyer@inventory.test', 'lab@inventory.test'], admin);
    expect(saved).toEqual({
      recipients: ['buyer@inventory.test', 'lab@inventory.test'],
      updatedAt: expect.any(String),
      updatedBy: admin,
    });
    expect(await getRecipients()).toEqual(saved);
  });

  it('refuses a list with an invalid address with a 400 naming it, and keeps the old list', async () => {
    const before = await getRecipients();
    const error = (await setRecipients(['ok@inventory.test', 'not-an-email', 'x@']).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual(
      expect.objectContaining({
        message: 'Invalid request: recipients',
        details: [
          {
            field: 'recipients',
            message: 'recipients must be email addresses; not valid: "not-an-email", "x@"',
          },
        ],
      }),
    );
    expect(await getRecipients()).toEqual(before);

    const notAList = (await setRecipients('ok@inventory.test').catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(notAList.getStatus()).toBe(400);
    const tooMany = (await setRecipients(
      Array.from({ length: 51 }, (_, i) => `r${i}@inventory.test`),
    ).catch((e: unknown) => e)) as ServiceError;
    expect(tooMany.getStatus()).toBe(400);
    expect(JSON.stringify(tooMany.getResponse())).toContain(
      'recipients must contain no more than 50 elements',
    );
  });

  it('keeps an emptied list empty across restarts (ALERT_RECIPIENTS seeds only once)', async () => {
    await setRecipients([]);
    await fx.start({ env: { ALERT_RECIPIENTS: 'stores@inventory.test' } });
    expect((await getRecipients()).recipients).toEqual([]);
    await setRecipients(['stores@inventory.test']);
  });

  it('lists the email log newest first, a page at a time, filtered by status or kind', async () => {
    await fx.db.query('TRUNCATE email_log');
    const events = Array.from({ length: 5 }, (_, i) =>
      envelope(StockEvents.Low, {
        productId: randomUUID(),
        sku: `PART-${i}`,
        name: `Part ${i}`,
        before: 5,
        after: 2,
        reorderLevel: 3,
        at: new Date().toISOString(),
      }),
    );
    for (const event of events) {
      await fx.publish(Queues.StockEvents, event);
      await eventually('the alert', async () =>
        (await fx.emailLog()).some((row) => row.event_id === event.id),
      );
    }
    const page1 = await fx.ask<Page<EmailLogEntry>>(ListEmails, {
      page: 1,
      pageSize: 2,
    });
    expect(page1.total).toBe(5);
    expect(page1.page).toBe(1);
    expect(page1.pageSize).toBe(2);
    expect(page1.items.map((e) => e.subject)).toEqual([
      'Low Stock Alert - Part 4 (SKU: PART-4)',
      'Low Stock Alert - Part 3 (SKU: PART-3)',
    ]);
    expect(page1.items[0]).toEqual({
      id: expect.any(String),
      kind: 'low_stock',
      status: 'sent',
      recipients: ['stores@inventory.test'],
      subject: 'Low Stock Alert - Part 4 (SKU: PART-4)',
      eventId: events[4].id,
      digestRunId: null,
      productId: events[4].payload.productId,
      sesMessageId: expect.stringMatching(/.+/),
      error: null,
      correlationId: events[4].correlationId,
      at: expect.any(String),
    });
    const page3 = await fx.ask<Page<EmailLogEntry>>(ListEmails, {
      page: 3,
      pageSize: 2,
    });
    expect(page3.items.map((e) => e.eventId)).toEqual([events[0].id]);

    const failed = await fx.ask<Page<EmailLogEntry>>(ListEmails, {
      status: 'failed',
    });
    expect(failed).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const byEvent = await fx.ask<Page<EmailLogEntry>>(ListEmails, {
      eventId: events[2].id,
    });
    expect(byEvent.items.map((e) => e.subject)).toEqual(['Low Stock Alert - Part 2 (SKU: PART-2)']);

    const bad = (await fx
      .ask(ListEmails, { pageSize: 500, status: 'lost' })
      .catch((e: unknown) => e)) as ServiceError;
    expect(bad.getStatus()).toBe(400);
    expect((bad.getResponse() as { message: string }).message).toBe(
      'Invalid request: status, pageSize',
    );
  });

  it('filters the log by time and opens one email with its text', async () => {
    await fx.db.query('TRUNCATE email_log');
    const event = envelope(StockEvents.Low, {
      productId: randomUUID(),
      sku: 'TEXT-1',
      name: 'Part with text',
      before: 5,
      after: 2,
      reorderLevel: 3,
      at: new Date().toISOString(),
    });
    await fx.publish(Queues.StockEvents, event);
    await eventually('the alert', async () =>
      (await fx.emailLog()).some((row) => row.event_id === event.id),
    );
    await fx.db.query(`UPDATE email_log SET at = '2026-01-10T12:00:00Z'`);

    const inJanuary = await fx.ask<Page<EmailLogEntry>>(ListEmails, {
      from: '2026-01-10',
      to: '2026-01-11',
    });
    expect(inJanuary.items.map((e) => e.subject)).toEqual([
      'Low Stock Alert - Part with text (SKU: TEXT-1)',
    ]);
    const later = await fx.ask<Page<EmailLogEntry>>(ListEmails, {
      from: '2026-01-10T12:00:01Z',
    });
    expect(later.total).toBe(0);

    const opened = await fx.ask<EmailLogEntryWithText>(GetEmail, {
      id: inJanuary.items[0].id,
    });
    expect(opened.subject).toBe('Low Stock Alert - Part with text (SKU: TEXT-1)');
    expect(opened.text).toContain('TEXT-1');
    expect(opened.text).toContain('2');

    const missing = (await fx
      .ask(GetEmail, { id: randomUUID() })
      .catch((e: unknown) => e)) as ServiceError;
    expect(missing.getStatus()).toBe(404);
    const badDate = (await fx
      .ask(ListEmails, { from: 'yesterday' })
      .catch((e: unknown) => e)) as ServiceError;
    expect(badDate.getStatus()).toBe(400);
  });

  it('withholds the link of a password-reset email in the log text', () => {
    const text = 'Choose a new password: http://x.test/reset-password?token=abc.DEF-123&x=1 now';
    expect(withheldText('password_reset', text)).toBe(
      'Choose a new password: http://x.test/reset-password?token=[withheld]&x=1 now',
    );
    expect(withheldText('welcome', 'Sign in at http://x.test/login')).toBe(
      'Sign in at http://x.test/login',
    );
  });
});
