import {
  Queues,
  RecordMovement,
  SetReorderLevel,
  StockStatusChangedEventDto,
  StockStatusEvents,
  stockStatus,
  type EventEnvelope,
  type StockStatusChangedPayload,
} from '@inventory/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ADMIN, drain, eventually, sleep, STAFF, stockFixture, type StockFixture } from './support';

type StatusEvent = EventEnvelope<StockStatusChangedPayload>;

describe('stock.status.changed on the stock-status queue (trigger → outbox → SQS stand-in)', () => {
  let fx: StockFixture;
  const received: StatusEvent[] = [];

  beforeAll(async () => {
    fx = await stockFixture({}, 'stock_status');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const record = (productId: string, type: string, quantity: number) =>
    fx.send(RecordMovement, { productId, type, quantity }, STAFF);
  const setReorderLevel = (productId: string, reorderLevel: number) =>
    fx.send(SetReorderLevel, { productId, reorderLevel }, ADMIN);

  /** The product's status events so far, oldest first; waits until `count` arrived, then a little longer. */
  async function statusEvents(productId: string, count: number): Promise<StatusEvent[]> {
    const url = fx.queueUrls[Queues.StockStatus];
    const mine = () =>
      received
        .filter((e) => e.payload.productId === productId)
        .sort((a, b) => a.payload.at.localeCompare(b.payload.at));
    const take = async () =>
      received.push(...(await drain(fx.sqs, url)).map((m) => JSON.parse(m.Body!) as StatusEvent));
    await eventually(
      `${count} status events`,
      async () => {
        await take();
        return mine().length >= count;
      },
      20_000,
    );
    await sleep(500); // an extra event would arrive by now
    await take();
    return mine();
  }

  it('the SQL rule is stockStatus() of libs/contracts', async () => {
    const cases: [number, number][] = [];
    for (const onHand of [0, 1, 5, 9, 10, 11, 1000]) {
      for (const reorderLevel of [0, 1, 10, 1000]) cases.push([onHand, reorderLevel]);
    }
    const { rows } = await fx.db.query<{ status: string }>(
      `SELECT stock.stock_status(c.on_hand, c.reorder_level) AS status
         FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS c (on_hand, reorder_level, i)
        ORDER BY c.i`,
      [cases.map((c) => c[0]), cases.map((c) => c[1])],
    );
    expect(rows.map((r) => r.status)).toEqual(cases.map(([o, r]) => stockStatus(o, r)));
  });

  it('one event per change of status, from movements and reorder levels; none while it stays', async () => {
    const { id } = fx.catalog.add({ sku: 'MCU-ESP-32', name: 'ESP32 DevKit' });
    await setReorderLevel(id, 10); // 0 on hand: out before and after, no event
    await record(id, 'receive', 20); // 0 → 20: ok
    await record(id, 'issue', 5); // 15: still ok
    await record(id, 'issue', 5); // 10: at the level is low
    await record(id, 'issue', 3); // 7: still low
    await record(id, 'issue', 7); // 0: out
    await record(id, 'receive', 4); // 4: low
    await record(id, 'receive', 10); // 14: ok
    await record(id, 'stocktake', 14); // counted what was there: no change
    await setReorderLevel(id, 20); // 14 ≤ 20: low
    await setReorderLevel(id, 15); // 14 ≤ 15: still low
    await setReorderLevel(id, 5); // 14 > 5: ok

    const events = await statusEvents(id, 7);
    expect(events.map((e) => [e.payload.status, e.payload.onHand, e.payload.reorderLevel])).toEqual(
      [
        ['ok', 20, 10],
        ['low', 10, 10],
        ['out', 0, 10],
        ['low', 4, 10],
        ['ok', 14, 10],
        ['low', 14, 20],
        ['ok', 14, 5],
      ],
    );
    for (const event of events) {
      expect(event).toMatchObject({ type: StockStatusEvents.Changed, version: 1, source: 'stock' });
      expect(event.correlationId).toBe(event.id);
      expect(Date.parse(event.occurredAt)).toBeGreaterThan(0);
      expect(
        await validate(
          plainToInstance(StockStatusChangedEventDto, {
            type: event.type,
            payload: event.payload,
          }),
          { forbidUnknownValues: true },
        ),
      ).toEqual([]);
    }
    const { rows } = await fx.db.query(
      `SELECT count(*)::int AS waiting FROM outbox WHERE queue = $1`,
      [Queues.StockStatus],
    );
    expect(rows[0].waiting).toBe(0);
  });

  it('a refused issue changes nothing and emits nothing', async () => {
    const { id } = fx.catalog.add();
    await setReorderLevel(id, 2);
    await record(id, 'receive', 3); // ok
    await expect(record(id, 'issue', 5)).rejects.toThrow();
    const events = await statusEvents(id, 1);
    expect(events.map((e) => e.payload.status)).toEqual(['ok']);
  });
});
