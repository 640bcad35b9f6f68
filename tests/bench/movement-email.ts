/**
 * Movement → low-stock email latency at a steady rate, end to end, and where the time goes.
 * Part of `npm run bench`; alone: `npm run bench:email`.
 *
 * Settings: BENCH_E2E_SECONDS (20), BENCH_E2E_RATE (200).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  childrenOf,
  cpuWindow,
  databaseBackends,
  startStack,
  type CpuFigure,
  type Stack,
} from '@inventory/local-stack';
import { Client } from 'pg';

const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 20);
const E2E_RATE = Number(process.env.BENCH_E2E_RATE ?? 200);

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // embedded Postgres runs as the postgres user
  return dir;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The stages of the notification service's `alert.sent` log line, in path order. */
const STAGES = [
  ['publishMs', 'movement committed → relay published to SQS'],
  ['queueMs', 'published → received by the consumer'],
  ['handleMs', 'received → accepted by SES'],
  ['latencyMs', 'movement committed → accepted by SES (total)'],
  ['commitMs', 'accepted by SES → email log committed'],
] as const;

export interface EmailLatency {
  p50: number;
  p99: number;
  emails: number;
  rate: number;
  /** A printed table: p50 / p99 / max of each stage, and the load average before and after. */
  stages: string;
  /** A printed table: CPU ms per 1,000 movements of each process, movements and drain together. */
  cpu: string;
}

/** CPU of the stack's processes by role (from /proc), for the window of the movements and their emails. */
function stackCpu(stack: Stack, db: Client) {
  const pidOf = (pid: number | undefined) => (pid === undefined ? [] : [pid]);
  const postmaster = stack.postgres?.pid;
  return cpuWindow([
    { name: 'gateway', pids: () => pidOf(stack.apps.gateway.pid) },
    { name: 'stock service (movements, outbox relay)', pids: () => pidOf(stack.apps.stock.pid) },
    { name: 'notification service', pids: () => pidOf(stack.apps.notification.pid) },
    { name: 'catalog service (stock status events)', pids: () => pidOf(stack.apps.catalog.pid) },
    {
      name: "stand-ins' process (SQS, SES, logs; the load generator)",
      pids: () => [process.pid],
    },
    // The embedded server: all of it; a server given by DATABASE_URL: the backends of the
    // stack's database.
    postmaster === undefined
      ? { name: 'Postgres (backends of the database)', pids: () => databaseBackends(db) }
      : {
          name: 'Postgres (embedded: postmaster and all its processes)',
          pids: () => [postmaster, ...childrenOf(postmaster)],
        },
  ]);
}

function cpuTable(figures: CpuFigure[], movements: number, seconds: number): string {
  const total = figures.reduce((sum, f) => sum + f.ms, 0);
  const row = (name: string, ms: number, note?: string) =>
    `| ${name.padEnd(58)} | ${((ms * 1000) / movements).toFixed(0).padStart(8)} |${note ? ` ${note}` : ''}`;
  return [
    `CPU ms per 1,000 movements (utime+stime from /proc), from the first movement until every email was logged (${seconds.toFixed(1)} s)`,
    `| ${'process'.padEnd(58)} | ${'ms'.padStart(8)} |`,
    `| ${'-'.repeat(58)} | -------: |`,
    ...figures.map((f) => row(f.name, f.ms, f.note)),
    row('total', total),
  ].join('\n');
}

/**
 * Movements at a steady rate through the gateway, half of them taking a product across its
 * reorder level; latency from the movement's commit (the event's occurredAt) to SES
 * accepting the alert (the notification service's email log), both Postgres clock times.
 * The stages come from the notification service's `alert.sent` log lines.
 */
