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

  it('every movement emits stock.level.changed; each crossing emits one low, depleted or replenished', async () => {
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

    const events = await collectStockEvents(fx, (all) => forProduct(all, id).length >= 8 + 4 + 5);
    const mine = forProduct(events, id);
    // 8 level.changed + 4 crossings from movements; 3 level.changed + 2 crossings from reorder levels.
    expect(mine).toHaveLength(8 + 4 + 5);

    // Per movement: one level.changed plus exactly the expected crossings.
    movements.forEach((reply, index) => {
      const caused = mine.filter((e) => e.payload.movementId === reply.movement.id);
      expect(caused.map((e) => e.type).sort()).toEqual(
        [StockEvents.LevelChanged, ...steps[index][2]].sort(),
      );
      const changed = caused.find((e) => e.type === StockEvents.LevelChanged)!;
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
        [StockEvents.LevelChanged, 0, 10],
        [StockEvents.LevelChanged, 10, 20],
        [StockEvents.LevelChanged, 20, 5],
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

    const events = await collectStockEvents(
      fx,
      (all) => ofType(forProduct(all, id), StockEvents.LevelChanged).length >= 62,
    );
    const mine = forProduct(events, id);
    expect(ofType(mine, StockEvents.LevelChanged)).toHaveLength(62);
    expect(ofType(mine, StockEvents.Low)).toHaveLength(1);
    expect(ofType(mine, StockEvents.Low)[0].payload).toMatchObject({ before: 21, after: 20 });
    expect(ofType(mine, StockEvents.Depleted)).toHaveLength(1);
    expect(ofType(mine, StockEvents.Depleted)[0].payload).toMatchObject({ before: 1, after: 0 });
  });

  it('with SQS down, movements still succeed; their events arrive once it is back, none lost, none twice', async () => {
    const { id } = fx.catalog.add();
    await record({ productId: id, type: 'receive', quantity: 30 });
    await collectStockEvents(fx, (all) => forProduct(all, id).length >= 2);
    await setReorderLevel(id, 10);
    await collectStockEvents(fx, (all) => forProduct(all, id).length >= 1);

    await fx.sqsStandIn.stop();
    let restarted = false;
    try {
      const replies: RecordMovementReply[] = [];
      for (let i = 0; i < 25; i++)
        replies.push(await record({ productId: id, type: 'issue', quantity: 1 }));
      expect(replies.at(-1)!.onHand).toBe(5);
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
      expect(rows[0].n).toBe(26); // 25 level.changed + 1 low (11 → 10)

      await fx.sqsStandIn.start();
      restarted = true;
      const events = await collectStockEvents(
        fx,
        (all) => forProduct(all, id).length >= 26,
        40_000,
      );
      const mine = forProduct(events, id);
      expect(mine).toHaveLength(26);
      expect(new Set(mine.map((e) => e.id)).size).toBe(26);
      expect(
        new Set(ofType(mine, StockEvents.LevelChanged).map((e) => e.payload.movementId)),
      ).toEqual(new Set(replies.map((r) => r.movement.id)));
      expect(ofType(mine, StockEvents.Low)).toHaveLength(1);
    } finally {
      if (!restarted) await fx.sqsStandIn.start();
    }
  });
});
