import {
  Queues,
  EventEnvelopeDto,
  StockEventDto,
  StockEvents,
  type RecordMovementReply,
  RecordMovement,
  SetReorderLevel,
} from '@inventory/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  ADMIN,
  collectStockEvents,
  eventually,
  STAFF,
  stockFixture,
  type StockEvent,
  type StockFixture,
} from './support';

describe('stock-level events on the stock-events queue (outbox → SQS stand-in)', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({}, 'stock_events');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const record = (data: object) => fx.send<RecordMovementReply>(RecordMovement, data, STAFF);
  const setReorderLevel = (productId: string, reorderLevel: number) =>
    fx.send(SetReorderLevel, { productId, reorderLevel }, ADMIN);
  const forProduct = (events: StockEvent[], productId: string) =>
    events.filter((e) => e.payload.productId === productId);
  const ofType = (events: StockEvent[], type: string) => events.filter((e) => e.type === type);

  it('a movement emits only its crossings: one low, depleted or replenished each, nothing in between', async () => {
    const { id, sku, name } = fx.catalog.add({ sku: 'MCU-ESP-32', name: 'ESP32 DevKit' });
    await setReorderLevel(id, 10); // 0 on hand, already at or below: no crossing
    const steps: [string, number, string[]][] = [
      ['receive', 20, [StockEvents.Replenished]], // 0 → 20
      ['issue', 5, []], // 20 → 15
      ['issue', 5, [StockEvents.Low]], // 15 → 10: at the level is low
      ['issue', 3, []], // 10 → 7: still low, no second alert
      ['issue', 2, []], // 7 → 5
      ['issue', 5, [StockEvents.Depleted]], // 5 → 0
      ['receive', 4, []], // 0 → 4: still low
      ['receive', 10, [StockEvents.Replenished]], // 4 → 14
    ];
    const movements: RecordMovementReply[] = [];
    for (const [type, quantity] of steps)
      movements.push(await record({ productId: id, type, quantity }));
    await setReorderLevel(id, 20); // 14 is now at or below: low
    await setReorderLevel(id, 5); // 14 is above again: replenished

    const events = await collectStockEvents(fx, (all) => forProduct(all, id).length >= 4 + 2);
    const mine = forProduct(events, id);
    // 4 crossings from movements, 2 from reorder levels; no stock.level.changed at all.
    expect(mine).toHaveLength(4 + 2);
    expect(ofType(mine, StockEvents.LevelChanged)).toEqual([]);

    // Per movement: exactly the expected crossings.
    movements.forEach((reply, index) => {
      const caused = mine.filter((e) => e.payload.movementId === reply.movement.id);
      expect(caused.map((e) => e.type)).toEqual(steps[index][2]);
      if (caused.length === 0) return;
      const [changed] = caused;
      expect(changed.payload).toMatchObject({
        sku,
        name,
        before: reply.movement.quantityAfter - reply.movement.delta,
        after: reply.movement.quantityAfter,
        reorderLevel: 10,
        movementType: steps[index][0],
      });
      expect(changed.correlationId).toBe(reply.movement.correlationId);
      expect(changed.source).toBe('stock');
    });
    expect(ofType(mine, StockEvents.Low)).toHaveLength(2);
    expect(ofType(mine, StockEvents.Depleted)).toHaveLength(1);
    expect(ofType(mine, StockEvents.Replenished)).toHaveLength(3);

    const byReorderChange = mine.filter((e) => e.payload.movementId === undefined);
    expect(
      byReorderChange
        .map((e) => [e.type, e.payload.previousReorderLevel, e.payload.reorderLevel])
        .sort(),
    ).toEqual(
      [
        [StockEvents.Low, 10, 20],
        [StockEvents.Replenished, 20, 5],
      ].sort(),
    );
    expect(byReorderChange.every((e) => e.payload.before === e.payload.after)).toBe(true);

    // Consumers validate envelope and payload with the contracts' DTOs: every event passes.
    for (const event of mine) {
      expect(await validate(plainToInstance(EventEnvelopeDto, event))).toEqual([]);
      expect(
        await validate(
          plainToInstance(StockEventDto, { type: event.type, payload: event.payload }),
          {
            forbidUnknownValues: true,
          },
        ),
      ).toEqual([]);
    }
  });

  it('60 concurrent issues through the reorder level down to 0: one stock.low, one stock.depleted', async () => {
    const { id } = fx.catalog.add();
    await record({ productId: id, type: 'receive', quantity: 60 });
    await setReorderLevel(id, 20);
    await Promise.all(
      Array.from({ length: 60 }, () => record({ productId: id, type: 'issue', quantity: 1 })),
    );

    // The receive's replenished (0 → 60, over level 0), then one low and one depleted.
    const events = await collectStockEvents(
      fx,
      (all) => ofType(forProduct(all, id), StockEvents.Depleted).length >= 1,
    );
    const mine = forProduct(events, id);
    expect(ofType(mine, StockEvents.LevelChanged)).toHaveLength(0);
    expect(ofType(mine, StockEvents.Low)).toHaveLength(1);
    expect(ofType(mine, StockEvents.Low)[0].payload).toMatchObject({ before: 21, after: 20 });
    expect(ofType(mine, StockEvents.Depleted)).toHaveLength(1);
    expect(ofType(mine, StockEvents.Depleted)[0].payload).toMatchObject({ before: 1, after: 0 });
  });

  it('with SQS down, movements still succeed; their events arrive once it is back, none lost, none twice', async () => {
    const { id } = fx.catalog.add();
    await setReorderLevel(id, 10);
    await record({ productId: id, type: 'receive', quantity: 30 });
    await collectStockEvents(fx, (all) => forProduct(all, id).length >= 1); // replenished

    await fx.sqsStandIn.stop();
    let restarted = false;
    try {
      // Every movement crosses the reorder level (30 → 10 low, then 11 replenished, 10 low, …):
      // one event each.
      const replies: RecordMovementReply[] = [];
      replies.push(await record({ productId: id, type: 'issue', quantity: 20 }));
      for (let i = 1; i < 25; i++) {
        const type = i % 2 === 1 ? 'receive' : 'issue';
        replies.push(await record({ productId: id, type, quantity: 1 }));
      }
      expect(replies.at(-1)!.onHand).toBe(10);
      await eventually('the relay to have tried and failed', async () => {
        const { rows } = await fx.db.query(
          'SELECT count(*)::int AS n FROM outbox WHERE attempts > 0',
        );
        return rows[0].n > 0;
      });
      const { rows } = await fx.db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE payload->>'productId' = $1 AND queue = $2`,
        [id, Queues.StockEvents],
      );
      expect(rows[0].n).toBe(25); // 13 low + 12 replenished

      await fx.sqsStandIn.start();
      restarted = true;
      const events = await collectStockEvents(
        fx,
        (all) => forProduct(all, id).length >= 25,
        40_000,
      );
      const mine = forProduct(events, id);
      expect(mine).toHaveLength(25);
      expect(new Set(mine.map((e) => e.id)).size).toBe(25);
      expect(new Set(mine.map((e) => e.payload.movementId))).toEqual(
        new Set(replies.map((r) => r.movement.id)),
      );
      expect(ofType(mine, StockEvents.Low)).toHaveLength(13);
      expect(ofType(mine, StockEvents.Replenished)).toHaveLength(12);
    } finally {
      if (!restarted) await fx.sqsStandIn.start();
    }
  });
});
