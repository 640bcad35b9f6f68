import { randomUUID } from 'node:crypto';
import {
  MAX_MOVEMENT_QUANTITY,
  type RecordMovementReply,
  type StockLevel,
  GetStockLevel,
  RecordMovement,
} from '@inventory/contracts';
import { ADMIN, errorBody, ledgerTotals, STAFF, stockFixture, type StockFixture } from './support';

describe('recording movements (bus → real stock service → Postgres)', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({}, 'stock_movements');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const record = (data: object, actor = STAFF) =>
    fx.send<RecordMovementReply>(RecordMovement, data, actor);
  const level = (productId: string) => fx.send<StockLevel>(GetStockLevel, { productId });

  it('receives, issues, adjusts and counts, each answering the movement and on hand', async () => {
    const { id, sku } = fx.catalog.add({ sku: 'MCU-ESP-32', name: 'ESP32 DevKit' });

    const received = await record({
      productId: id,
      type: 'receive',
      quantity: 40,
      reference: 'PO-4711',
    });
    expect(received.onHand).toBe(40);
    expect(received.replayed).toBe(false);
    expect(received.movement).toMatchObject({
      productId: id,
      type: 'receive',
      delta: 40,
      quantityAfter: 40,
      reference: 'PO-4711',
      reason: null,
      actorUserId: STAFF.userId,
    });
    expect(received.movement.correlationId).toMatch(/^test-/);

    const issued = await record({ productId: id, type: 'issue', quantity: 15 });
    expect(issued.movement).toMatchObject({ type: 'issue', delta: -15, quantityAfter: 25 });

    const adjusted = await record(
      { productId: id, type: 'adjust', quantity: -3, reason: 'Damaged in storage' },
      ADMIN,
    );
    expect(adjusted.movement).toMatchObject({
      type: 'adjust',
      delta: -3,
      quantityAfter: 22,
      reason: 'Damaged in storage',
      actorUserId: ADMIN.userId,
    });

    const counted = await record({ productId: id, type: 'stocktake', quantity: 20 });
    expect(counted.movement).toMatchObject({ type: 'stocktake', delta: -2, quantityAfter: 20 });
    expect(counted.onHand).toBe(20);

    const confirmed = await record({ productId: id, type: 'stocktake', quantity: 20 });
    expect(confirmed.movement).toMatchObject({ type: 'stocktake', delta: 0, quantityAfter: 20 });

    const now = await level(id);
    expect(now).toMatchObject({ productId: id, sku, name: 'ESP32 DevKit', onHand: 20 });
    expect(now.lastMovementAt).toBe(confirmed.movement.createdAt);

    const { rows } = await fx.db.query(
      'SELECT type, delta, quantity_after FROM stock_movements WHERE product_id = $1 ORDER BY seq',
      [id],
    );
    expect(rows).toEqual([
      { type: 'receive', delta: 40, quantity_after: 40 },
      { type: 'issue', delta: -15, quantity_after: 25 },
      { type: 'adjust', delta: -3, quantity_after: 22 },
      { type: 'stocktake', delta: -2, quantity_after: 20 },
      { type: 'stocktake', delta: 0, quantity_after: 20 },
    ]);
  });

  it('refuses an issue larger than on hand with 409 naming what is available, and changes nothing', async () => {
    const { id } = fx.catalog.add({ sku: 'PWR-BAT-9V', name: '9V Battery' });
    await record({ productId: id, type: 'receive', quantity: 6 });

    const error = await fx.sendExpectingError(RecordMovement, {
      productId: id,
      type: 'issue',
      quantity: 7,
    });
    expect(error.getStatus()).toBe(409);
    expect(errorBody(error).message).toBe(
      'Not enough stock to issue 7 of PWR-BAT-9V (9V Battery): 6 on hand',
    );
    expect(errorBody(error).details).toEqual([{ field: 'quantity', message: '6 available' }]);

    const adjust = await fx.sendExpectingError(RecordMovement, {
      productId: id,
      type: 'adjust',
      quantity: -7,
      reason: 'lost',
    });
    expect(adjust.getStatus()).toBe(409);

    expect((await level(id)).onHand).toBe(6);
    const { rows } = await fx.db.query(
      'SELECT count(*)::int AS n FROM stock_movements WHERE product_id = $1',
      [id],
    );
    expect(rows[0].n).toBe(1);
  });

  it.each([
    [{ quantity: 0 }, 'quantity', 'quantity must be at least 1 for issue'],
    [{ quantity: -5 }, 'quantity', 'quantity must be at least 1 for issue'],
    [{ quantity: 1.5 }, 'quantity', 'quantity must be a whole number'],
    [{ quantity: '5' }, 'quantity', 'quantity must be a number'],
    [
      { quantity: MAX_MOVEMENT_QUANTITY + 1 },
      'quantity',
      'quantity must be at most 1000000 for one issue',
    ],
    [{ quantity: undefined }, 'quantity', 'quantity must be a number'],
    [{ type: 'steal' }, 'type', 'type must be one of receive, issue, adjust, stocktake'],
    [{ productId: 'not-a-uuid' }, 'productId', 'productId must be a UUID'],
    [{ reference: 'x'.repeat(201) }, 'reference', 'reference must be at most 200 characters'],
    [{ color: 'red' }, 'color', 'property color should not exist'],
    [{ type: 'adjust', quantity: 2 }, 'reason', 'reason is required for adjust'],
    [{ type: 'adjust', quantity: 2, reason: '   ' }, 'reason', 'reason must not be blank'],
    [
      { type: 'adjust', quantity: 0, reason: 'x' },
      'quantity',
      'quantity must not be 0 for adjust (positive adds, negative removes)',
    ],
    [
      { type: 'stocktake', quantity: -1 },
      'quantity',
      'quantity (the counted quantity) must be 0 or more for stocktake',
    ],
    [
      { idempotencyKey: 'has space' },
      'idempotencyKey',
      'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID is a good choice)',
    ],
  ])('refuses %j with 400 naming %s', async (change, field, message) => {
    const { id } = fx.catalog.add();
    const error = await fx.sendExpectingError(RecordMovement, {
      productId: id,
      type: 'issue',
      quantity: 1,
      ...change,
    });
    expect(error.getStatus()).toBe(400);
    expect(errorBody(error).details).toContainEqual({ field, message });
    const { rows } = await fx.db.query(
      'SELECT count(*)::int AS n FROM stock_movements WHERE product_id = $1',
      [id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('a product with no movements reads as 0 on hand', async () => {
    const { id, sku } = fx.catalog.add();
    expect(await level(id)).toEqual({
      productId: id,
      sku,
      name: expect.any(String),
      onHand: 0,
      reorderLevel: 0,
      status: 'out',
      location: null,
      lastMovementAt: null,
    });
  });

  it('asks the catalog about a product it has not heard of once, and keeps the copy', async () => {
    const { id } = fx.catalog.add({ sku: 'SEN-BME-280', name: 'BME280 sensor' });
    await record({ productId: id, type: 'receive', quantity: 3 });
    await record({ productId: id, type: 'receive', quantity: 3 });
    await record({ productId: id, type: 'issue', quantity: 1 });
    expect(fx.catalog.lookups.get(id)).toBe(1);
    const { rows } = await fx.db.query(
      'SELECT sku, name, active FROM stock_items WHERE product_id = $1',
      [id],
    );
    expect(rows).toEqual([{ sku: 'SEN-BME-280', name: 'BME280 sensor', active: true }]);
  });

  it('refuses a product the catalog does not know with 404 "unknown product"', async () => {
    const id = randomUUID();
    const error = await fx.sendExpectingError(RecordMovement, {
      productId: id,
      type: 'receive',
      quantity: 1,
    });
    expect(error.getStatus()).toBe(404);
    expect(errorBody(error).message).toBe(`Unknown product ${id}`);
    const { rows } = await fx.db.query(
      'SELECT count(*)::int AS n FROM stock_items WHERE product_id = $1',
      [id],
    );
    expect(rows[0].n).toBe(0);

    const levelError = await fx.sendExpectingError(GetStockLevel, { productId: id });
    expect(levelError.getStatus()).toBe(404);
  });

  it('refuses movements of an archived product with 422', async () => {
    const { id } = fx.catalog.add({ sku: 'OLD-1', name: 'Obsolete regulator', active: false });
    const error = await fx.sendExpectingError(RecordMovement, {
      productId: id,
      type: 'receive',
      quantity: 1,
    });
    expect(error.getStatus()).toBe(422);
    expect(errorBody(error).message).toBe(
      'Product OLD-1 (Obsolete regulator) is archived in the catalog: no new stock movements',
    );
    expect((await level(id)).onHand).toBe(0);
  });

  it('answers 503 when the catalog cannot be asked about an unknown product, and records once it can', async () => {
    const { id } = fx.catalog.add();
    await fx.catalog.stop();
    try {
      const error = await fx.sendExpectingError(RecordMovement, {
        productId: id,
        type: 'receive',
        quantity: 5,
      });
      expect(error.getStatus()).toBe(503);
      expect(errorBody(error).message).toContain('catalog cannot be asked right now');
    } finally {
      await fx.catalog.start();
    }
    const reply = await record({ productId: id, type: 'receive', quantity: 5 });
    expect(reply.onHand).toBe(5);
  });

  it('keeps on hand equal to the sum of the ledger for every product', async () => {
    for (const row of await ledgerTotals(fx)) {
      expect(row.on_hand).toBe(row.ledger_sum);
    }
  });

  it('refuses to change or delete a ledger row', async () => {
    await expect(fx.db.query('UPDATE stock_movements SET delta = delta')).rejects.toThrow(
      /append-only/,
    );
    await expect(fx.db.query('DELETE FROM stock_movements')).rejects.toThrow(/append-only/);
  });
});
