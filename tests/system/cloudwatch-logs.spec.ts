import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import {
  appScript,
  cloudWatchLogsDouble,
  createQueues,
  createTestDatabase,
  freePort,
  type LogsDouble,
  sqsStandIn,
  type StandIn,
  type TestDatabase,
} from '@inventory/local-stack';
import { eventually } from './support';

const run = promisify(execFile);
const GROUP = '/aws/inventory-app';

interface Line {
  level: string;
  service: string;
  event?: string;
  signal?: string;
  _aws?: unknown;
  [field: string]: unknown;
}

const AWS = { region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The stock service as production runs it (`node dist/main.js`), shipping its logs. It
 * consumes catalog events, so it is healthy only with its queues: the SQS stand-in serves them.
 */
async function startStock(database: TestDatabase, endpoint: string, sqs: StandIn) {
  const healthPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    HEALTH_PORT: String(healthPort),
    BUS_PORT: String(await freePort()),
    CLOUDWATCH_LOG_GROUP: GROUP,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    AWS_REGION: AWS.region,
    AWS_ACCESS_KEY_ID: AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: AWS.secretAccessKey,
  };
  await run(process.execPath, [appScript('stock', 'migrate')], { env });
  const child = spawn(process.execPath, [appScript('stock', 'main')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  try {
    await eventually(
      'stock to answer /health',
      async () => (await fetch(`http://127.0.0.1:${healthPort}/health`)).status === 200,
      30_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return { child, exited, stdout, stderr };
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  const started = Date.now();
  child.kill('SIGTERM');
  const code = await exited;
  return { code, tookMs: Date.now() - started };
}

describe('a built service shipping its logs to CloudWatch (HTTP double of the Logs API)', () => {
  let logs: LogsDouble;
  let sqs: StandIn;
  let database: TestDatabase;

  beforeAll(async () => {
    logs = cloudWatchLogsDouble(await freePort());
    await logs.start();
    sqs = sqsStandIn(await freePort());
    await sqs.start();
    await createQueues(sqs.endpoint, '', {
      region: AWS.region,
      credentials: { accessKeyId: AWS.accessKeyId, secretAccessKey: AWS.secretAccessKey },
    });
    database = await createTestDatabase('cloudwatch');
  });

  afterAll(async () => {
    await logs?.stop();
    await sqs?.stop();
    await database?.drop();
  });

  it('ships from its own stream, and on SIGTERM its last lines and metrics arrive before it exits', async () => {
    const stock = await startStock(database, logs.endpoint, sqs);
    try {
      await eventually('app.started in CloudWatch', async () =>
        logs.records<Line>(GROUP).some((l) => l.event === 'app.started' && l.service === 'stock'),
      );
      const [stream] = logs.streams(GROUP);
      expect(stream).toMatch(/^stock\/[^/]+\/\d{4}-\d\d-\d\dT[\d-]+\.\d{3}Z$/);
    } finally {
      const stopped = await stop(stock.child, stock.exited);
      expect(stopped.code).toBe(0);
    }
    // Read right after the exit: nothing arrives later.
    const lines = logs.records<Line>(GROUP);
    expect(lines.find((l) => l.event === 'app.stopping')).toMatchObject({
      service: 'stock',
      signal: 'SIGTERM',
    });
    // The outbox relay's gauge, written at shutdown as an Embedded Metric Format line.
    expect(lines.find((l) => l._aws !== undefined && l.OutboxPending !== undefined)).toMatchObject({
      Service: 'stock',
      OutboxPending: [0],
    });
    // The console still gets every line as JSON.
    const console = stock.stdout
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Line);
    expect(console.some((l) => l.event === 'app.stopping')).toBe(true);
  });

  it('starts, serves and stops in time when CloudWatch cannot be reached', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const stock = await startStock(database, nowhere, sqs);
    const stopped = await stop(stock.child, stock.exited);
    expect(stopped.code).toBe(0);
    // The transport gives up on the unreachable endpoint within its 4 s shutdown deadline.
    expect(stopped.tookMs).toBeLessThan(8000);
    expect(stock.stderr.join('')).toContain('cloudwatch-logs: cannot ship to /aws/inventory-app');
  });
});
