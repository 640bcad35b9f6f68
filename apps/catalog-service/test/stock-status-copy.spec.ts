import { randomUUID } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  CreateCategory,
  CreateProduct,
  ListProducts,
  type CategoryDto,
  type EventEnvelope,
  type Page,
  type ProductDto,
  Queues,
  StockStatusEvents,
  type StockStatus,
  type StockStatusChangedPayload,
} from '@inventory/contracts';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  PURGE_EXPIRED_TASK,
  PurgeExpiredService,
} from '../src/products/commands/purge-expired/purge-expired.service';
import { AWS, type CatalogHarness, eventually, startCatalog } from './support/catalog-harness';

describe('the copy of each product’s stock status (stock-status queue → products.stock_status)', () => {
  let catalog: CatalogHarness;
  let sqs: SQSClient;
  let queueUrl: string;

  beforeAll(async () => {
    catalog = await startCatalog();
    sqs = new SQSClient({ ...AWS, endpoint: catalog.sqs.endpoint });
    ({ QueueUrl: queueUrl = '' } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: Queues.StockStatus }),
    ));
  });

  afterAll(async () => {
    sqs?.destroy();
    await catalog?.close();
  });

  const create = (data: Record<string, unknown>) => catalog.send<ProductDto>(CreateProduct, data);
  const list = (query: Record<string, unknown>) =>
    catalog.send<Page<ProductDto>>(ListProducts, query);

  function statusEvent(
    productId: string,
    status: StockStatus,
    at: string,
  ): EventEnvelope<StockStatusChangedPayload> {
    return {
      id: randomUUID(),
      type: StockStatusEvents.Changed,
      version: 1,
      occurredAt: at,
      source: 'stock',
      correlationId: randomUUID(),
      payload: { productId, status, onHand: status === 'out' ? 0 : 5, reorderLevel: 5, at },
    };
  }

  async function publish(envelope: EventEnvelope): Promise<void> {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(envelope),
        MessageAttributes: { type: { DataType: 'String', StringValue: envelope.type } },
      }),
    );
  }

  const stored = async (id: string) =>
    (
      await catalog.db.query(`SELECT stock_status, stock_status_at FROM products WHERE id = $1`, [
        id,
      ])
    )[0] as { stock_status: StockStatus; stock_status_at: Date | null };

  /** Waits until every event sent so far was consumed (recorded as processed). */
  const processed = (ids: string[]) =>
    eventually(`events ${ids.join(', ')} processed`, async () => {
      const rows = await catalog.db.query(
        `SELECT count(*)::int AS n FROM processed_messages WHERE event_id = ANY($1::uuid[])`,
        [ids],
      );
      return rows[0].n === ids.length;
    });

  it('starts out, applies an event, ignores an older one after it, and a redelivered one', async () => {
    const product = await create({ sku: 'STS-APPLY', name: 'Status applied' });
    expect((await stored(product.id)).stock_status).toBe('out');

    const newer = statusEvent(product.id, 'low', '2026-12-02T10:00:00.000500Z');
    await publish(newer);
    await processed([newer.id]);
    expect(await stored(product.id)).toEqual({
      stock_status: 'low',
      stock_status_at: new Date('2026-12-02T10:00:00.000Z'),
    });

    // Delivered late: it happened before the one applied, so it changes nothing.
    const older = statusEvent(product.id, 'ok', '2026-12-02T09:59:59.000Z');
    await publish(older);
    await processed([older.id]);
    expect((await stored(product.id)).stock_status).toBe('low');

    // The same event again (SQS delivers at least once): no second effect, no error.
    const later = statusEvent(product.id, 'ok', '2026-12-02T10:00:01.000Z');
    await publish(later);
    await processed([later.id]);
    expect((await stored(product.id)).stock_status).toBe('ok');
    await catalog.db.query(`UPDATE products SET stock_status = 'out' WHERE id = $1`, [product.id]);
    await publish(later);
    await eventually('the redelivery consumed', async () => {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return (
        Attributes.ApproximateNumberOfMessages === '0' &&
        Attributes.ApproximateNumberOfMessagesNotVisible === '0'
      );
    });
    expect((await stored(product.id)).stock_status).toBe('out');
  });

  it('filters the list by status, with search and category, counting only what matches', async () => {
    const sensors = await catalog.send<CategoryDto>(CreateCategory, {
      name: 'Status sensors',
    });
    const make = (sku: string, name: string, categoryId?: string) =>
      create({ sku, name, ...(categoryId ? { categoryId } : {}) });
    const lowSensor = await make('STF-TEMP-1', 'Filter temperature sensor', sensors.id);
    const okSensor = await make('STF-TEMP-2', 'Filter temperature probe', sensors.id);
    const lowOther = await make('STF-BAT-1', 'Filter battery');
    await make('STF-OUT-1', 'Filter out of stock part', sensors.id);
    const events = [
      statusEvent(lowSensor.id, 'low', '2026-12-02T11:00:00.000Z'),
      statusEvent(okSensor.id, 'ok', '2026-12-02T11:00:00.000Z'),
      statusEvent(lowOther.id, 'low', '2026-12-02T11:00:00.000Z'),
    ];
    for (const event of events) await publish(event);
    await processed(events.map((e) => e.id));

    const skus = async (query: Record<string, unknown>) => {
      const page = await list({ search: 'filter', ...query });
      return { skus: page.items.map((p) => p.sku), total: page.total };
    };
    expect(await skus({ status: 'low' })).toEqual({ skus: ['STF-BAT-1', 'STF-TEMP-1'], total: 2 });
    expect(await skus({ status: 'low', categoryId: sensors.id })).toEqual({
      skus: ['STF-TEMP-1'],
      total: 1,
    });
    expect(await skus({ status: 'ok' })).toEqual({ skus: ['STF-TEMP-2'], total: 1 });
    expect(await skus({ status: 'out', categoryId: sensors.id })).toEqual({
      skus: ['STF-OUT-1'],
      total: 1,
    });
    expect(await skus({ status: 'low', search: 'temperature' })).toEqual({
      skus: ['STF-TEMP-1'],
      total: 1,
    });
    // Without words the list pages from the indexes; the status filter holds there too.
    const lowPage = await list({ status: 'low', sort: '-name', pageSize: 1 });
    expect(lowPage.total).toBe(2);
    expect(lowPage.items.map((p) => p.sku)).toEqual(['STF-TEMP-1']);
  });

  it('forgets applied event ids after two weeks, and not before; hourly, in the SchedulerRegistry', async () => {
    const product = await create({ sku: 'STS-PURGE', name: 'Status purged' });
    const old = statusEvent(product.id, 'low', '2026-12-02T09:00:00.000Z');
    const recent = statusEvent(product.id, 'ok', '2026-12-02T09:30:00.000Z');
    await publish(old);
    await publish(recent);
    await processed([old.id, recent.id]);
    await catalog.db.query(
      `UPDATE processed_messages SET processed_at = now() - interval '15 days' WHERE event_id = $1`,
      [old.id],
    );
    await catalog.db.query(
      `UPDATE processed_messages SET processed_at = now() - interval '13 days' WHERE event_id = $1`,
      [recent.id],
    );

    const purged = await catalog.app.get(PurgeExpiredService).purge();

    expect(purged.processedMessages).toBe(1);
    const rows: { event_id: string }[] = await catalog.db.query(
      `SELECT event_id FROM processed_messages WHERE event_id = ANY($1::uuid[])`,
      [[old.id, recent.id]],
    );
    expect(rows.map((row) => row.event_id)).toEqual([recent.id]);
    // The copy itself is untouched.
    expect((await stored(product.id)).stock_status).toBe('ok');
    expect(catalog.app.get(SchedulerRegistry).getIntervals()).toContain(PURGE_EXPIRED_TASK);
  });

  it('refuses an unknown status, naming the field', async () => {
    const error = await catalog.fail(ListProducts, { status: 'empty' });
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toMatchObject({
      details: [{ field: 'status', message: 'status must be one of ok, low, out' }],
    });
  });
});
