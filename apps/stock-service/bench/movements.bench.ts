/**
 * `npm run bench:movements`: stock movements per second and their latency, through the
 * gateway (HTTP → bus → stock service → Postgres) and straight over the bus, next to
 * pgbench running the service's own movement statement on the same database in the same
 * run; then everyone on one hot product next to pgbench's single-row conditional update.
 *
 * Needs DATABASE_URL (a durable Postgres server; the run creates and drops its own database)
 * and pgbench on PATH. Settings: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2),
 * BENCH_CLIENTS (64), BENCH_PRODUCTS (1000), PGBENCH_CLIENTS (16), BENCH_ROUNDS (1: with more,
 * every run is repeated that often, interleaved, and its median is reported), BENCH_INSTANCES
 * (1: with 2, two gateways and two stock services on NATS, a private nats-server; the HTTP
 * clients take turns between the gateways, and each row of the cost table sums the instances),
 * BENCH_BUS (tcp; `nats` for one instance of each on NATS, to compare with two),
 * BENCH_TRACE_GC (1: the apps run with --trace-gc-nvp, and the cost table adds the gateway's
 * and the stock service's garbage-collection pauses, read back from their logs).
 *
 * The gateway runs also print the cost per movement by process: CPU milliseconds per 1,000
 * movements of each process in the measured window, read from /proc/<pid>/stat, with the
 * apps' CloudWatch Logs shipping off and on (to the Logs double of tools/local-stack, in a
 * process of its own). The HTTP load generator runs in a child process for that; the
 * bench's own process hosts the stack's stand-ins.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
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
import { Client } from 'pg';
import { BENCH_LOG_GROUP } from './cloudwatch-double';
import {
  cpuWindow,
  databaseBackends,
  gcPauses,
  loadAverage,
  processStartedAt,
  startStack,
  type CpuFigure,
  type CpuGroup,
  type Stack,
} from '@inventory/local-stack';
import type { HttpLoadMessage, HttpLoadRequest } from './http-load';
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
  instances: int('BENCH_INSTANCES', 1),
  /** `nats` puts the bus on NATS with one instance too (more than one always is). */
  nats: process.env.BENCH_BUS === 'nats',
  /** 1: the apps run with --trace-gc-nvp, and the table shows their collectors' pauses. */
  traceGc: process.env.BENCH_TRACE_GC === '1',
};

