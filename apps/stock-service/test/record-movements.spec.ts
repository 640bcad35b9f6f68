import { randomUUID } from 'node:crypto';
import { Queues } from '@inventory/contracts';
import { MovementBatcher } from '../src/commands/record-movement/movement-batcher.service';
import {
  RECORD_MOVEMENTS_SQL,
  recordMovementsValues,
  type MovementInput,
  type RecordMovementRow,
} from '../src/commands/record-movement/record-movement.sql';
import { ledgerTotals, stockFixture, type StockFixture } from './support';

/** The batch function on its own: what one call of it records and answers. */
describe('stock.record_movements: a batch of movements in one transaction', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    // One lane: everything submitted while a batch runs goes into the next one together.
    fx = await stockFixture({ MOVEMENT_LANES: '1' }, 'stock_batches');
  });

  afterAll(async () => {
    await fx?.close();
  });

  async function item(onHand: number, active = true): Promise<string> {
    const id = randomUUID();
    await fx.db.query(
      `INSERT INTO stock_items (product_id, sku, name, active, reorder_level) VALUES ($1, $2, $3, $4, 3)`,
      [id, `SKU-${id.slice(0, 6)}`, 'Part', active],
    );
    if (onHand > 0) await record([movement(id, 'receive', onHand)]);
    return id;
  }

  const movement = (
    productId: string,
    type: string,
    applied: number,
    extra: Partial<MovementInput> = {},
  ): MovementInput => ({
    productId,
    type,
    applied,
    reason: type === 'adjust' ? 'test' : null,
    reference: null,
    actorUserId: 'user-1',
    correlationId: `corr-${randomUUID()}`,
    idempotencyKey: null,
    requestHash: null,
    ...extra,
  });

  async function record(batch: MovementInput[]): Promise<RecordMovementRow[]> {
    const { rows } = await fx.db.query<RecordMovementRow>(
      RECORD_MOVEMENTS_SQL,
      recordMovementsValues(batch, Queues.StockEvents, 'stock'),
    );
    return rows.sort((a, b) => a.ord - b.ord);
  }

  it('applies each product’s movements in order, refusing only those that do not fit', async () => {
    const x = await item(0);
    const y = await item(2);
    const archived = await item(0, false);
    const unknown = randomUUID();

    const rows = await record([
      movement(x, 'receive', 5),
      movement(y, 'issue', -3),
      movement(x, 'issue', -2),
      movement(unknown, 'receive', 1),
      movement(archived, 'receive', 1),
      movement(x, 'stocktake', 10),
      movement(y, 'receive', 1),
      movement(x, 'issue', -11),
    ]);

    expect(rows.map((r) => [r.ord, r.outcome, r.before, r.quantity_after, r.on_hand])).toEqual([
      [1, 'recorded', 0, 5, null],
      [2, 'refused', null, null, 2],
      [3, 'recorded', 5, 3, null],
      [4, 'unknown', null, null, null],
      [5, 'archived', null, null, 0],
      [6, 'recorded', 3, 10, null],
      [7, 'recorded', 2, 3, null],
      [8, 'refused', null, null, 10],
    ]);
    // Crossings only: a movement that crosses no threshold writes no event.
    expect(rows.map((row: { events: string[] | null }) => row.events)).toEqual([
      ['stock.replenished'],
      null,
      ['stock.low'],
      null,
      null,
      ['stock.replenished'],
      [],
      null,
    ]);

    const ledger = await fx.db.query(
      'SELECT type, delta, quantity_after FROM stock_movements WHERE product_id = $1 ORDER BY seq',
      [x],
    );
    expect(ledger.rows).toEqual([
      { type: 'receive', delta: 5, quantity_after: 5 },
      { type: 'issue', delta: -2, quantity_after: 3 },
      { type: 'stocktake', delta: 7, quantity_after: 10 },
    ]);
    const outbox = await fx.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'productId' = $1 AND queue = $2`,
      [x, Queues.StockEvents],
    );
    // The relay may already have sent some; none beyond the 6 events of x's three movements.
    expect(outbox.rows[0].n).toBeLessThanOrEqual(6);
    for (const row of await ledgerTotals(fx)) expect(row.on_hand).toBe(row.ledger_sum);
  });

  it('answers a used key with the earlier movement, and gives back the key of a refused one', async () => {
    const x = await item(4);
    const [first] = await record([
      movement(x, 'issue', -1, { idempotencyKey: 'batch-key-1', requestHash: 'hash-a' }),
    ]);
    const rows = await record([
      movement(x, 'issue', -1, { idempotencyKey: 'batch-key-1', requestHash: 'hash-b' }),
      movement(x, 'issue', -9, { idempotencyKey: 'batch-key-2', requestHash: 'hash-c' }),
      movement(x, 'issue', -1, { idempotencyKey: 'batch-key-3', requestHash: 'hash-d' }),
    ]);
    expect(rows[0]).toMatchObject({
      outcome: 'replay',
      id: first.id,
      prior_request_hash: 'hash-a',
      quantity_after: 3,
    });
    expect(rows[1]).toMatchObject({ outcome: 'refused', on_hand: 3 });
    expect(rows[2]).toMatchObject({ outcome: 'recorded', quantity_after: 2 });
    const keys = await fx.db.query(
      `SELECT key FROM idempotency_keys WHERE key LIKE 'batch-key-%' ORDER BY key`,
    );
    expect(keys.rows.map((k) => k.key)).toEqual(['batch-key-1', 'batch-key-3']);
  });

  it('a movement that breaks the batch is retried alone: the others are recorded, it fails', async () => {
    const x = await item(100);
    const batcher = fx.app.get(MovementBatcher);
    // An adjust without a reason never passes validation; here it reaches the database.
    const broken = movement(x, 'adjust', -1, { reason: null });
    // The first goes alone; the other 24, the broken one among them, wait and form one batch.
    const results = await Promise.allSettled([
      ...Array.from({ length: 12 }, () => batcher.submit(movement(x, 'issue', -1))),
      batcher.submit(broken),
      ...Array.from({ length: 12 }, () => batcher.submit(movement(x, 'issue', -1))),
    ]);
    expect(results[12].status).toBe('rejected');
    const recorded = results.filter(
      (r) => r.status === 'fulfilled' && r.value?.outcome === 'recorded',
    );
    expect(recorded).toHaveLength(24);
    const { rows } = await fx.db.query('SELECT on_hand FROM stock_items WHERE product_id = $1', [
      x,
    ]);
    expect(rows[0].on_hand).toBe(76);
  });
});
