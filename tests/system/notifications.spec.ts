import { randomUUID } from 'node:crypto';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Queues, StockEvents, type EventEnvelope } from '@inventory/contracts';
import { eventually, startTestStack, type TestStack } from './support';

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

interface EmailLogPage {
  total: number;
  items: { kind: string; status: string; recipients: string[]; correlationId: string | null }[];
}

/**
 * The notification service as `npm start` runs it (node dist/main.js, its AWS clients
 * pointed at the stand-ins by AWS_ENDPOINT_URL_*): a stock event on the queue becomes an
 * email in the SES stand-in, sent to the recipients seeded from ALERT_RECIPIENTS.
 */
describe('notifications through the whole local stack', () => {
  let stack: TestStack;
  let sqs: SQSClient;

  beforeAll(async () => {
    stack = await startTestStack();
    sqs = new SQSClient({
      region: 'us-east-1',
      endpoint: stack.urls.sqs,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    sqs?.destroy();
    await stack?.stop();
  });

  const mail = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(new URL('/store', stack.urls.mail))).json()) as { emails: StoredEmail[] })
      .emails;

  it('emails the admin once when stock.low reaches the stock-events queue (even delivered twice)', async () => {
    const productId = randomUUID();
    const event: EventEnvelope = {
      id: randomUUID(),
      type: StockEvents.Low,
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'stock',
      correlationId: `system-${randomUUID()}`,
      payload: {
        productId,
        sku: 'MCU-ESP-32',
        name: 'ESP32 DevKit',
        before: 11,
        after: 8,
        reorderLevel: 10,
        at: new Date().toISOString(),
      },
    };
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: Queues.StockEvents }));
    for (let i = 0; i < 2; i++) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(event) }));
    }

    await eventually('the alert in the SES stand-in', async () => (await mail()).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const emails = await mail();
    expect(emails).toHaveLength(1);
    expect(emails[0].destination.to).toEqual([stack.admin.email]);
    expect(emails[0].subject).toBe('Low Stock Alert - ESP32 DevKit (SKU: MCU-ESP-32)');
    expect(emails[0].body.text).toContain(
      `View the product: http://localhost:${stack.ports.gateway}/products/${productId}`,
    );
  });

  async function signIn(password = stack.admin.password): Promise<string> {
    const answer = await fetch(`${stack.urls.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: stack.admin.email, password }),
    });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { accessToken: string }).accessToken;
  }

  it("sends a forgotten password's reset link by email, and the link sets a new password", async () => {
    const requested = await fetch(`${stack.urls.api}/auth/password-reset/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'system-reset-1' },
      body: JSON.stringify({ email: stack.admin.email }),
    });
    expect(requested.status).toBe(202);

    let reset: StoredEmail | undefined;
    await eventually('the reset email in the SES stand-in', async () => {
      reset = (await mail()).find((m) => m.subject === 'Reset your Electronic Inventory password');
      return reset !== undefined;
    });
    expect(reset!.destination.to).toEqual([stack.admin.email]);
    const link = /http\S+reset-password\?token=(\S+)/.exec(reset!.body.text ?? '');
    expect(link).not.toBeNull();

    const newPassword = 'a brand new passphrase for the stores 7';
    const confirmed = await fetch(`${stack.urls.api}/auth/password-reset/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: decodeURIComponent(link![1]), newPassword }),
    });
    expect(confirmed.status).toBe(204);
    const token = await signIn(newPassword);

    // The admin's email log shows it, traced back to the request that caused it.
    const log = await fetch(`${stack.urls.api}/alerts/emails?kind=password_reset`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(log.status).toBe(200);
    const page = (await log.json()) as EmailLogPage;
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'password_reset',
        status: 'sent',
        recipients: [stack.admin.email],
        correlationId: 'system-reset-1',
      }),
    ]);
    stack.admin.password = newPassword;
  });

  it('lets an admin change the alert recipients through the API, refusing a bad address', async () => {
    const token = await signIn();
    const put = (recipients: unknown) =>
      fetch(`${stack.urls.api}/alerts/recipients`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ recipients }),
      });
    const bad = await put(['stores@lab.example', 'stores-at-lab']);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('not valid: \\"stores-at-lab\\"');

    const ok = await put(['stores@lab.example', stack.admin.email]);
    expect(ok.status).toBe(200);
    const got = await fetch(`${stack.urls.api}/alerts/recipients`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await got.json()) as { recipients: string[] }).recipients).toEqual([
      'stores@lab.example',
      stack.admin.email,
    ]);
  });
});
