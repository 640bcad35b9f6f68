import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { appScript } from '@inventory/local-stack';
import { Client } from 'pg';
import { eventually, startTestStack, type TestStack } from './support';

const run = promisify(execFile);

interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
}

/**
 * The example data of a first `npm start`: the catalog, then opening stock recorded through
 * the stock service, so that the stock list and the first digest tell the seed's story.
 */
describe('the seeded stack', () => {
  let stack: TestStack;
  const progress: string[] = [];
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true, onProgress: (line) => progress.push(line) });
    const login = await fetch(`${stack.urls.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: stack.admin.email, password: stack.admin.password }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${stack.urls.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('says what each seed loaded', () => {
    expect(progress).toContainEqual(
      expect.stringMatching(/^catalog-service: seeded \d+ categories and 45 products$/),
    );
    expect(progress).toContain(
      'stock-service: opening stock received for 45 products, 2 at or below their reorder level (MCU-ESP-32, PWR-BAT-9V)',
    );
  });

  it('has most parts stocked and the two of the sample alert low', async () => {
    const low = await api('GET', '/stock/low');
    expect(low.status).toBe(200);
    expect(
      (low.body as { sku: string; onHand: number; reorderLevel: number; status: string }[]).map(
        ({ sku, onHand, reorderLevel, status }) => ({ sku, onHand, reorderLevel, status }),
      ),
    ).toEqual([
      { sku: 'PWR-BAT-9V', onHand: 6, reorderLevel: 12, status: 'low' },
      { sku: 'MCU-ESP-32', onHand: 8, reorderLevel: 10, status: 'low' },
    ]);
  });

  it('recorded the opening stock in the ledger, one receive movement per product', async () => {
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ type: string; reference: string; count: number }>(
        `SELECT type, reference, count(*)::int AS count FROM stock.stock_movements GROUP BY 1, 2`,
      );
      expect(rows).toEqual([{ type: 'receive', reference: 'Opening stock', count: 45 }]);
      const { rows: sums } = await db.query<{ mismatched: number }>(
        `SELECT count(*)::int AS mismatched FROM stock.stock_items i
          WHERE on_hand <> (SELECT coalesce(sum(delta), 0) FROM stock.stock_movements m
                             WHERE m.product_id = i.product_id)`,
      );
      expect(sums[0].mismatched).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('sends a first digest that reads like the sample alert', async () => {
    const result = await api('POST', '/alerts/low-stock/run', { force: true });
    expect(result.status).toBe(200);
    let digest: StoredEmail | undefined;
    await eventually(
      'the digest in the SES stand-in',
      async () => {
        const store = (await (await fetch(`${stack.standIns.ses!.endpoint}/store`)).json()) as {
          emails: StoredEmail[];
        };
        digest = store.emails.find((email) => email.subject.startsWith('Low Stock Alert'));
        return digest !== undefined;
      },
      30_000,
    );
    if (!digest) throw new Error('no digest');
    expect(digest.subject).toBe('Low Stock Alert - 2 Items Need Restocking');
    expect(digest.destination.to).toEqual([stack.admin.email]);
    expect(digest.body.text).toContain('The following 2 items are running low on stock:');
    expect(digest.body.text).toContain(
      '- 9V battery (alkaline) (SKU: PWR-BAT-9V): 6 units (Min: 12)\n' +
        '- ESP32 DevKitC V4 (SKU: MCU-ESP-32): 8 units (Min: 10)',
    );
  });

  it('skips both seeds on the next start, saying so, and changes nothing', async () => {
    const seedAgain = async (app: 'catalog' | 'stock') =>
      (await run(process.execPath, [appScript(app, 'seed')], { env: stack.appEnv })).stdout.trim();
    expect(await seedAgain('catalog')).toBe(
      'catalog-service: catalog has data already; seed skipped',
    );
    expect(await seedAgain('stock')).toBe(
      'stock-service: opening stock is recorded already; stock seed skipped',
    );
    const low = await api('GET', '/stock/low');
    expect((low.body as unknown[]).length).toBe(2);
  });
});