const RUN_NAMES = [
  'pgMany',
  'gatewayMany',
  'busMany',
  'pgHot',
  'pgHotMovement',
  'gatewayHot',
  'busHot',
  'gatewayManyCw',
  'gatewayHotCw',
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
  const scaled = settings.instances > 1;
  const stack = await startStack({
    dataDir,
    ephemeral: true,
    nats: scaled || settings.nats,
    instances: { gateway: settings.instances, stock: settings.instances },
    nodeFlags: settings.traceGc ? ['--trace-gc-nvp'] : undefined,
  });
  /** Every process of an app: the stack's one and any further instances. */
  const all = (app: 'gateway' | 'stock') => [stack.apps[app], ...(stack.extraApps[app] ?? [])];
  const pidsOf = (app: 'gateway' | 'stock') => all(app).flatMap((instance) => pidOf(instance.pid));
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
        NATS_URL: stack.natsUrl ?? '',
        BUS_TIMEOUT_MS: '30000',
      },
      { app: 'bench' },
    ),
  );
  const results: LoadResult[] = [];
  let cloudWatch: { process: ChildProcess; endpoint: string } | undefined;
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
        backends: () => databaseBackends(db, 'pgbench'),
      });
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

    /** What the apps run with besides the stack's environment (CloudWatch shipping or not). */
    let appsEnv: NodeJS.ProcessEnv = {};
    /** Restarts every app (services first, as the stack starts them) with `extraEnv`. */
    const restartApps = async (extraEnv: NodeJS.ProcessEnv) => {
      appsEnv = extraEnv;
      const apps = [...Object.values(stack.apps), ...Object.values(stack.extraApps).flat()];
      await Promise.all(apps.map((app) => app.stop()));
      const services = apps.filter((app) => app.name !== 'gateway');
      services.forEach((app) => app.start(appsEnv));
      await Promise.all(services.map((app) => app.waitHealthy()));
      const gateways = all('gateway');
      gateways.forEach((app) => app.start(appsEnv));
      await Promise.all(gateways.map((app) => app.waitHealthy()));
    };
    const shipping = async (on: boolean) => {
      if (on && !cloudWatch) cloudWatch = await startCloudWatchDouble();
      say(`restarting the apps with CloudWatch Logs shipping ${on ? 'on' : 'off'} …`);
      await restartApps(
        on
          ? {
              CLOUDWATCH_LOG_GROUP: BENCH_LOG_GROUP,
              AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: cloudWatch!.endpoint,
            }
          : {},
      );
    };
    /** A gateway run with the load generator in its own process and every process's CPU read. */
    const measureGateway = async (label: string, productIds: string[]) => {
      say(`${label} …`);
      // The window must see this run's work only: earlier runs' events consumed first.
      await outboxDrained(db);
      await queueDrained(stack, Queues.StockEvents);
      const loader = fork(join(__dirname, 'http-load.js'), [], { stdio: 'inherit' });
      const groups: CpuGroup[] = [
        { name: scaled ? 'gateways' : 'gateway', pids: () => pidsOf('gateway') },
        { name: scaled ? 'stock services' : 'stock service', pids: () => pidsOf('stock') },
        { name: 'notification service', pids: () => pidOf(stack.apps.notification.pid) },
        { name: 'catalog service (idle)', pids: () => pidOf(stack.apps.catalog.pid) },
        { name: "stand-ins' process (the stack's own)", pids: () => [process.pid] },
        { name: 'Postgres (backends of the database)', pids: () => databaseBackends(db) },
        { name: 'load generator', pids: () => pidOf(loader.pid) },
        ...(cloudWatch && appsEnv.CLOUDWATCH_LOG_GROUP
          ? [{ name: 'CloudWatch Logs double', pids: () => pidOf(cloudWatch!.process.pid) }]
          : []),
      ];
      const window = cpuWindow(groups);
      const wall = { start: 0, end: 0 };
      const started = new Map(
        settings.traceGc
          ? (['gateway', 'stock'] as const)
              .flatMap(all)
              .map((app) => [app, processStartedAt(app.pid!)] as const)
          : [],
      );
      let edges = Promise.resolve();
      let cpu: Promise<CpuFigure[]> | undefined;
      const result = await new Promise<LoadResult>((resolve, reject) => {
        loader.on('message', (message: HttpLoadMessage) => {
          if ('edge' in message) {
            wall[message.edge] = Date.now();
            if (message.edge === 'start') edges = edges.then(() => window.start());
            else cpu = edges.then(() => window.end());
          } else if ('result' in message) resolve(message.result);
          else reject(new Error(`the load generator failed: ${message.error}`));
        });
        loader.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)));
        const job: HttpLoadRequest = {
          label,
          clients: settings.clients,
          seconds: settings.seconds,
          warmupSeconds: settings.warmupSeconds,
          apis: stack.urls.gateways.map((url) => `${url}/api/v1`),
          token,
          productIds,
        };
        loader.send(job);
      });
      if (!cpu) throw new Error('the load generator never closed its measured window');
      result.cpu = await cpu;
      for (const [app, startedAt] of started) {
        const pauses = gcPauses(app.logFile, app.pid!, startedAt, {
          from: wall.start,
          to: wall.end,
        });
        const name = `${app.name === 'stock' ? 'stock service' : 'gateway'}: ${GC_PAUSES}`;
        const figure = result.cpu.find((f) => f.name === name);
        const ms = pauses.youngMs + pauses.oldMs + (figure?.ms ?? 0);
        const note = `${pauses.young} young, ${pauses.old} old`;
        if (figure) Object.assign(figure, { ms, note: `${figure.note}; ${note}` });
        else result.cpu.push({ name, ms, note });
      }
      result.loadAverage = loadAverage();
      const events = await outboxBacklog(db);
      const drainStarted = Date.now();
      await outboxDrained(db);
      result.backlog = { events, drainSeconds: (Date.now() - drainStarted) / 1000 };
      return result;
    };
    const manyIds = Array.from({ length: settings.products - 1 }, (_, i) =>
      benchProductId(many(i)),
    );
    const hotIds = [benchProductId(HOT_PRODUCT)];

    const rounds: Record<RunName, LoadResult>[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      if (settings.rounds > 1) say(`round ${round} of ${settings.rounds}`);
      // pgbench with the stock service stopped: nothing else writes meanwhile.
      await Promise.all(all('stock').map((app) => app.stop()));
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
      await db.query(`DELETE FROM outbox WHERE correlation_id = 'pgbench'`);
      await db.query(`DROP TABLE ${SINGLE_ROW_TABLE}`);
      await db.query('VACUUM ANALYZE stock_items');
      all('stock').forEach((app) => app.start(appsEnv));
      await Promise.all(all('stock').map((app) => app.waitHealthy()));
      if (round > 1) await shipping(false);

      const gatewayMany = await measureGateway(
        `gateway → stock, ${settings.products} products`,
        manyIds,
      );
      const busMany = await measure(`bus → stock, ${settings.products} products`, () =>
        busIssue(bus, benchProductId(many(spread++))),
      );
      const gatewayHot = await measureGateway('gateway → stock, one hot product', hotIds);
      const busHot = await measure('bus → stock, one hot product', () =>
        busIssue(bus, benchProductId(HOT_PRODUCT)),
      );
      await shipping(true);
      const gatewayManyCw = await measureGateway(
        `gateway → stock, ${settings.products} products, CloudWatch on`,
        manyIds,
      );
      const gatewayHotCw = await measureGateway(
        'gateway → stock, one hot product, CloudWatch on',
        hotIds,
      );
      const shipped = await askCloudWatch(cloudWatch!.process);
      say(`the CloudWatch Logs double holds ${shipped} log events`);
      if (shipped === 0) throw new Error('CloudWatch shipping was on but nothing arrived');
      rounds.push({
        pgMany,
        gatewayMany,
        busMany,
        pgHot,
        pgHotMovement,
        gatewayHot,
        busHot,
        gatewayManyCw,
        gatewayHotCw,
      });
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
    cloudWatch?.process.disconnect();
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

/** An SQS client for the stack's stand-in and the URL of one of its queues; destroy it after use. */
async function stackQueue(stack: Stack, queue: string) {
  const sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: stack.urls.sqs,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const { QueueUrl } = await sqs.send(
    new GetQueueUrlCommand({ QueueName: `${stack.appEnv.QUEUE_PREFIX ?? ''}${queue}` }),
  );
  return { sqs, QueueUrl };
}

/** Products 1 … n, announced the way the catalog does: product.created on catalog-events. */
async function createProducts(stack: Stack, db: Client, count: number): Promise<void> {
  const { sqs, QueueUrl } = await stackQueue(stack, Queues.CatalogEvents);
  try {
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

const pidOf = (pid: number | undefined) => (pid === undefined ? [] : [pid]);

/** The CloudWatch Logs double in its own process (cloudwatch-double.ts), and its endpoint. */
function startCloudWatchDouble(): Promise<{ process: ChildProcess; endpoint: string }> {
  const child = fork(join(__dirname, 'cloudwatch-double.js'), [], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { endpoint: string }) =>
      resolve({ process: child, endpoint: message.endpoint }),
    );
    child.once('exit', (code) =>
      reject(new Error(`the CloudWatch Logs double exited with ${code}`)),
    );
  });
}

