import { randomUUID } from 'node:crypto';
import {
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { deadLetterQueueName, Queues } from '@inventory/contracts';
import { Client } from 'pg';
import { ApiClient, expectStatus } from './api-client';
import { crossingsIn, eventually, startTestStack, type TestStack } from './support';

const PRODUCTS = 16;
const REORDER_LEVEL = 10;
const MOVEMENTS = 2000;
const CLIENTS = 32;
const SQS_OUTAGE_MS = 30_000;

interface Product {
  id: string;
  sku: string;
  name: string;
}

interface Outcome {
  key: string;
  status: 201 | 409;
  movementId?: string;
}

interface StoredEmail {
  subject: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What production throws at the system, and what must hold afterwards: nothing lost,
 * nothing doubled. The stack runs its own embedded Postgres so that restarting it touches
 * nothing else on the machine.
 */
describe('faults: crashes, outages and retries lose nothing and double nothing', () => {
  let stack: TestStack;
  let admin: ApiClient;
  let db: Client;
  let sqs: SQSClient;
  const products: Product[] = [];
  const outcomes = new Map<string, Outcome>();
  const poisonBody = `poison-${randomUUID()}`;

  beforeAll(async () => {
    stack = await startTestStack({ env: { ...process.env, DATABASE_URL: undefined } });
    admin = new ApiClient(stack.urls.api);
    await admin.login(stack.admin.email, stack.admin.password);
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    db.on('error', () => undefined); // the server is restarted on purpose below
    sqs = new SQSClient({
      region: 'us-east-1',
      endpoint: stack.urls.sqs,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    for (let i = 0; i < PRODUCTS; i++) {
      const product = expectStatus(
        await admin.post<Product>('/products', { sku: `FLT-${i}`, name: `Fault part ${i}` }),
        201,
      );
      products.push(product);
      expectStatus(
        await admin.put(`/products/${product.id}/reorder-level`, { reorderLevel: REORDER_LEVEL }),
        200,
      );
      expectStatus(
        await admin.post('/stock/movements', {
          productId: product.id,
          type: 'receive',
          quantity: 30,
        }),
        201,
      );
    }
  });

  afterAll(async () => {
    sqs?.destroy();
    await db?.end().catch(() => undefined);
    await stack?.stop();
  });

  /** Sends one movement until it gets a final answer, retrying with the same key. */
  async function move(client: ApiClient, body: object, key: string): Promise<Outcome> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const answer = await client
        .request<{ movement?: { id: string } }>('POST', '/stock/movements', body, {
          'idempotency-key': key,
        })
        .catch(() => undefined);
      if (answer?.status === 201) return { key, status: 201, movementId: answer.body.movement?.id };
      if (answer?.status === 409) return { key, status: 409 };
      if (answer && answer.status < 500 && answer.status !== 429) {
        throw new Error(`movement ${key} refused: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      if (Date.now() > deadline) throw new Error(`movement ${key} got no final answer in time`);
      await sleep(100 + Math.random() * 200);
    }
  }

  function randomMovement(): object {
    const product = products[Math.floor(Math.random() * products.length)];
    return Math.random() < 0.55
      ? { productId: product.id, type: 'issue', quantity: 1 + Math.floor(Math.random() * 25) }
      : { productId: product.id, type: 'receive', quantity: 1 + Math.floor(Math.random() * 20) };
  }

  async function runMovements(
    count: number,
    clients: number,
    milestones: Record<number, () => void> = {},
  ): Promise<void> {
    let next = 0;
    let done = 0;
    // Every client uses the admin's session: signing in 32 times would hit the login rate limit.
    const worker = async () => {
      const client = admin;
      while (next < count) {
        next++;
        const key = randomUUID();
        const body = randomMovement();
        const outcome = await move(client, body, key);
        outcomes.set(key, outcome);
        // 5% are sent again with the same key, as a client that lost the answer would. A
        // recorded movement answers the same movement again; a refusal left nothing behind
        // (not even its key, docs/stock-movements.md), so its retry is judged afresh.
        if (Math.random() < 0.05) {
          const again = await move(client, body, key);
          if (outcome.status === 201) expect(again).toEqual(outcome);
          else outcomes.set(key, again);
        }
        done++;
        milestones[done]?.();
      }
    };
    await Promise.all(Array.from({ length: clients }, worker));
  }

  async function ledger() {
    const { rows } = await db.query<{ product_id: string; delta: number; quantity_after: number }>(
      'SELECT product_id, delta, quantity_after FROM stock.stock_movements ORDER BY seq',
    );
    return rows;
  }

  async function assertLedgerInvariants(): Promise<void> {
    const rows = await ledger();
    const { rows: items } = await db.query<{ product_id: string; on_hand: number }>(
      'SELECT product_id, on_hand FROM stock.stock_items',
    );
    for (const item of items) {
      const sum = rows
        .filter((row) => row.product_id === item.product_id)
        .reduce((total, row) => total + row.delta, 0);
      expect({ product: item.product_id, onHand: item.on_hand }).toEqual({
        product: item.product_id,
        onHand: sum,
      });
    }
    expect(rows.filter((row) => row.quantity_after < 0)).toEqual([]);
    // Every movement a client was told happened is in the ledger once; nothing else is.
    const recorded = [...outcomes.values()].filter((o) => o.status === 201);
    const ids = new Set(recorded.map((o) => o.movementId));
    expect(ids.size).toBe(recorded.length);
    const { rows: ledgerIds } = await db.query<{ id: string }>(
      'SELECT id FROM stock.stock_movements WHERE type <> $1 OR reference IS DISTINCT FROM NULL',
      ['never'],
    );
    const initialReceives = PRODUCTS;
    expect(ledgerIds.length).toBe(recorded.length + initialReceives);
    for (const id of ids) expect(ledgerIds.some((row) => row.id === id)).toBe(true);
  }

  const mail = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(new URL('/store', stack.urls.mail))).json()) as { emails: StoredEmail[] })
      .emails;

  /** Crossings in the ledger: into low (above → 1…reorder) and into 0. */
  async function crossings(): Promise<{ low: number; out: number }> {
    return crossingsIn(await ledger(), REORDER_LEVEL);
  }

  async function alertEmails(): Promise<{ low: number; out: number }> {
    const emails = await mail();
    const ours = (subject: string) => products.some((p) => subject.includes(`(SKU: ${p.sku})`));
    return {
      low: emails.filter((e) => e.subject.startsWith('Low Stock Alert - ') && ours(e.subject))
        .length,
      out: emails.filter((e) => /^Critical: out of stock/.test(e.subject) && ours(e.subject))
        .length,
    };
  }

  it(`records ${MOVEMENTS} movements from ${CLIENTS} clients through a kill -9 of the stock service and a ${SQS_OUTAGE_MS / 1000} s SQS outage, and sends one email per crossing`, async () => {
    const queueUrl = (name: string) =>
      sqs.send(new GetQueueUrlCommand({ QueueName: name })).then((r) => r.QueueUrl!);
    // A poison message among the stock events: it must end in the dead-letter queue.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: await queueUrl(Queues.StockEvents),
        MessageBody: poisonBody,
      }),
    );

    const stockPid = stack.apps.stock.pid;
    let crash: Promise<void> = Promise.resolve();
    let outage: Promise<void> = Promise.resolve();
    await runMovements(MOVEMENTS, CLIENTS, {
      [Math.floor(MOVEMENTS / 3)]: () => {
        crash = (async () => {
          await stack.apps.stock.kill();
          stack.apps.stock.start();
          await stack.apps.stock.waitHealthy();
        })();
      },
      [Math.floor((2 * MOVEMENTS) / 3)]: () => {
        outage = (async () => {
          await stack.standIns.sqs!.stop();
          await sleep(SQS_OUTAGE_MS);
          await stack.standIns.sqs!.start();
        })();
      },
    });
    await crash;
    expect(stack.apps.stock.pid).not.toBe(stockPid);
    await outage;

    expect(outcomes.size).toBe(MOVEMENTS);
    expect([...outcomes.values()].some((o) => o.status === 409)).toBe(true); // issues > stock were refused
    await assertLedgerInvariants();

    const expected = await crossings();
    expect(expected.low).toBeGreaterThan(0);
    expect(expected.out).toBeGreaterThan(0);
    await eventually(
      `${expected.low} low and ${expected.out} out-of-stock emails`,
      async () => {
        const sent = await alertEmails();
        return sent.low >= expected.low && sent.out >= expected.out;
      },
      120_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; sent so far: ${JSON.stringify(await alertEmails())}`);
    });
    await sleep(3000); // anything doubled would arrive right behind
    expect(await alertEmails()).toEqual(expected);

    const dead = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: await queueUrl(deadLetterQueueName(Queues.StockEvents)),
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
      }),
    );
    expect((dead.Messages ?? []).map((m) => m.Body)).toContain(poisonBody);
  }, 300_000);

  it('recovers from a Postgres restart under load without restarting any service', async () => {
    const pids = Object.fromEntries(
      Object.entries(stack.apps).map(([name, app]) => [name, app.pid]),
    );
    let restart: Promise<void> = Promise.resolve();
    await runMovements(300, 8, {
      100: () => {
        restart = stack.postgres!.restart();
      },
    });
    await restart;
    await db.end().catch(() => undefined);
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();

    await eventually(
      'the whole system healthy again',
      async () => (await fetch(stack.urls.health)).status === 200,
      30_000,
    );
    expect(
      Object.fromEntries(Object.entries(stack.apps).map(([name, app]) => [name, app.pid])),
    ).toEqual(pids);
    // And it works: a movement after the restart is recorded.
    const key = randomUUID();
    const after = await move(
      admin,
      { productId: products[0].id, type: 'receive', quantity: 1 },
      key,
    );
    expect(after.status).toBe(201);
    outcomes.set(key, after);
    await assertLedgerInvariants();
  }, 180_000);
});
