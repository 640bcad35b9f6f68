import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient, expectStatus } from './api-client';
import { eventually, startTestStack, type TestStack } from './support';

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
}

interface MovementAnswer {
  movement: { id: string };
  onHand: number;
}

const ON_HAND = 100;
const REORDER_LEVEL = 50;
/** Issues of 1, each with its own Idempotency-Key: twice as many as there is stock. */
const ISSUES = 2 * ON_HAND;

/**
 * Scale-out as production would do it: two gateways and two stock services sharing the work
 * through NATS queue groups, on one database. Concurrent issues of one hot product go
 * through both gateways at once, each sent twice (the retry through the other gateway): the
 * same invariants as with one instance of each.
 */
describe('two gateways and two stock services on NATS', () => {
  let stack: TestStack;
  let db: Client;
  let gateways: ApiClient[];

  beforeAll(async () => {
    stack = await startTestStack({ nats: true, instances: { gateway: 2, stock: 2 } });
    expect(stack.urls.gateways).toHaveLength(2);
    gateways = stack.urls.gateways.map((url) => new ApiClient(`${url}/api/v1`));
    for (const gateway of gateways) await gateway.login(stack.admin.email, stack.admin.password);
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const mail = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(new URL('/store', stack.urls.mail))).json()) as { emails: StoredEmail[] })
      .emails;

  const movementsLogged = (file: string): number =>
    readFileSync(join(stack.logDir, file), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"event":"stock.movement"')).length;

  it('no oversell, on hand = ledger, each retry counted once, one email per crossing', async () => {
    const [a, b] = gateways;
    const product = expectStatus(
      await a.post<{ id: string }>('/products', { sku: 'bat-18650', name: 'Li-ion cell 18650' }),
      201,
    );
    expectStatus(
      await b.put(`/products/${product.id}/reorder-level`, { reorderLevel: REORDER_LEVEL }),
      200,
    );
    expectStatus(
      await a.post('/stock/movements', {
        productId: product.id,
        type: 'receive',
        quantity: ON_HAND,
      }),
      201,
    );

    // Every issue goes out twice at once, through both gateways, under one key.
    const issue = (gateway: ApiClient, key: string) =>
      gateway.post<MovementAnswer>(
        '/stock/movements',
        { productId: product.id, type: 'issue', quantity: 1, reference: key },
        { 'idempotency-key': key },
      );
    const answers = await Promise.all(
      Array.from({ length: ISSUES }, async (_, i) => {
        const key = `scale-out-${i}`;
        const [first, second] = i % 2 ? [a, b] : [b, a];
        return Promise.all([issue(first, key), issue(second, key)]);
      }),
    );

    const recorded = answers.filter(([one]) => one.status === 201);
    const refused = answers.filter(([one]) => one.status === 409);
    expect(recorded.length + refused.length).toBe(ISSUES);
    // No oversell: exactly the stock there was, the rest refused.
    expect(recorded).toHaveLength(ON_HAND);
    for (const [one, other] of answers) {
      // Both copies of a request got the same answer: one movement, or one refusal.
      expect(other.status).toBe(one.status);
      if (one.status === 201) expect(other.body.movement.id).toBe(one.body.movement.id);
    }
    const movementIds = new Set(recorded.map(([one]) => one.body.movement.id));
    expect(movementIds.size).toBe(ON_HAND);

    // The ledger: one row per recorded issue (a retry counted once), summing to on hand.
    const { rows: ledger } = await db.query<{ id: string; delta: number; type: string }>(
      'SELECT id, delta, type FROM stock.stock_movements WHERE product_id = $1',
      [product.id],
    );
    expect(ledger.filter((row) => row.type === 'issue')).toHaveLength(ON_HAND);
    expect(new Set(ledger.filter((row) => row.type === 'issue').map((row) => row.id))).toEqual(
      movementIds,
    );
    const { rows: items } = await db.query<{ on_hand: number }>(
      'SELECT on_hand FROM stock.stock_items WHERE product_id = $1',
      [product.id],
    );
    expect(items[0].on_hand).toBe(0);
    expect(ledger.reduce((sum, row) => sum + row.delta, 0)).toBe(0);
    const level = expectStatus(
      await b.get<{ onHand: number }>(`/products/${product.id}/stock`),
      200,
    );
    expect(level.onHand).toBe(0);

    // Both stock services recorded movements (the queue group spread the requests).
    expect(movementsLogged('stock.log')).toBeGreaterThan(0);
    expect(movementsLogged('stock-2.log')).toBeGreaterThan(0);

    // One crossing into low (51 → 50) and one into depleted: one email each.
    const alerts = async () =>
      (await mail()).filter((email) => email.subject.includes('Li-ion cell 18650'));
    await eventually('the low-stock and out-of-stock emails', async () => {
      return (await alerts()).length >= 2;
    });
    // Anything late would have arrived by the time the notification service is idle again.
    await eventually('the stock-events queue to be empty', async () => {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock.outbox');
      return rows[0].n === 0;
    });
    const subjects = (await alerts()).map((email) => email.subject).sort();
    expect(subjects).toEqual([
      'Critical: out of stock - Li-ion cell 18650 (SKU: BAT-18650)',
      'Low Stock Alert - Li-ion cell 18650 (SKU: BAT-18650)',
    ]);
  });
});