/** How many log events the double holds. */
function askCloudWatch(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message: { events: number }) => resolve(message.events));
    child.send('count');
  });
}

/** Waits until no message is left on the queue, received or not. */
async function queueDrained(stack: Stack, queue: string): Promise<void> {
  const { sqs, QueueUrl } = await stackQueue(stack, queue);
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      const left =
        Number(Attributes.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
      if (left === 0) return;
      if (Date.now() > deadline)
        throw new Error(`${queue} still held ${left} messages after 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    sqs.destroy();
  }
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
    settings.instances > 1
      ? `${settings.instances} gateways and ${settings.instances} stock services on NATS (queue groups); the HTTP clients take turns between the gateways.`
      : `One process of each app; the bus on ${settings.nats ? 'NATS' : 'TCP'}.`,
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
    ...costTable(r),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** Processes that stand in for a remote service: shown, not in the path's total. */
const REMOTE = new Set(['CloudWatch Logs double']);
/** BENCH_TRACE_GC's rows: wall time of an app's main thread, inside its CPU figure above. */
const GC_PAUSES = 'GC pauses (main thread, in its figure)';
const inTotal = (name: string) => !REMOTE.has(name) && !name.endsWith(GC_PAUSES);

/**
 * CPU milliseconds per 1,000 movements of each process in the gateway runs' measured
 * windows, as a Markdown table (docs/benchmarks.md keeps it).
 */
function costTable(r: Record<RunName, LoadResult>): string[] {
  const columns: { head: string; run: LoadResult; pg: LoadResult }[] = [
    { head: 'many products, CW off', run: r.gatewayMany, pg: r.pgMany },
    { head: 'many products, CW on', run: r.gatewayManyCw, pg: r.pgMany },
    { head: 'one hot product, CW off', run: r.gatewayHot, pg: r.pgHotMovement },
    { head: 'one hot product, CW on', run: r.gatewayHotCw, pg: r.pgHotMovement },
  ];
  const perThousand = (ms: number, count: number) => (count > 0 ? (ms * 1000) / count : NaN);
  const total = (run: LoadResult) =>
    (run.cpu ?? []).filter((f) => inTotal(f.name)).reduce((sum, f) => sum + f.ms, 0);
  const names = [...new Set(columns.flatMap((c) => (c.run.cpu ?? []).map((f) => f.name)))];
  const cell = (text: string) => ` ${text} |`;
  const row = (what: string, values: string[]) => `| ${what} |${values.map(cell).join('')}`;
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '-');
  const pgCost = (pg: LoadResult) =>
    perThousand(
      (pg.cpu ?? []).reduce((sum, f) => sum + f.ms, 0),
      pg.ok,
    );
  return [
    `Cost per movement, by process — ${new Date().toISOString()}`,
    'CPU ms per 1,000 movements (utime+stime, and reaped children, from /proc/<pid>/stat before and after the measured window).',
    `Postgres: the backends serving the bench's database (the server is shared; its own background processes are left out). CW: the apps' CloudWatch Logs shipping, to the double in its own process.`,
    `load average (1, 5, 15 min) after each run: ${columns.map((c) => c.run.loadAverage ?? '-').join(' / ')}`,
    '',
    row(
      'process',
      columns.map((c) => c.head),
    ),
    `|---|${columns.map(() => '---:|').join('')}`,
    ...names.map((name) =>
      row(
        REMOTE.has(name) ? `${name} (not in the total)` : name,
        columns.map((c) => {
          const figure = c.run.cpu?.find((f) => f.name === name);
          if (!figure) return '-';
          return `${ms(perThousand(figure.ms, c.run.ok))}${figure.note ? ` (${figure.note})` : ''}`;
        }),
      ),
    ),
    row(
      '**total**',
      columns.map((c) => `**${ms(perThousand(total(c.run), c.run.ok))}**`),
    ),
    row(
      'movements/s; p99 ms',
      columns.map((c) => `${c.run.perSecond.toFixed(0)}; ${c.run.p99Ms.toFixed(0)}`),
    ),
    row(
      'pgbench, movement statement: CPU ms per 1,000 tx (pgbench + its backends)',
      columns.map((c) => {
        const [own, backends] = c.pg.cpu ?? [];
        return own && backends
          ? `${ms(pgCost(c.pg))} (${ms(perThousand(own.ms, c.pg.ok))} + ${ms(perThousand(backends.ms, c.pg.ok))})`
          : '-';
      }),
    ),
    row(
      'total ÷ pgbench',
      columns.map((c) => `${(perThousand(total(c.run), c.run.ok) / pgCost(c.pg)).toFixed(1)} ×`),
    ),
  ];
}

function goal(what: string, ratio: number, target: number, latencyOk: boolean): string {
  const met = ratio >= target && latencyOk;
  return `${what.padEnd(70)} ${ratio.toFixed(2)} × ${met ? 'met' : 'NOT met'}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
