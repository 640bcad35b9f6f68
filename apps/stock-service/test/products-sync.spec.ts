import { randomUUID } from 'node:crypto';
import {
  CatalogEvents,
  type EventEnvelope,
  type ProductsImportedPayload,
  type SyncProductsReply,
  RecordMovement,
  SyncProducts,
} from '@inventory/contracts';
import {
  errorBody,
  eventually,
  sendCatalogEvent,
  stockFixture,
  type StockFixture,
} from './support';

const envelope = <T>(type: string, payload: T, occurredAt: Date): EventEnvelope<T> => ({
  id: randomUUID(),
  type,
  version: 1,
  occurredAt: occurredAt.toISOString(),
  source: 'catalog',
  correlationId: `catalog-${randomUUID()}`,
  payload,
});

describe('stock.products.sync: archives and deletes stop movements before the catalog answers', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({}, 'stock_products_sync');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const copy = async (productId: string) =>
    (
      await fx.db.query(
        'SELECT sku, name, active, catalog_event_at FROM stock_items WHERE product_id = $1',
        [productId],
      )
    ).rows[0];
  const sync = (
    products: { productId: string; active: boolean; changedAt: Date; sku?: string }[],
    requireNoHistory?: boolean,
  ) =>
    fx.send<SyncProductsReply>(SyncProducts, {
      products: products.map((p) => ({
        productId: p.productId,
        sku: p.sku ?? 'SYNC-PART',
        name: 'Synced part',
        active: p.active,
        changedAt: p.changedAt.toISOString(),
      })),
      ...(requireNoHistory ? { requireNoHistory } : {}),
    });
  const receive = (productId: string, quantity = 1) =>
    fx.send(RecordMovement, { productId, type: 'receive', quantity });

  it('refuses movements from the answer on, for a product it has a copy of and for one it never heard of', async () => {
    const known = fx.catalog.add();
    await receive(known.id, 5);
    const unknown = randomUUID();
    const reply = await sync([
      { productId: known.id, active: false, changedAt: new Date() },
      { productId: unknown, active: false, changedAt: new Date() },
    ]);
    expect(reply).toEqual({ applied: 2, history: [] });
    for (const productId of [known.id, unknown]) {
      const refused = await fx.sendExpectingError(RecordMovement, {
        productId,
        type: 'receive',
        quantity: 1,
      });
      expect(refused.getStatus()).toBe(422);
      expect(errorBody(refused).message).toContain('is archived in the catalog');
    }
    // The catalog was never asked about the product it had not told stock of yet.
    expect(fx.catalog.lookups.get(unknown)).toBeUndefined();
  });

  it('ends in the same state whatever order it and the catalog events arrive in', async () => {
    const productId = randomUUID();
    const archivedAt = new Date();
    const created = new Date(archivedAt.getTime() - 1000);
    await sync([{ productId, active: false, changedAt: archivedAt }]);
    // The product.created event, older, arrives later: it must not bring the product back.
    const events = [
      envelope(
        CatalogEvents.ProductCreated,
        { productId, sku: 'SYNC-ORDER', name: 'Old name', active: true },
        created,
      ),
      // Then the archive's own event, with the same time the sync carried.
      envelope(
        CatalogEvents.ProductArchived,
        { productId, sku: 'SYNC-ORDER', name: 'Synced part', active: false },
        archivedAt,
      ),
    ];
    for (const event of events) await sendCatalogEvent(fx, event);
    await eventually('both events consumed', async () => {
      const { rows } = await fx.db.query(
        'SELECT count(*)::int AS n FROM processed_messages WHERE event_id = ANY($1::uuid[])',
        [events.map((event) => event.id)],
      );
      return rows[0].n === 2;
    });
    expect(await copy(productId)).toMatchObject({ active: false });
    // A newer state (the product brought back) applies.
    await sync([{ productId, active: true, changedAt: new Date(archivedAt.getTime() + 1000) }]);
    expect(await copy(productId)).toMatchObject({ active: true });
    await receive(productId, 2);
  });

  it('for a delete: refuses (changing nothing) when the product has history, else stops it', async () => {
    const moved = fx.catalog.add();
    await receive(moved.id, 3);
    const refused = await sync(
      [{ productId: moved.id, active: false, changedAt: new Date() }],
      true,
    );
    expect(refused.applied).toBe(0);
    expect(refused.history).toEqual([
      { productId: moved.id, lastMovementAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
    expect(await copy(moved.id)).toMatchObject({ active: true });
    await receive(moved.id, 1);

    const never = randomUUID();
    expect(await sync([{ productId: never, active: false, changedAt: new Date() }], true)).toEqual({
      applied: 1,
      history: [],
    });
    expect(await copy(never)).toMatchObject({ active: false });
  });

  it('records no movement after it answered, with movements arriving all the while', async () => {
    const product = fx.catalog.add();
    await receive(product.id, 1);
    let stop = false;
    const outcomes: ('recorded' | 'refused')[] = [];
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          await receive(product.id, 1);
          outcomes.push('recorded');
        } catch {
          outcomes.push('refused');
        }
      }
    });
    await eventually('movements flowing', async () => outcomes.length >= 40);
    await sync([{ productId: product.id, active: false, changedAt: new Date() }]);
    const answeredAt = new Date();
    await eventually('movements refused', async () => outcomes.slice(-10).includes('refused'));
    stop = true;
    await Promise.all(clients);

    const { rows } = await fx.db.query(
      `SELECT count(*)::int AS n, max(created_at) AS last FROM stock_movements WHERE product_id = $1`,
      [product.id],
    );
    expect(rows[0].n).toBeGreaterThan(40);
    expect(new Date(rows[0].last).getTime()).toBeLessThanOrEqual(answeredAt.getTime());
    // The ledger still adds up to on hand.
    const [{ on_hand }] = (
      await fx.db.query('SELECT on_hand FROM stock_items WHERE product_id = $1', [product.id])
    ).rows;
    expect(on_hand).toBe(rows[0].n);
  });

  it('applies a products.imported event (many products) in one go', async () => {
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const payload: ProductsImportedPayload = {
      products: ids.map((productId, i) => ({
        type: i % 2 === 0 ? CatalogEvents.ProductCreated : CatalogEvents.ProductArchived,
        product: { productId, sku: `IMP-${i}`, name: `Imported ${i}`, active: i % 2 === 0 },
      })),
    };
    await sendCatalogEvent(fx, envelope(CatalogEvents.ProductsImported, payload, new Date()));
    await eventually('the copies', async () => {
      const { rows } = await fx.db.query(
        'SELECT count(*)::int AS n FROM stock_items WHERE product_id = ANY($1::uuid[])',
        [ids],
      );
      return rows[0].n === ids.length;
    });
    expect(await copy(ids[0])).toMatchObject({ sku: 'IMP-0', active: true });
    expect(await copy(ids[1])).toMatchObject({ sku: 'IMP-1', active: false });
  });
});
