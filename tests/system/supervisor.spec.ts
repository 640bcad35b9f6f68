import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppName, freePort, isAlive, repoPath } from '@inventory/local-stack';
import { Client } from 'pg';
import { ApiClient, expectStatus } from './api-client';
import { eventually, startTestStack, type TestStack } from './support';

interface SystemHealth {
  status: string;
  checks: Record<string, { status: string }>;
}

/** /health through the gateway: 200 with every app and the database up. */
async function allUp(stack: TestStack): Promise<boolean> {
  try {
    const response = await fetch(stack.urls.health, { signal: AbortSignal.timeout(2000) });
    if (response.status !== 200) return false;
    const { checks } = (await response.json()) as SystemHealth;
    return ['gateway', 'database', 'catalog', 'stock', 'notification'].every(
      (check) => checks[check]?.status === 'up',
    );
  } catch {
    return false;
  }
}

/**
 * On one box the local stack is the supervisor, as systemd is in production: an app that
 * dies is reported loudly and started again; one that keeps dying stops the stack.
 */
describe('the local stack restarts a crashed app', () => {
  let stack: TestStack;
  const alarms: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ onAlarm: (message) => alarms.push(message) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it.each<AppName>(['gateway', 'catalog', 'stock', 'notification'])(
    'reports a kill -9 of %s with its last log lines and has it healthy again',
    async (app) => {
      alarms.length = 0;
      const pid = stack.apps[app].pid!;
      process.kill(pid, 'SIGKILL');

      await eventually('the crash report', async () => alarms.length > 0, 5000);
      const [report] = alarms;
      expect(report).toContain(`!!! ${app} (pid ${pid}) was killed by SIGKILL unexpectedly`);
      expect(report).toContain('its last log lines:');
      // The app's own JSON log lines (it logged app.started when it came up).
      expect(report).toMatch(/\{"level":/);
      expect(report).toMatch(new RegExp(`restarting ${app} in 1 s`));

      await eventually(
        `${app} healthy again`,
        async () => alarms.some((m) => m.startsWith(`${app} is healthy again`)),
        60_000,
      );
      expect(stack.apps[app].pid).not.toBe(pid);
      await eventually('/health to say all up', () => allUp(stack), 30_000);

      // A data round trip through every service the request touches.
      const admin = new ApiClient(stack.urls.api);
      await eventually(
        'the admin to sign in',
        () =>
          admin.login(stack.admin.email, stack.admin.password).then(
            () => true,
            () => false,
          ),
        20_000,
      );
      const product = expectStatus(
        await admin.post<{ id: string }>('/products', {
          sku: `RST-${app.toUpperCase()}`,
          name: `Restart check after ${app}`,
        }),
        201,
      );
      await eventually(
        'a movement on the new product',
        async () =>
          (
            await admin.post('/stock/movements', {
              productId: product.id,
              type: 'receive',
              quantity: 7,
            })
          ).status === 201,
        20_000,
      );
      expect(
        expectStatus(await admin.get<{ onHand: number }>(`/products/${product.id}/stock`), 200),
      ).toMatchObject({ onHand: 7 });
    },
  );

  it('does not restart an app the stack stopped itself', async () => {
    alarms.length = 0;
    await stack.apps.stock.stop();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(stack.apps.stock.running).toBe(false);
    expect(alarms).toEqual([]);
    stack.apps.stock.start();
    await stack.apps.stock.waitHealthy();
  });
});

/**
 * `npm start`'s own process (tools/local-stack/dist/main.js) with its ports and database
 * of its own: an app that cannot come back (its port taken by another program) stops the
 * stack with the supervisor's message and a non-zero exit, instead of restarting forever.
 */
describe('npm start gives up on an app that keeps crashing', () => {
  let dataDir: string;
  let database: string;
  let blocker: Server | undefined;
  const blocked = new Set<Socket>();
  const admin = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inventory-giveup-'));
    chmodSync(dataDir, 0o755);
    database = `giveup_${Date.now()}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
  });

  afterAll(async () => {
    // The stack's health polls may still hold connections to the port taker.
    for (const socket of blocked) socket.destroy();
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the stack with the message and exit code 1', async () => {
    const port = (name: string) => freePort().then((value) => [name, String(value)]);
    const ports = Object.fromEntries(
      await Promise.all(
        [
          'PORT',
          'SES_PORT',
          'S3_PORT',
          'SQS_PORT',
          'CATALOG_BUS_PORT',
          'CATALOG_HEALTH_PORT',
          'STOCK_BUS_PORT',
          'STOCK_HEALTH_PORT',
          'NOTIFICATION_BUS_PORT',
          'NOTIFICATION_HEALTH_PORT',
        ].map(port),
      ),
    ) as Record<string, string>;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${database}`;
    const child = spawn(process.execPath, [repoPath('tools/local-stack/dist/main.js')], {
      env: {
        ...process.env,
        ...ports,
        DATA_DIR: dataDir,
        DATABASE_URL: url.toString(),
        NATS_URL: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await eventually('the stack to be up', async () => stdout.includes('is up'), 120_000);
      const gatewayPid = childPids(child.pid!).find((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('apps/gateway/dist/main.js'),
      );
      expect(gatewayPid).toBeDefined();
      const stackPids = childPids(child.pid!);

      // The gateway dies, and before its restart (1 s later) another program takes its port.
      process.kill(gatewayPid!, 'SIGKILL');
      blocker = await takePort(Number(ports.PORT), blocked);

      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 90_000))),
      ]);
      clearTimeout(timer);
      expect(code).toBe(1);
      expect(stderr).toContain('!!! gateway (pid');
      expect(stderr).toContain('was killed by SIGKILL unexpectedly');
      expect(stderr).toMatch(/!!! gateway \(pid \d+\) exited with code 1 unexpectedly/);
      expect(stderr).toContain(
        'gateway crashed 3 times in a row without becoming healthy: giving up, stopping the stack',
      );
      expect(stderr).toMatch(/local stack: stopped: gateway crashed 3 times in a row/);
      // Its last lines say why: the port is taken.
      expect(stderr).toMatch(/PORT|EADDRINUSE|in use/);
      // Nothing of the stack is left running.
      for (const pid of stackPids) expect(isAlive(pid)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    }
  }, 360_000);
});

/** Listens on `port` as soon as it is free (within 5 s), keeping every connection in `sockets`. */
async function takePort(port: number, sockets: Set<Socket>): Promise<Server> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    const error = await new Promise<Error | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(port, () => resolve(undefined));
    });
    if (!error) return server;
    if (Date.now() > deadline) throw error;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The direct children of a process. */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
