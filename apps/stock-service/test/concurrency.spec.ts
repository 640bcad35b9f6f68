import { randomUUID } from 'node:crypto';
import {
  type RecordMovementReply,
  type StockLevel,
  type StockMovement,
  type Page,
  GetStockLevel,
  ListMovements,
  RecordMovement,
} from '@inventory/contracts';
import type { ServiceError } from '@inventory/platform';
import { errorBody, ledgerTotals, STAFF, ADMIN, stockFixture, type StockFixture } from './support';

describe('movements under concurrency and retries', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({}, 'stock_concurrency');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const record = (data: object, actor = STAFF) =>
    fx.send<RecordMovementReply>(RecordMovement, data, actor);

  /** Settles every request, answering the result or the error each ended with. */
  async function settle<T>(requests: Promise<T>[]) {
    const results = await Promise.allSettled(requests);
    return {
      ok: results
        .filter((r) => r.status === 'fulfilled')
        .map((r) => (r as PromiseFulfilledResult<T>).value),
      failed: results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason as ServiceError),
    };
  }

  it('200 concurrent issues of 1 against 100 on hand: exactly 100 succeed, the rest 409, 0 left', async () => {
    const { id } = fx.catalog.add({ sku: 'RES-10K-0603', name: '10k resistor reel' });
    await record({ productId: id, type: 'receive', quantity: 100 });

    const { ok, failed } = await settle(
      Array.from({ length: 200 }, () => record({ productId: id, type: 'issue', quantity: 1 })),
    );

    expect(ok).toHaveLength(100);
    expect(failed).toHaveLength(100);
    expect(failed.every((error) => error.getStatus() === 409)).toBe(true);
    expect(errorBody(failed[0]).details).toEqual([{ field: 'quantity', message: '0 available' }]);
    // Every success saw a different on hand: 99 … 0, each exactly once.
    expect(ok.map((r) => r.onHand).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    const level = await fx.send<StockLevel>(GetStockLevel, { productId: id });
    expect(level.onHand).toBe(0);
    expect(level.status).toBe('out');
    const { rows } = await fx.db.query(
      `SELECT count(*)::int AS issues, sum(delta)::int AS total FROM stock_movements
        WHERE product_id = $1 AND type = 'issue'`,
      [id],
    );
    expect(rows[0]).toEqual({ issues: 100, total: -100 });
  });

  it('mixed concurrent movements on a few products keep on hand equal to the sum of the ledger', async () => {
    const products = [fx.catalog.add(), fx.catalog.add(), fx.catalog.add()];
    for (const { id } of products) await record({ productId: id, type: 'receive', quantity: 20 });
    const requests = Array.from({ length: 150 }, (_, i) => {
      const { id } = products[i % products.length];
      switch (i % 5) {
        case 0:
          return record({ productId: id, type: 'receive', quantity: 3 });
        case 1:
        case 2:
          return record({ productId: id, type: 'issue', quantity: 2 });
        case 3:
          return record({ productId: id, type: 'adjust', quantity: -1, reason: 'breakage' });
        default:
          return record({ productId: id, type: 'stocktake', quantity: 7 + (i % 4) });
      }
    });
    const { failed } = await settle(requests);
    expect(failed.every((error) => error.getStatus() === 409)).toBe(true);

    const totals = await ledgerTotals(fx);
    for (const { id } of products) {
      const row = totals.find((t) => t.product_id === id)!;
      expect(row.on_hand).toBe(row.ledger_sum);
      expect(row.on_hand).toBeGreaterThanOrEqual(0);
    }
    // Within a product, each movement starts where the one before it ended.
    for (const { id } of products) {
      const { rows } = await fx.db.query(
        'SELECT delta, quantity_after FROM stock_movements WHERE product_id = $1 ORDER BY seq',
        [id],
      );
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].quantity_after - rows[i].delta).toBe(rows[i - 1].quantity_after);
      }
    }
  });

  describe('Idempotency-Key', () => {
    it('a retry with the same key answers the original result and records nothing more', async () => {
      const { id } = fx.catalog.add();
      await record({ productId: id, type: 'receive', quantity: 10 });
      const key = randomUUID();
      const request = {
        productId: id,
        type: 'issue',
        quantity: 4,
        reference: 'WO-7',
        idempotencyKey: key,
      };

      const first = await record(request);
      await record({ productId: id, type: 'issue', quantity: 1 }); // something else happens meanwhile
      const retry = await record(request);
      const again = await record(request);

      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ ...first, replayed: true });
      expect(again).toEqual({ ...first, replayed: true });
      expect(retry.onHand).toBe(6);
      const level = await fx.send<StockLevel>(GetStockLevel, { productId: id });
      expect(level.onHand).toBe(5);
      const page = await fx.send<Page<StockMovement>>(ListMovements, {
        productId: id,
      });
      expect(page.items.filter((m) => m.type === 'issue' && m.delta === -4)).toHaveLength(1);
    });

    it('20 concurrent requests with the same key yield one movement and 20 identical answers', async () => {
      const { id } = fx.catalog.add();
      await record({ productId: id, type: 'receive', quantity: 50 });
      const request = { productId: id, type: 'issue', quantity: 5, idempotencyKey: randomUUID() };

      const { ok, failed } = await settle(Array.from({ length: 20 }, () => record(request)));

      expect(failed).toEqual([]);
      expect(ok.filter((r) => !r.replayed)).toHaveLength(1);
      const movementIds = new Set(ok.map((r) => r.movement.id));
      expect(movementIds.size).toBe(1);
      expect(new Set(ok.map((r) => r.onHand))).toEqual(new Set([45]));
      const { rows } = await fx.db.query(
        `SELECT count(*)::int AS n FROM stock_movements WHERE product_id = $1 AND type = 'issue'`,
        [id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('concurrent duplicates spread over many keys never double-count', async () => {
      const { id } = fx.catalog.add();
      const keys = Array.from({ length: 30 }, () => randomUUID());
      const requests = keys.flatMap((key) =>
        Array.from({ length: 3 }, () =>
          record({ productId: id, type: 'receive', quantity: 2, idempotencyKey: key }),
        ),
      );
      const { ok, failed } = await settle(requests);
      expect(failed).toEqual([]);
      expect(ok.filter((r) => !r.replayed)).toHaveLength(30);
      const level = await fx.send<StockLevel>(GetStockLevel, { productId: id });
      expect(level.onHand).toBe(60);
    });

    it('the same key with a different body is refused with 422 and records nothing', async () => {
      const { id } = fx.catalog.add();
      await record({ productId: id, type: 'receive', quantity: 10 });
      const key = randomUUID();
      await record({ productId: id, type: 'issue', quantity: 2, idempotencyKey: key });

      for (const different of [
        { productId: id, type: 'issue', quantity: 3, idempotencyKey: key },
        { productId: id, type: 'issue', quantity: 2, reference: 'other', idempotencyKey: key },
        { productId: fx.catalog.add().id, type: 'receive', quantity: 2, idempotencyKey: key },
      ]) {
        const error = await fx.sendExpectingError(RecordMovement, different);
        expect(error.getStatus()).toBe(422);
        expect(errorBody(error).details).toEqual([
          { field: 'idempotencyKey', message: 'already used with a different request' },
        ]);
      }
      // Another user reusing someone's key is a different request too.
      const other = await fx.sendExpectingError(
        RecordMovement,
        { productId: id, type: 'issue', quantity: 2, idempotencyKey: key },
        ADMIN,
      );
      expect(other.getStatus()).toBe(422);
      const level = await fx.send<StockLevel>(GetStockLevel, { productId: id });
      expect(level.onHand).toBe(8);
    });

    it('a refused movement does not use up its key: the retry is judged afresh', async () => {
      const { id } = fx.catalog.add();
      const request = { productId: id, type: 'issue', quantity: 3, idempotencyKey: randomUUID() };
      const refused = await fx.sendExpectingError(RecordMovement, request);
      expect(refused.getStatus()).toBe(409);
      await record({ productId: id, type: 'receive', quantity: 3 });
      const reply = await record(request);
      expect(reply).toMatchObject({ onHand: 0, replayed: false });
    });
  });
});
