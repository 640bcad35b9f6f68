import { randomUUID } from 'node:crypto';
import {
  deadLetterQueueName,
  NotificationRequests,
  Queues,
  type AccountEmailPayload,
} from '@inventory/contracts';
import { envelope, eventually, NotificationFixture, sleep } from './support';

const queue = Queues.NotificationRequests;

const account = (fields: Partial<AccountEmailPayload> = {}): AccountEmailPayload => ({
  userId: randomUUID(),
  email: 'ada@inventory.test',
  displayName: 'Ada Lovelace',
  link: `http://inventory.test/reset-password?token=${randomUUID()}`,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  ...fields,
});

describe('account emails from notification-requests', () => {
  let fx: NotificationFixture;

  beforeAll(async () => {
    fx = await NotificationFixture.create();
  });

  afterAll(async () => {
    await fx?.close();
  });

  beforeEach(async () => {
    await fx.clearMail();
    await fx.db.query('TRUNCATE email_log, processed_messages');
  });

  it('sends the password reset email with the link from the request, once', async () => {
    const payload = account();
    const event = envelope(NotificationRequests.PasswordReset, payload, { source: 'gateway' });
    await fx.publish(queue, event);
    await fx.publish(queue, event);

    await eventually('the reset email', async () => (await fx.sentMail()).length === 1);
    await sleep(1000);
    const mail = await fx.sentMail();
    expect(mail).toHaveLength(1);
    expect(mail[0].destination.to).toEqual(['ada@inventory.test']);
    expect(mail[0].subject).toBe('Reset your Electronic Inventory password');
    expect(mail[0].body.text).toContain(`Hello Ada Lovelace,`);
    expect(mail[0].body.text).toContain(`\n${payload.link}\n`);
    expect(mail[0].body.html).toContain(`href="${payload.link}"`);
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({ kind: 'password_reset', status: 'sent', event_id: event.id }),
    ]);
  });

  it('sends the welcome email with the login link', async () => {
    const payload = account({
      link: 'http://inventory.test/login',
      expiresAt: undefined,
      createdAt: new Date().toISOString(),
    });
    await fx.publish(queue, envelope(NotificationRequests.Welcome, payload, { source: 'gateway' }));
    await eventually('the welcome email', async () => (await fx.sentMail()).length === 1);
    const [mail] = await fx.sentMail();
    expect(mail.subject).toBe('Welcome to Electronic Inventory');
    expect(mail.body.text).toContain('Sign in here:\nhttp://inventory.test/login');
    // Handled to the end (logged, its id recorded) before the next test empties the tables.
    await eventually('the welcome email logged', async () => (await fx.emailLog()).length === 1);
  });

  it('still sends a welcome request queued in the old shape (creation time in expiresAt)', async () => {
    const payload = account({
      link: 'http://inventory.test/login',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const event = envelope(NotificationRequests.Welcome, payload, { source: 'gateway' });
    await fx.publish(queue, event);
    await eventually('the welcome email', async () => (await fx.sentMail()).length === 1);
    expect((await fx.sentMail())[0].subject).toBe('Welcome to Electronic Inventory');
    await eventually('the welcome email logged', async () => (await fx.emailLog()).length === 1);
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({ kind: 'welcome', status: 'sent', event_id: event.id }),
    ]);
  });

  it('does not send a reset link that expired while the request waited', async () => {
    const payload = account({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await fx.publish(queue, envelope(NotificationRequests.PasswordReset, payload));
    await eventually('the request to be handled', async () => (await fx.emailLog()).length === 1);
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({
        status: 'skipped',
        error: 'the reset link expired before it could be sent',
      }),
    ]);
    expect(await fx.sentMail()).toHaveLength(0);
  });

  it('dead-letters a request whose payload is not valid, and sends the next good one', async () => {
    const bad = envelope(NotificationRequests.Welcome, account({ email: 'not-an-address' }));
    await fx.publish(queue, bad);
    await fx.publish(queue, envelope(NotificationRequests.Welcome, account()));
    await eventually('the good email', async () => (await fx.sentMail()).length === 1);
    await eventually(
      'the bad request in the dead-letter queue',
      async () =>
        (await fx.drain(fx.queueUrls[deadLetterQueueName(queue)])).some(
          (m) => JSON.parse(m.Body!).id === bad.id,
        ),
      20_000,
    );
  });
});
