import { randomUUID } from 'node:crypto';
import {
  CatalogEvents,
  deadLetterQueueName,
  Queues,
  type EventEnvelope,
  type ProductEventPayload,
  RecordMovement,
} from '@inventory/contracts';
import { copyCatalogProduct } from '../src/commands/copy-catalog-product/copy-catalog-product.handler';
import {
  drain,
  errorBody,
  eventually,
  queueIsEmpty,
  sendCatalogEvent,
  stockFixture,
  type StockFixture,
} from './support';

function catalogEvent(
  type: string,
  payload: ProductEventPayload,
  occurredAt = new Date(),
): EventEnvelope<ProductEventPayload> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: occurredAt.toISOString(),
    source: 'catalog',
    correlationId: `catalog-${randomUUID()}`,
    payload,
  };
}

describe('the stock service keeps its copy of products from catalog events', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({}, 'stock_catalog_events');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const item = async (productId: string) =>
    (
      await fx.db.query(
        'SELECT sku, name, active, on_hand, updated_at FROM stock_items WHERE product_id = $1',
        [productId],
      )
    ).rows[0];

  it('creates the copy from product.created: movements need no catalog lookup', async () => {
    const productId = randomUUID();
    await sendCatalogEvent(
      fx,
      catalogEvent(CatalogEvents.ProductCreated, {
        productId,
        sku: 'CAP-100N',
        name: '100nF capacitor',
        active: true,
      }),
    );
    await eventually('the copy', async () => !!(await item(productId)));
    expect(await item(productId)).toMatchObject({
      sku: 'CAP-100N',
      name: '100nF capacitor',
      active: true,
      on_hand: 0,
    });

    await fx.send(RecordMovement, { productId, type: 'receive', quantity: 100 });
    expect(fx.catalog.lookups.get(productId)).toBeUndefined();
  });

  it('applies the same event delivered three times once', async () => {
    const productId = randomUUID();
    const created = catalogEvent(CatalogEvents.ProductCreated, {
      productId,
      sku: 'LED-RED-5MM',
      name: 'Red LED',
      active: true,
    });
    await sendCatalogEvent(fx, created);
    await eventually('the copy', async () => !!(await item(productId)));
    const first = await item(productId);

    await sendCatalogEvent(fx, created);
    await sendCatalogEvent(fx, created);
    await eventually('both repeats to be consumed', () => queueIsEmpty(fx, Queues.CatalogEvents));

    expect((await item(productId)).updated_at).toEqual(first.updated_at);
    const { rows } = await fx.db.query(
      'SELECT count(*)::int AS n FROM processed_messages WHERE event_id = $1 AND consumer = $2',
      [created.id, copyCatalogProduct.name],
    );
    expect(rows[0].n).toBe(1);
    expect(await drain(fx.sqs, fx.queueUrls[deadLetterQueueName(Queues.CatalogEvents)])).toEqual(
      [],
    );
  });

  it('follows renames and archiving; an archived product refuses movements; an older event does not undo a newer one', async () => {
    const productId = randomUUID();
    const t0 = new Date(Date.now() - 60_000);
    const t1 = new Date(Date.now() - 30_000);
    await sendCatalogEvent(
      fx,
      catalogEvent(
        CatalogEvents.ProductUpdated,
        { productId, sku: 'IC-555', name: 'NE555 timer (DIP-8)', active: true },
        t1,
      ),
    );
    await eventually(
      'the copy',
      async () => (await item(productId))?.name === 'NE555 timer (DIP-8)',
    );
    // The creation, delivered late, is older than what we have: ignored.
    await sendCatalogEvent(
      fx,
      catalogEvent(
        CatalogEvents.ProductCreated,
        { productId, sku: 'IC-555', name: 'NE555', active: true },
        t0,
      ),
    );
    await eventually('the late event to be consumed', () => queueIsEmpty(fx, Queues.CatalogEvents));
    expect((await item(productId)).name).toBe('NE555 timer (DIP-8)');

    await sendCatalogEvent(
      fx,
      catalogEvent(CatalogEvents.ProductArchived, {
        productId,
        sku: 'IC-555',
        name: 'NE555 timer (DIP-8)',
        active: false,
      }),
    );
    await eventually('the archiving', async () => (await item(productId)).active === false);
    const error = await fx.sendExpectingError(RecordMovement, {
      productId,
      type: 'receive',
      quantity: 1,
    });
    expect(error.getStatus()).toBe(422);
    expect(errorBody(error).message).toContain('IC-555 (NE555 timer (DIP-8)) is archived');
  });

  it('a deleted product can no longer move', async () => {
    const productId = randomUUID();
    await sendCatalogEvent(
      fx,
      catalogEvent(CatalogEvents.ProductCreated, {
        productId,
        sku: 'DEL-1',
        name: 'Gone soon',
        active: true,
      }),
    );
    await eventually('the copy', async () => !!(await item(productId)));
    await fx.send(RecordMovement, { productId, type: 'receive', quantity: 5 });
    // The catalog says it is deleted, in an event that (wrongly) still calls it active.
    await sendCatalogEvent(
      fx,
      catalogEvent(CatalogEvents.ProductDeleted, {
        productId,
        sku: 'DEL-1',
        name: 'Gone soon',
        active: true,
      }),
    );
    await eventually('the deletion', async () => (await item(productId)).active === false);

    const error = await fx.sendExpectingError(RecordMovement, {
      productId,
      type: 'issue',
      quantity: 1,
    });
    expect(error.getStatus()).toBe(422);
    expect(errorBody(error).message).toContain('DEL-1 (Gone soon) is archived');
    // Nothing moved, and its ledger stays.
    expect((await item(productId)).on_hand).toBe(5);
    const { rows } = await fx.db.query(
      'SELECT type, delta FROM stock_movements WHERE product_id = $1',
      [productId],
    );
    expect(rows).toEqual([{ type: 'receive', delta: 5 }]);
  });

  it('a malformed event ends in the dead-letter queue and changes nothing', async () => {
    const productId = randomUUID();
    const bad = catalogEvent(CatalogEvents.ProductCreated, {
      productId,
      sku: 'X'.repeat(100),
      name: 'Too long a SKU',
      active: true,
    });
    await sendCatalogEvent(fx, bad);
    const dead: string[] = [];
    await eventually(
      'the event in the dead-letter queue',
      async () => {
        const messages = await drain(
          fx.sqs,
          fx.queueUrls[deadLetterQueueName(Queues.CatalogEvents)],
        );
        dead.push(...messages.map((m) => (JSON.parse(m.Body!) as EventEnvelope).id));
        return dead.includes(bad.id);
      },
      15_000,
    );
    expect(await item(productId)).toBeUndefined();
  });
});
