import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { appScript, cloudWatchLogsDouble, freePort, type LogsDouble } from '@inventory/local-stack';
import { ApiClient, expectStatus } from './api-client';
import { eventually, startTestStack, type TestStack } from './support';
import { pdfFile, pngFile } from './sample-files';

const run = promisify(execFile);

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

interface LogLine {
  service?: string;
  event?: string;
  correlationId?: string;
  [key: string]: unknown;
}

const PNG = pngFile(2048);
const PDF = pdfFile(4112);

/**
 * The seed's "Test Full Workflow", end to end, as a user through the HTTP API only, on a
 * whole system started the way `npm start` starts it: sign in, add a product with an image
 * and a datasheet (S3), move stock across its reorder level (SES alerts), run the low-stock
 * check (the digest), and follow each request through every service's logs.
 */
describe.each([
  { bus: 'TCP', nats: false },
  { bus: 'NATS', nats: true },
])('the full workflow on the $bus bus', ({ nats }) => {
  const LOG_GROUP = '/aws/inventory-app';
  let stack: TestStack;
  let cloudWatch: LogsDouble;
  const api = () => new ApiClient(stack.urls.api);
  let admin: ApiClient;

  beforeAll(async () => {
    // Every app also ships its logs to CloudWatch: here an HTTP double of the Logs API.
    cloudWatch = cloudWatchLogsDouble(await freePort());
    await cloudWatch.start();
    stack = await startTestStack({
      nats,
      appEnv: {
        CLOUDWATCH_LOG_GROUP: LOG_GROUP,
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: cloudWatch.endpoint,
      },
    });
    admin = api();
    await admin.login(stack.admin.email, stack.admin.password);
  });

  afterAll(async () => {
    await stack?.stop();
    await cloudWatch?.stop();
  });

  const mail = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(new URL('/store', stack.urls.mail))).json()) as { emails: StoredEmail[] })
      .emails;

  const logLines = (app: string): LogLine[] =>
    readFileSync(join(stack.logDir, `${app}.log`), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  it('runs the whole story', async () => {
    // 1. Sign in as admin (done in beforeAll); the token works.
    expect(expectStatus(await admin.get<{ role: string }>('/me'), 200).role).toBe('admin');

    // 2. A category and a product with an image and a datasheet.
    const category = expectStatus(
      await admin.post<{ id: string }>('/categories', { name: 'Microcontrollers' }),
      201,
    );
    const esp32 = expectStatus(
      await admin.post<{ id: string; sku: string }>('/products', {
        sku: 'mcu-esp-32',
        name: 'ESP32 DevKit',
        categoryId: category.id,
        unitCost: '4.10',
        salePrice: '8.90',
        manufacturer: 'Espressif',
        mpn: 'ESP32-DEVKITC-32E',
        parameters: { voltage: '3.3 V', flash: '4 MB' },
      }),
      201,
    );
    expect(esp32.sku).toBe('MCU-ESP-32');

    const attach = async (
      kind: 'image' | 'datasheet',
      filename: string,
      contentType: string,
      bytes: Buffer,
    ) => {
      const ticket = expectStatus(
        await admin.post<{
          uploadId: string;
          url: string;
          method: string;
          headers: Record<string, string>;
        }>(`/products/${esp32.id}/media/uploads`, {
          kind,
          filename,
          contentType,
          size: bytes.length,
        }),
        201,
      );
      const put = await fetch(ticket.url, {
        method: ticket.method,
        headers: ticket.headers,
        body: new Uint8Array(bytes),
      });
      expect(put.status).toBe(200);
      return expectStatus(
        await admin.post<{ id: string; url: string; key?: string }>(
          `/products/${esp32.id}/media/uploads/${ticket.uploadId}/complete`,
        ),
        201,
      );
    };
    const image = await attach('image', 'esp32.png', 'image/png', PNG);
    const datasheet = await attach('datasheet', 'esp32-datasheet.pdf', 'application/pdf', PDF);

    // The objects are in the bucket under the product's prefixes, and the URLs serve the same bytes.
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: stack.urls.s3,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const keys = async (prefix: string) =>
      (
        (
          await s3.send(
            new ListObjectsV2Command({ Bucket: String(stack.appEnv.S3_BUCKET), Prefix: prefix }),
          )
        ).Contents ?? []
      ).map((object) => object.Key);
    expect(await keys(`products/${esp32.id}/`)).toHaveLength(1);
    expect(await keys(`datasheets/${esp32.id}/`)).toHaveLength(1);
    s3.destroy();
    expect(Buffer.from(await (await fetch(image.url)).arrayBuffer()).equals(PNG)).toBe(true);
    expect(Buffer.from(await (await fetch(datasheet.url)).arrayBuffer()).equals(PDF)).toBe(true);
    const media = expectStatus(await admin.get<unknown[]>(`/products/${esp32.id}/media`), 200);
    expect(media).toHaveLength(2);

    // 3. Reorder level 10; receive 20, issue below 10: exactly one low-stock email.
    expectStatus(await admin.put(`/products/${esp32.id}/reorder-level`, { reorderLevel: 10 }), 200);
    const move = async (type: string, quantity: number, requestId?: string) =>
      expectStatus(
        await admin.request<{ onHand: number }>(
          'POST',
          '/stock/movements',
          { productId: esp32.id, type, quantity, reference: `WF-${type}` },
          requestId ? { 'x-request-id': requestId } : {},
        ),
        201,
      ).onHand;
    expect(await move('receive', 20, `workflow-receive-${stack.ports.gateway}`)).toBe(20);
    expect(await move('issue', 5)).toBe(15);
    expect(await move('issue', 7)).toBe(8); // crosses 10
    expect(await move('issue', 1)).toBe(7); // still low: no second alert

    const lowAlerts = async () =>
      (await mail()).filter((email) => email.subject.startsWith('Low Stock Alert - ESP32 DevKit'));
    await eventually('the low-stock email', async () => (await lowAlerts()).length >= 1);
    const [low] = await lowAlerts();
    expect(low.destination.to).toEqual([stack.admin.email]);
    expect(low.body.text).toContain('ESP32 DevKit');
    expect(low.body.text).toContain('MCU-ESP-32');
    // The level at the crossing (15 → 8), not after the later issue.
    const lowLines = (low.body.text ?? '').split('\n');
    expect(lowLines).toContain('- On hand: 8 units');
    expect(lowLines).toContain('- Reorder level: 10 units');

    // Issue to zero: one critical email. Receive again (still low): no new alert.
    expect(await move('issue', 7)).toBe(0);
    const critical = async () =>
      (await mail()).filter((email) => /out of stock/i.test(email.subject));
    await eventually('the out-of-stock email', async () => (await critical()).length >= 1);
    expect(await move('receive', 6)).toBe(6);
    // A later event, processed: back above the reorder level (stock.replenished, no email).
    // Once the notification service has handled it, the events before it were handled too.
    const replenishId = `workflow-replenish-${stack.ports.gateway}`;
    expect(await move('receive', 10, replenishId)).toBe(16);
    await eventually('the notification service to handle the replenishment', async () =>
      logLines('notification').some(
        (line) => line.event === 'alert.cleared' && line.correlationId === replenishId,
      ),
    );
    expect(await lowAlerts()).toHaveLength(1);
    expect(await critical()).toHaveLength(1);
    expect(((await critical())[0].body.text ?? '').split('\n')).toContain('- On hand: 0 units');
    expect((await critical())[0].body.text).toContain('MCU-ESP-32');

    // Down across the reorder level again: a new crossing, its own alert.
    expect(await move('issue', 10)).toBe(6);
    await eventually('the second low-stock email', async () => (await lowAlerts()).length === 2);
    const second = (await lowAlerts()).find((email) =>
      (email.body.text ?? '').split('\n').includes('- On hand: 6 units'),
    );
    expect(second).toBeDefined();
    const stock = expectStatus(
      await admin.get<{ onHand: number; status: string }>(`/products/${esp32.id}/stock`),
      200,
    );
    expect(stock).toMatchObject({ onHand: 6, status: 'low' });

    // 4. The low-stock check command: the digest in the seed's format.
    const { stdout } = await run(
      process.execPath,
      [appScript('notification', 'run-digest'), '--force'],
      {
        env: { ...stack.appEnv, ...notificationPorts(stack) },
      },
    );
    expect(stdout).toContain('ESP32 DevKit');
    const digest = async () =>
      (await mail()).filter((email) => /Items? Needs? Restocking$/.test(email.subject));
    await eventually('the digest email', async () => (await digest()).length === 1);
    const [sent] = await digest();
    expect(sent.subject).toBe('Low Stock Alert - 1 Item Needs Restocking');
    expect(sent.body.text).toContain('- ESP32 DevKit (SKU: MCU-ESP-32): 6 units (Min: 10)');
    expect(sent.body.text).toContain('Login to manage inventory: ');

    // 5. One correlation id per request, across the services it touched.
    const requestId = `workflow-receive-${stack.ports.gateway}`;
    await eventually(
      'the receive in the gateway and stock logs',
      async () =>
        logLines('gateway').some((line) => line.correlationId === requestId) &&
        logLines('stock').some(
          (line) => line.event === 'stock.movement' && line.correlationId === requestId,
        ),
    );

    // ... and what reached CloudWatch (one stream per service instance) says the same.
    const shipped = () => cloudWatch.records<LogLine>(LOG_GROUP);
    await eventually(
      'the receive shipped to CloudWatch by gateway and stock',
      async () => {
        const lines = shipped().filter((line) => line.correlationId === requestId);
        return (
          lines.some((line) => line.service === 'gateway') &&
          lines.some((line) => line.service === 'stock' && line.event === 'stock.movement')
        );
      },
      10_000,
    );
    const streams = cloudWatch.streams(LOG_GROUP);
    for (const service of ['gateway', 'catalog', 'stock', 'notification']) {
      expect(streams.some((stream) => stream.startsWith(`${service}/`))).toBe(true);
    }
    await eventually(
      'startups, the alert and the digest run shipped',
      async () => {
        const events = new Set(shipped().map((line) => line.event));
        return events.has('app.started') && events.has('alert.sent') && events.has('task.run');
      },
      10_000,
    );
    // Every request line carries its request's id: nothing anonymous in between.
    const requestLines = shipped().filter(
      (line) => line.service === 'gateway' && line.msg === 'request completed',
    );
    expect(requestLines.length).toBeGreaterThan(10);
    expect(requestLines.every((line) => typeof line.correlationId === 'string')).toBe(true);
  });
});

function notificationPorts(stack: TestStack): NodeJS.ProcessEnv {
  return {
    BUS_PORT: String(stack.ports.services.notification.bus),
    HEALTH_PORT: String(stack.ports.services.notification.health),
  };
}
