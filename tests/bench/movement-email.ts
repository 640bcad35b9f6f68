/**
 * Movement → low-stock email latency at a steady rate, end to end, and where the time goes.
 * Part of `npm run bench`; alone: `npm run bench:email`.
 *
 * Settings: BENCH_E2E_SECONDS (20), BENCH_E2E_RATE (200), BENCH_E2E_WARMUP_SECONDS (2: the
 * same load before the measured window, reported on its own).
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
const WARMUP_SECONDS = Number(process.env.BENCH_E2E_WARMUP_SECONDS ?? 2);

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

/** The line for the warm-up's figures, printed next to the measured ones. */
export const coldLine = ({ cold }: EmailLatency) =>
  `… the first ${cold.seconds} s after start (the warm-up before it, ${cold.emails} emails): p50 ${cold.p50.toFixed(0)} ms, p99 ${cold.p99.toFixed(0)} ms, max ${cold.max.toFixed(0)} ms`;

export interface EmailLatency {
  p50: number;
  p99: number;
  emails: number;
  rate: number;
  /** The first WARMUP seconds of the same load right after the stack started, before the measured window. */
  cold: { seconds: number; emails: number; p50: number; p99: number; max: number };
  /** A printed table: p50 / p99 / max of each stage, and the load average before and after. */
  stages: string;
  /** A printed table: CPU ms per 1,000 movements of each process, movements and drain together. */
  cpu: string;
  /** A printed line: the SQS stand-in's requests per 1,000 movements, by action (same window). */
  sqsRequests: string;
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

function sqsRequestsLine(
  before: Record<string, number>,
  after: Record<string, number>,
  movements: number,
): string {
  const counts = Object.entries(after)
    .map(([action, n]) => [action, n - (before[action] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (counts.length === 0) return 'SQS requests: not counted (SQS is not the stand-in)';
  const per = (n: number) => ((n * 1000) / movements).toFixed(0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return `SQS requests per 1,000 movements, same window: ${per(total)} (${counts.map(([action, n]) => `${action} ${per(n)}`).join(', ')})`;
}

/**
 * Movements at a steady rate through the gateway, half of them taking a product across its
 * reorder level; latency from the movement's commit (the event's occurredAt) to SES
 * accepting the alert (the notification service's email log), both Postgres clock times.
 * The stages come from the notification service's `alert.sent` log lines. The measured
 * window follows WARMUP seconds of the same load (`cold`), as a running system would.
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
    // Answers the movements sent and the rate achieved.
    const drive = async (seconds: number) => {
      const started = Date.now();
      const inFlight: Promise<void>[] = [];
      for (let second = 0; second < seconds; second++) {
        for (let i = 0; i < E2E_RATE; i++) {
          const due = started + (second * E2E_RATE + i) * (1000 / E2E_RATE);
          const wait = due - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          inFlight.push(move(products[i], second % 2 === 0 ? 'issue' : 'receive'));
        }
      }
      await Promise.all(inFlight);
      return { sent: inFlight.length, rate: inFlight.length / ((Date.now() - started) / 1000) };
    };
    // Every low-stock email caused by a movement since `from`, once all `expected` are logged
    // (or after two minutes): its latency, sorted.
    const emailLatencies = async (from: Date, expected: number, lines: () => number) => {
      const deadline = Date.now() + 120_000;
      let rows: { ms: number }[] = [];
      while (Date.now() < deadline) {
        ({ rows } = await db.query<{ ms: number }>(
          `SELECT extract(epoch FROM at - occurred_at) * 1000 AS ms FROM notification.email_log
            WHERE kind = 'low_stock' AND status = 'sent' AND occurred_at >= $1`,
          [from],
        ));
        if (rows.length >= expected && lines() >= expected) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
    };

    // The same load first, unmeasured: the first crossings after a start open the
    // services' database connections and HTTP sockets and run the alert path cold (the
    // setup above sends no email). Its figures are reported on their own line.
    const warmFrom = new Date();
    await drive(WARMUP_SECONDS);
    const cold = await emailLatencies(
      warmFrom,
      products.length * Math.ceil(WARMUP_SECONDS / 2),
      () => Infinity,
    );

    const from = new Date();
    const loadBefore = loadAverage();
    const cpu = stackCpu(stack, db);
    const requestsBefore = stack.standIns.sqs?.requests?.() ?? {};
    await cpu.start();
    const cpuFrom = Date.now();
    measuring = true;
    const { sent, rate: achieved } = await drive(E2E_SECONDS);
    const loadAfter = loadAverage();
    const latencies = await emailLatencies(
      from,
      products.length * Math.ceil(E2E_SECONDS / 2),
      () => sentLines.length,
    );
    const cpuFigures = await cpu.end();
    const requestsAfter = stack.standIns.sqs?.requests?.() ?? {};
    const cpuSeconds = (Date.now() - cpuFrom) / 1000;
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
      cold: {
        seconds: WARMUP_SECONDS,
        emails: cold.length,
        p50: percentile(cold, 50),
        p99: percentile(cold, 99),
        max: cold.at(-1) ?? NaN,
      },
      stages,
      cpu: cpuTable(cpuFigures, sent, cpuSeconds),
      sqsRequests: sqsRequestsLine(requestsBefore, requestsAfter, sent),
    };
  } finally {
    await db.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
