import { randomUUID } from 'node:crypto';
import {
  type Page,
  type RecordMovementReply,
  type StockHistory,
  type StockLevel,
  type StockSummary,
  type StockMovement,
  GetStockHistory,
  GetStockLevels,
  GetStockSummary,
  ListLowStock,
  ListMovements,
  RecordMovement,
  SetReorderLevel,
} from '@inventory/contracts';
import { GetStockHistoryQuery } from '../src/queries/get-stock-history/get-stock-history.query';
import { PurgeExpiredService } from '../src/commands/purge-expired/purge-expired.service';
import { ADMIN, errorBody, STAFF, stockFixture, type StockFixture } from './support';

describe('reading stock: levels, low stock, the ledger', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({ DEFAULT_REORDER_LEVEL: '5' }, 'stock_queries');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const record = (data: object) => fx.send<RecordMovementReply>(RecordMovement, data, STAFF);
  const list = (query: object) => fx.send<Page<StockMovement>>(ListMovements, query);

  it('lists movements newest first, filtered by product, type and time, one page at a time', async () => {
    const { id } = fx.catalog.add();
    const other = fx.catalog.add();
    const replies: RecordMovementReply[] = [];
    for (let i = 1; i <= 7; i++)
      replies.push(await record({ productId: id, type: 'receive', quantity: i }));
    replies.push(await record({ productId: id, type: 'issue', quantity: 2 }));
    await record({ productId: other.id, type: 'receive', quantity: 1 });

    const first = await list({ productId: id, pageSize: 3 });
    expect(first.total).toBe(8);
    expect(first.page).toBe(1);
    expect(first.items.map((m) => m.id)).toEqual(
      replies
        .slice(-3)
        .reverse()
        .map((r) => r.movement.id),
    );
    const third = await list({ productId: id, pageSize: 3, page: 3 });
    expect(third.items.map((m) => m.id)).toEqual(
      replies
        .slice(0, 2)
        .reverse()
        .map((r) => r.movement.id),
    );

    const issues = await list({ productId: id, type: 'issue' });
    expect(issues.items.map((m) => m.delta)).toEqual([-2]);

    const from = replies[3].movement.createdAt;
    const to = replies[6].movement.createdAt;
    const window = await list({ productId: id, from, to });
    expect(window.items.map((m) => m.quantityAfter)).toEqual(
      replies
        .slice(3, 6)
        .reverse()
        .map((r) => r.movement.quantityAfter),
    );

    const everything = await list({ pageSize: 100 });
    expect(everything.items.some((m) => m.productId === other.id)).toBe(true);
  });

  it.each([
    [{ type: 'lost' }, 'type'],
    [{ from: 'yesterday' }, 'from'],
    [{ pageSize: 101 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ productId: '42' }, 'productId'],
    [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
  ])('refuses the list query %j with 400 naming %s', async (query, field) => {
    const error = await fx.sendExpectingError(ListMovements, query);
    expect(error.getStatus()).toBe(400);
    expect(errorBody(error).details?.map((d) => d.field)).toContain(field);
  });

  it('answers one level per id asked, in order, unknown ids as 0 on hand, without asking the catalog', async () => {
    const a = fx.catalog.add({ sku: 'A-1' });
    const b = fx.catalog.add({ sku: 'B-1' });
    await record({ productId: a.id, type: 'receive', quantity: 12 });
    await record({ productId: b.id, type: 'receive', quantity: 3 });
    const unknown = randomUUID();

    const levels = await fx.send<StockLevel[]>(GetStockLevels, {
      productIds: [b.id, unknown, a.id],
    });
    expect(levels.map((l) => [l.productId, l.sku, l.onHand, l.status])).toEqual([
      [b.id, 'B-1', 3, 'low'],
      [unknown, null, 0, 'out'],
      [a.id, 'A-1', 12, 'ok'],
    ]);
    expect(levels[1]).toMatchObject({ reorderLevel: 5, lastMovementAt: null });
    expect(fx.catalog.lookups.get(unknown)).toBeUndefined();
    expect(await fx.send(GetStockLevels, { productIds: [] })).toEqual([]);

    const tooMany = await fx.sendExpectingError(GetStockLevels, {
      productIds: Array.from({ length: 501 }, () => randomUUID()),
    });
    expect(tooMany.getStatus()).toBe(400);
  });

  it('lists every active product at or below its reorder level, most urgent first, not the unstocked', async () => {
    const setReorderLevel = (productId: string, reorderLevel: number) =>
      fx.send(SetReorderLevel, { productId, reorderLevel }, ADMIN);
    const before = await fx.send<StockSummary>(GetStockSummary, {});
    const esp = fx.catalog.add({ sku: 'MCU-ESP-32', name: 'ESP32 DevKit' });
    const battery = fx.catalog.add({ sku: 'PWR-BAT-9V', name: '9V Battery' });
    const empty = fx.catalog.add({ sku: 'SEN-DHT-22', name: 'DHT22' });
    const plenty = fx.catalog.add({ sku: 'RES-1K', name: '1k resistor' });
    const archived = fx.catalog.add({ sku: 'OLD-1', name: 'Old part' });
    // Nobody stocks it and nobody set a reorder level: it has not run out, it needs nothing.
    const unstocked = fx.catalog.add({ sku: 'CON-USB-C', name: 'USB-C socket' });
    const usedUp = fx.catalog.add({ sku: 'CAB-JMP-10', name: 'Jumper wires' });
    await record({ productId: esp.id, type: 'receive', quantity: 8 });
    await setReorderLevel(esp.id, 10);
    await record({ productId: battery.id, type: 'receive', quantity: 6 });
    await setReorderLevel(battery.id, 12);
    await setReorderLevel(empty.id, 4);
    await record({ productId: plenty.id, type: 'receive', quantity: 500 });
    await setReorderLevel(plenty.id, 100);
    await setReorderLevel(archived.id, 10);
    await fx.db.query('UPDATE stock_items SET active = false WHERE product_id = $1', [archived.id]);
    await setReorderLevel(unstocked.id, 0);
    await record({ productId: usedUp.id, type: 'receive', quantity: 3 });
    await setReorderLevel(usedUp.id, 0);
    await record({ productId: usedUp.id, type: 'issue', quantity: 3 });

    const low = await fx.send<StockLevel[]>(ListLowStock, {});
    const mine = low.filter((l) =>
      [esp.id, battery.id, empty.id, plenty.id, archived.id, unstocked.id, usedUp.id].includes(
        l.productId,
      ),
    );
    expect(mine.map((l) => [l.sku, l.onHand, l.reorderLevel, l.status])).toEqual([
      ['SEN-DHT-22', 0, 4, 'out'],
      ['PWR-BAT-9V', 6, 12, 'low'],
      ['MCU-ESP-32', 8, 10, 'low'],
    ]);

    // The dashboard's top few, and its counts.
    const top = await fx.send<StockLevel[]>(ListLowStock, { limit: 1 });
    expect(top).toHaveLength(1);
    expect(top[0].status).toBe('out');
    const onlyLow = await fx.send<StockLevel[]>(ListLowStock, { status: 'low' });
    expect(onlyLow.every((level) => level.status === 'low')).toBe(true);
    expect(onlyLow.map((level) => level.sku)).toEqual(
      expect.arrayContaining(['PWR-BAT-9V', 'MCU-ESP-32']),
    );
    const onlyOut = await fx.send<StockLevel[]>(ListLowStock, { status: 'out' });
    expect(onlyOut.every((level) => level.status === 'out')).toBe(true);
    expect(onlyOut.map((level) => level.sku)).toContain('SEN-DHT-22');
    expect(onlyOut.map((level) => level.sku)).not.toContain('CON-USB-C');
    expect(onlyOut.every((level) => level.reorderLevel > 0)).toBe(true);
    const tooMany = await fx.sendExpectingError(ListLowStock, { limit: 1001 });
    expect(tooMany.getStatus()).toBe(400);
    const after = await fx.send<StockSummary>(GetStockSummary, {});
    expect({
      active: after.active - before.active,
      ok: after.ok - before.ok,
      low: after.low - before.low,
      out: after.out - before.out,
    }).toEqual({ active: 6, ok: 3, low: 2, out: 1 });
    // Its own level still says what is on hand: none.
    const [own] = await fx.send<StockLevel[]>(GetStockLevels, {
      productIds: [unstocked.id],
    });
    expect([own.onHand, own.reorderLevel, own.status]).toEqual([0, 0, 'out']);
  });

  it('sets the reorder level (answering the level), refusing bad values and unknown products', async () => {
    const { id } = fx.catalog.add();
    await record({ productId: id, type: 'receive', quantity: 9 });
    const level = await fx.send<StockLevel>(
      SetReorderLevel,
      { productId: id, reorderLevel: 9 },
      ADMIN,
    );
    expect(level).toMatchObject({ productId: id, onHand: 9, reorderLevel: 9, status: 'low' });

    for (const reorderLevel of [-1, 2.5, '3', 1_000_000_001]) {
      const error = await fx.sendExpectingError(
        SetReorderLevel,
        { productId: id, reorderLevel },
        ADMIN,
      );
      expect(error.getStatus()).toBe(400);
      expect(errorBody(error).details?.[0].field).toBe('reorderLevel');
    }
    const unknown = await fx.sendExpectingError(
      SetReorderLevel,
      { productId: randomUUID(), reorderLevel: 3 },
      ADMIN,
    );
    expect(unknown.getStatus()).toBe(404);
  });

  it('forgets idempotency keys after the retention period, and not before', async () => {
    const { id } = fx.catalog.add();
    await record({ productId: id, type: 'receive', quantity: 1, idempotencyKey: 'old-key' });
    await record({ productId: id, type: 'receive', quantity: 1, idempotencyKey: 'recent-key' });
    await fx.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '49 hours' WHERE key = 'old-key'`,
    );
    const purged = await fx.app.get(PurgeExpiredService).purge();
    expect(purged.idempotencyKeys).toBe(1);
    const { rows } = await fx.db.query('SELECT key FROM idempotency_keys WHERE key LIKE $1', [
      '%-key',
    ]);
    expect(rows).toEqual([{ key: 'recent-key' }]);
    // The movement itself stays in the ledger.
    const page = await list({ productId: id });
    expect(page.total).toBe(2);
  });

  describe('stock history', () => {
    const DAY = 24 * 60 * 60 * 1000;

    it('answers on hand at the end of every day of the span, the oldest first', async () => {
      const { id } = fx.catalog.add();
      await record({ productId: id, type: 'receive', quantity: 20 });
      await record({ productId: id, type: 'issue', quantity: 3 });
      await record({ productId: id, type: 'adjust', quantity: -2, reason: 'Damaged' });
      await fx.send(SetReorderLevel, { productId: id, reorderLevel: 8 }, ADMIN);

      const history = await fx.send<StockHistory>(GetStockHistory, {
        productId: id,
        days: 30,
      });
      expect(history).toMatchObject({ productId: id, days: 30, reorderLevel: 8, onHand: 15 });
      expect(history.points).toHaveLength(30);
      const today = new Date().toISOString().slice(0, 10);
      expect(history.points.at(-1)).toEqual({ day: today, onHand: 15, received: 20, issued: 5 });
      expect(history.points[0].onHand).toBe(0);

      // Seen ten days later, today's movements are ten days back and carried forward.
      const later = await fx.app
        .get(GetStockHistoryQuery)
        .history(id, 30, new Date(Date.now() + 10 * DAY));
      expect(later.points[19]).toEqual({ day: today, onHand: 15, received: 20, issued: 5 });
      expect(later.points[18]).toMatchObject({ onHand: 0, received: 0, issued: 0 });
      expect(later.points.slice(20).map((p) => p.onHand)).toEqual(Array(10).fill(15));
      expect(later.points.slice(20).every((p) => p.received === 0 && p.issued === 0)).toBe(true);

      // Seen a year later, the span opens with what the ledger had then.
      const yearLater = await fx.app
        .get(GetStockHistoryQuery)
        .history(id, 90, new Date(Date.now() + 365 * DAY));
      expect(yearLater.points.map((p) => p.onHand)).toEqual(Array(90).fill(15));
    });

    it('answers 404 for an unknown product and 400 for a span it does not offer', async () => {
      const unknown = await fx.sendExpectingError(GetStockHistory, {
        productId: randomUUID(),
        days: 30,
      });
      expect(unknown.getStatus()).toBe(404);
      const { id } = fx.catalog.add();
      const badSpan = await fx.sendExpectingError(GetStockHistory, {
        productId: id,
        days: 7,
      });
      expect(badSpan.getStatus()).toBe(400);
      expect(errorBody(badSpan).details?.[0].field).toBe('days');
    });
  });
});