export async function movementToEmail(): Promise<EmailLatency> {
  const dataDir = tempDir('bench-e2e-');
  const sentLines: Record<string, number>[] = [];
  let measuring = false;
  const stack: Stack = await startStack({
    dataDir,
    ephemeral: true,
    onLine: (app, line) => {
      if (!measuring || app !== 'notification' || !line.includes('"alert.sent"')) return;
      try {
        sentLines.push(JSON.parse(line) as Record<string, number>);
      } catch {
        // not a JSON log line
      }
    },
  });
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const api = stack.urls.api;
    const call = async (method: string, path: string, body: unknown, token?: string) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, string>>;
    };
    const { accessToken } = await call('POST', '/auth/login', {
      email: stack.admin.email,
      password: stack.admin.password,
    });
    // One product per movement each second, so movements of one product never queue up.
    const products: string[] = [];
    for (let i = 0; i < E2E_RATE; i++) {
      const product = await call(
        'POST',
        '/products',
        { sku: `E2E-${i}`, name: `Latency part ${i}` },
        accessToken,
      );
      await call('PUT', `/products/${product.id}/reorder-level`, { reorderLevel: 10 }, accessToken);
      await call(
        'POST',
        '/stock/movements',
        { productId: product.id, type: 'receive', quantity: 11 },
        accessToken,
      );
      products.push(product.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const from = new Date();
    const loadBefore = loadAverage();
    const cpu = stackCpu(stack, db);
    await cpu.start();
    const cpuFrom = Date.now();
    measuring = true;

    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const { port } = new URL(api);
    const move = (productId: string, type: 'issue' | 'receive') =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({ productId, type, quantity: 1 });
        const req = request(
          {
            agent,
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/stock/movements',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${accessToken}`,
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
      });
    // Open loop: a movement every 1/RATE s whatever the answers do. Each product goes
    // 11 → 10 (a low crossing: one email) and back to 11 (no email), one step per second.
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    let sent = 0;
    for (let second = 0; second < E2E_SECONDS; second++) {
      for (let i = 0; i < E2E_RATE; i++) {
        const due = started + (second * E2E_RATE + i) * (1000 / E2E_RATE);
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        inFlight.push(move(products[i], second % 2 === 0 ? 'issue' : 'receive'));
        sent++;
      }
    }
    await Promise.all(inFlight);
    const achieved = sent / ((Date.now() - started) / 1000);
    const loadAfter = loadAverage();
    const expected = products.length * Math.ceil(E2E_SECONDS / 2);
    const deadline = Date.now() + 120_000;
    let rows: { ms: number }[] = [];
    while (Date.now() < deadline) {
      ({ rows } = await db.query<{ ms: number }>(
        `SELECT extract(epoch FROM at - occurred_at) * 1000 AS ms FROM notification.email_log
          WHERE kind = 'low_stock' AND status = 'sent' AND occurred_at >= $1`,
        [from],
      ));
      if (rows.length >= expected && sentLines.length >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const cpuFigures = await cpu.end();
    const cpuSeconds = (Date.now() - cpuFrom) / 1000;
    const latencies = rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
    const stageRows = STAGES.map(([field, what]) => {
      const values = sentLines
        .map((line) => Number(line[field]))
        .filter((value) => Number.isFinite(value))
        .sort((a, b) => a - b);
      const cell = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(0)).padStart(6);
      return `| ${what.padEnd(46)} | ${cell(percentile(values, 50))} | ${cell(percentile(values, 99))} | ${cell(values.at(-1) ?? NaN)} |`;
    });
    const stages = [
      `Movement → email by stage (${sentLines.length} alert.sent lines; load average ${loadBefore} before, ${loadAfter} after the movements)`,
      `| ${'stage'.padEnd(46)} | ${'p50'.padStart(6)} | ${'p99'.padStart(6)} | ${'max'.padStart(6)} |`,
      `| ${'-'.repeat(46)} | -----: | -----: | -----: |`,
      ...stageRows,
    ].join('\n');
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      emails: latencies.length,
      rate: achieved,
      stages,
      cpu: cpuTable(cpuFigures, sent, cpuSeconds),
    };
  } finally {
    await db.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
