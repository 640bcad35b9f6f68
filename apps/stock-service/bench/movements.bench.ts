/**
 * `npm run bench:movements`: stock movements per second and their latency, through the
 * gateway (HTTP → bus → stock service → Postgres) and straight over the bus, next to
 * pgbench running the service's own movement statement on the same database in the same
 * run; then everyone on one hot product next to pgbench's single-row conditional update.
 *
 * Needs DATABASE_URL (a durable Postgres server; the run creates and drops its own database)
 * and pgbench on PATH. Settings: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2),
 * BENCH_CLIENTS (64), BENCH_PRODUCTS (1000), PGBENCH_CLIENTS (16), BENCH_ROUNDS (1: with more,
 * every run is repeated that often, interleaved, and its median is reported).
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueUrlCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CatalogEvents,
  MAX_MOVEMENT_QUANTITY,
  Queues,
  Role,
  type EventEnvelope,
  type ProductEventPayload,
  RecordMovement,
} from '@inventory/contracts';
import {
  AppBaseConfig,
  loadConfig,
  RequestContext,
  ServiceBus,
  ServiceError,
} from '@inventory/platform';
import { startStack, type Stack } from '@inventory/local-stack';
import { Client } from 'pg';
import { runLoad, type LoadResult, type Operation } from './load';
import {
  benchProductId,
  movementScript,
  pgbench,
  SINGLE_ROW_TABLE,
  singleRowSetupSql,
  singleRowUpdateScript,
} from './pgbench';

const settings = {
  seconds: int('BENCH_SECONDS', 10),
  warmupSeconds: int('BENCH_WARMUP_SECONDS', 2),
  clients: int('BENCH_CLIENTS', 64),
  products: int('BENCH_PRODUCTS', 1000),
  pgbenchClients: int('PGBENCH_CLIENTS', 16),
  rounds: int('BENCH_ROUNDS', 1),
};

const RUN_NAMES = [
  'pgMany',
  'gatewayMany',
  'busMany',
  'pgHot',
  'pgHotMovement',
  'gatewayHot',
  'busHot',
] as const;
type RunName = (typeof RUN_NAMES)[number];
const HOT_PRODUCT = 1;

function int(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    say(
      'bench:movements needs DATABASE_URL: a durable Postgres server (its own database is created and dropped)',
    );
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-movements-'));
  say(`starting the stack (data in ${dataDir}) …`);
  const stack = await startStack({ dataDir, ephemeral: true });
  const db = new Client({
    connectionString: stack.databaseUrl,
    options: '-c search_path=stock,public',
  });
  await db.connect();
  const bus = new ServiceBus(
    loadConfig(
      AppBaseConfig,
      {
        DATABASE_URL: stack.databaseUrl,
        STOCK_SERVICE_URL: stack.appEnv.STOCK_SERVICE_URL,
        BUS_TIMEOUT_MS: '30000',
      },
      { app: 'bench' },
    ),
  );
  const results: LoadResult[] = [];
  try {
    const token = await logIn(stack);
    say(
      token
        ? `signed in as ${stack.admin.email}`
        : 'the gateway has no login route yet: HTTP requests go without a token',
    );

    say(`creating ${settings.products} products through catalog events …`);
    await createProducts(stack, db, settings.products);
    say('receiving stock for each …');
    await receiveStock(bus, settings.products);
    await outboxDrained(db);

    const pg = (label: string, script: string) =>
      pgbench({
        label,
        databaseUrl: stack.databaseUrl,
        script,
        clients: settings.pgbenchClients,
        seconds: settings.seconds,
      });
    const http = httpClient(stack, token);
    const many = (n: number) => 2 + (n % (settings.products - 1)); // every product but the hot one
    let spread = 0;
    const measure = async (label: string, operation: Operation) => {
      say(`${label} …`);
      const result = await runLoad({
        label,
        clients: settings.clients,
        seconds: settings.seconds,
        warmupSeconds: settings.warmupSeconds,
        operation,
      });
      const events = await outboxBacklog(db);
      const drainStarted = Date.now();
      await outboxDrained(db);
      result.backlog = { events, drainSeconds: (Date.now() - drainStarted) / 1000 };
      return result;
    };

    const rounds: Record<RunName, LoadResult>[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      if (settings.rounds > 1) say(`round ${round} of ${settings.rounds}`);
      // pgbench with the stock service stopped: nothing else writes meanwhile.
      await stack.apps.stock.stop();
      say('pgbench: movement statement over many products …');
      const pgMany = await pg(
        `pgbench: movement statement, ${settings.products} products`,
        movementScript({ from: 1, to: settings.products }),
      );
      say('pgbench: single-row conditional update …');
      for (const statement of singleRowSetupSql(HOT_PRODUCT)) await db.query(statement);
      const pgHot = await pg(
        'pgbench: single-row conditional update, hot',
        singleRowUpdateScript(HOT_PRODUCT),
      );
      say('pgbench: movement statement on the hot product …');
      const pgHotMovement = await pg(
        'pgbench: movement statement, hot',
        movementScript({ from: HOT_PRODUCT, to: HOT_PRODUCT }),
      );
      // pgbench's events are not for anyone: they never leave the outbox.
      await db.query(`DELETE FROM outbox WHERE body->>'correlationId' = 'pgbench'`);
      await db.query(`DROP TABLE ${SINGLE_ROW_TABLE}`);
      await db.query('VACUUM ANALYZE stock_items');
      stack.apps.stock.start();
      await stack.apps.stock.waitHealthy();

      const gatewayMany = await measure(`gateway → stock, ${settings.products} products`, () =>
        http.issue(benchProductId(many(spread++))),
      );
      const busMany = await measure(`bus → stock, ${settings.products} products`, () =>
        busIssue(bus, benchProductId(many(spread++))),
      );
      const gatewayHot = await measure('gateway → stock, one hot product', () =>
        http.issue(benchProductId(HOT_PRODUCT)),
      );
      const busHot = await measure('bus → stock, one hot product', () =>
        busIssue(bus, benchProductId(HOT_PRODUCT)),
      );
      rounds.push({ pgMany, gatewayMany, busMany, pgHot, pgHotMovement, gatewayHot, busHot });
    }
    // With several rounds, each run's median (by movements/s) is reported.
    const median = (name: RunName) => {
      const sorted = rounds.map((r) => r[name]).sort((a, b) => a.perSecond - b.perSecond);
      return sorted[Math.floor((sorted.length - 1) / 2)];
    };
    const r = Object.fromEntries(RUN_NAMES.map((name) => [name, median(name)])) as Record<
      RunName,
      LoadResult
    >;
    results.push(...RUN_NAMES.map((name) => r[name]));

    const { rows } = await db.query(
      `SELECT count(*)::int AS wrong FROM stock_items i
        WHERE on_hand <> (SELECT coalesce(sum(delta), 0) FROM stock_movements m
                           WHERE m.product_id = i.product_id)`,
    );
    printReport(results, r, rows[0].wrong);
  } finally {
    await bus.onApplicationShutdown();
    await db.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signs in as the stack's admin; null when the gateway has no login route (yet). */
