import { randomUUID } from 'node:crypto';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Queues, StockEvents, type EventEnvelope } from '@inventory/contracts';
import { eventually, startTestStack, type TestStack } from './support';

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

/**
 * The notification service as `npm start` runs it (node dist/main.js, its AWS clients
 * pointed at the stand-ins by AWS_ENDPOINT_URL_*): a stock event on the queue becomes an
 * email in the SES stand-in, sent to the recipients seeded from ALERT_RECIPIENTS.
 */
describe('stock alerts through the whole local stack', () => {
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
});