async function logIn(stack: Stack): Promise<string | null> {
  const response = await fetch(`${stack.urls.api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: stack.admin.email, password: stack.admin.password }),
  });
  if (response.status === 404) return null;
  const body = (await response.json()) as Record<string, unknown>;
  const token = body.accessToken ?? body.access_token ?? body.token;
  if (!response.ok || typeof token !== 'string') {
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return token;
}

/** Products 1 … n, announced the way the catalog does: product.created on catalog-events. */
async function createProducts(stack: Stack, db: Client, count: number): Promise<void> {
  const sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: stack.urls.sqs,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({
        QueueName: `${stack.appEnv.QUEUE_PREFIX ?? ''}${Queues.CatalogEvents}`,
      }),
    );
    for (let first = 1; first <= count; first += 10) {
      const entries = [];
      for (let n = first; n < Math.min(first + 10, count + 1); n++) {
        const event: EventEnvelope<ProductEventPayload> = {
          id: randomUUID(),
          type: CatalogEvents.ProductCreated,
          version: 1,
          occurredAt: new Date().toISOString(),
          source: 'bench',
          correlationId: `bench-seed-${n}`,
          payload: {
            productId: benchProductId(n),
            sku: n === HOT_PRODUCT ? 'RES-10K-0603-REEL' : `BENCH-${n}`,
            name: n === HOT_PRODUCT ? '10k resistor, 0603, reel' : `Bench part ${n}`,
            active: true,
          },
        };
        entries.push({ Id: String(n), MessageBody: JSON.stringify(event) });
      }
      await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries }));
    }
  } finally {
    sqs.destroy();
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM stock_items');
    if (rows[0].n >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${count} products arrived`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Receives a large quantity of products 1 … n, 16 at a time. */
async function receiveStock(bus: ServiceBus, count: number): Promise<void> {
  let next = 1;
  const worker = async () => {
    for (let n = next++; n <= count; n = next++) {
      await asStaff(() =>
        bus.send(RecordMovement, {
          productId: benchProductId(n),
          type: 'receive',
          quantity: MAX_MOVEMENT_QUANTITY,
          reference: 'bench',
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const asStaff = <T>(work: () => Promise<T>) =>
  RequestContext.run(
    { correlationId: randomUUID(), actor: { userId: 'bench', role: Role.Staff } },
    work,
  );

async function busIssue(bus: ServiceBus, productId: string): Promise<void> {
  try {
    await asStaff(() =>
      bus.send(RecordMovement, {
        productId,
        type: 'issue',
        quantity: 1,
        idempotencyKey: randomUUID(),
      }),
    );
  } catch (error) {
    throw new Error(
      error instanceof ServiceError ? `bus ${error.getStatus()}` : (error as Error).message,
    );
  }
}

function httpClient(stack: Stack, token: string | null) {
  const agent = new Agent({ keepAlive: true, maxSockets: settings.clients });
  const { hostname, port } = new URL(stack.urls.api);
  return {
    issue: (productId: string) =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({ productId, type: 'issue', quantity: 1 });
        const req = request(
          {
            agent,
            host: hostname === 'localhost' ? '127.0.0.1' : hostname,
            port,
            method: 'POST',
            path: '/api/v1/stock/movements',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'idempotency-key': randomUUID(),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              res.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
  };
}

async function outboxBacklog(db: Client): Promise<number> {
  const { rows } = await db.query('SELECT count(*)::int AS n FROM outbox');
  return rows[0].n;
}

async function outboxDrained(db: Client): Promise<void> {
  const deadline = Date.now() + 300_000;
  while ((await outboxBacklog(db)) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not drain within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function printReport(
  results: LoadResult[],
  r: Record<RunName, LoadResult>,
  ledgerMismatches: number,
): void {
  const pad = (text: string | number, width: number, right = false) =>
    right ? String(text).padStart(width) : String(text).padEnd(width);
  const lines = [
    '',
    `Stock movements benchmark — ${new Date().toISOString()}`,
    `${settings.seconds} s per run after ${settings.warmupSeconds} s warm-up${settings.rounds > 1 ? `, median of ${settings.rounds} interleaved rounds` : ''}; issues of 1 with an Idempotency-Key.`,
    "pgbench runs the service's statement with one movement per transaction; the service batches concurrent movements.",
    'The machine is shared (2 cores, other work running): read the figures as indications.',
    '',
    `${pad('run', 48)}${pad('clients', 8, true)}${pad('moves/s', 10, true)}${pad('p50 ms', 9, true)}${pad('p99 ms', 9, true)}  errors; events left in the outbox`,
    ...results.map((x) => {
      const errors = Object.entries(x.failures)
        .map(([reason, n]) => `${reason}: ${n}`)
        .join(', ');
      const backlog = x.backlog
        ? `; outbox ${x.backlog.events} left, sent within ${x.backlog.drainSeconds.toFixed(1)} s`
        : '';
      return `${pad(x.label, 48)}${pad(x.clients, 8, true)}${pad(x.perSecond.toFixed(0), 10, true)}${pad(x.p50Ms.toFixed(1), 9, true)}${pad(x.p99Ms.toFixed(1), 9, true)}  ${errors || '-'}${backlog}`;
    }),
    '',
    goal(
      'full path (gateway) ≥ 0.5 × pgbench movement statement, p99 ≤ 50 ms',
      r.gatewayMany.perSecond / r.pgMany.perSecond,
      0.5,
      r.gatewayMany.p99Ms <= 50,
    ),
    goal('  (bus only)', r.busMany.perSecond / r.pgMany.perSecond, 0.5, r.busMany.p99Ms <= 50),
    goal(
      'hot product (gateway) ≥ 0.7 × pgbench single-row update',
      r.gatewayHot.perSecond / r.pgHot.perSecond,
      0.7,
      true,
    ),
    goal('  (bus only)', r.busHot.perSecond / r.pgHot.perSecond, 0.7, true),
    `on hand = sum of the ledger for every product: ${ledgerMismatches === 0 ? 'yes' : `NO (${ledgerMismatches} differ)`}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

function goal(what: string, ratio: number, target: number, latencyOk: boolean): string {
  const met = ratio >= target && latencyOk;
  return `${what.padEnd(70)} ${ratio.toFixed(2)} × ${met ? 'met' : 'NOT met'}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
