/**
 * `npm run bench`: the product's figures in one table, measured in one run on this machine.
 *
 * - stock movements through the gateway (64 clients) next to pgbench running the same SQL
 *   in the same run, and their cost per movement by process (`bench:movements`);
 * - movement → email latency at 200 movements/s end to end (this file);
 * - product search p95 at 100,000 products (`bench:catalog`);
 * - start-to-healthy seconds of the whole system, cold and warm (this file).
 *
 * Needs DATABASE_URL (a Postgres server for the throwaway databases) and pgbench.
 * Settings: BENCH_E2E_SECONDS (20), BENCH_E2E_RATE (200).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort, repoPath, startStack, type Stack } from '@inventory/local-stack';
import { Client } from 'pg';

const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 20);
const E2E_RATE = Number(process.env.BENCH_E2E_RATE ?? 200);
const say = (line = '') => process.stdout.write(`${line}\n`);

interface Figure {
  what: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // embedded Postgres runs as the postgres user
  return dir;
}

/** Runs an npm script, echoing its output, and returns what it printed. */
function runScript(script: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: repoPath(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`npm run ${script} exited with ${code}`)),
    );
  });
}

/** Start-to-healthy of the whole system as `npm start` starts it: embedded Postgres, stand-ins, four apps. */
async function startToHealthy(): Promise<{ cold: number; warm: number }> {
  const dataDir = tempDir('bench-start-');
  const port = async () => String(await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: undefined,
    PORT: await port(),
    SES_PORT: await port(),
    S3_PORT: await port(),
    SQS_PORT: await port(),
    POSTGRES_PORT: await port(),
  };
  for (const service of ['CATALOG', 'STOCK', 'NOTIFICATION']) {
    env[`${service}_BUS_PORT`] = await port();
    env[`${service}_HEALTH_PORT`] = await port();
  }
  try {
    const first = await startStack({ dataDir, env });
    await first.stop();
    const second = await startStack({ dataDir, env });
    await second.stop();
    return { cold: first.startupMs / 1000, warm: second.startupMs / 1000 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Movements at a steady rate through the gateway, half of them taking a product across its
 * reorder level; latency from the movement's commit (the event's occurredAt) to SES
 * accepting the alert (the notification service's email log), both Postgres clock times.
 */
async function movementToEmail(): Promise<{
  p50: number;
  p99: number;
  emails: number;
  rate: number;
}> {
  const dataDir = tempDir('bench-e2e-');
  const stack: Stack = await startStack({ dataDir, ephemeral: true });
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
    const expected = products.length * Math.ceil(E2E_SECONDS / 2);
    const deadline = Date.now() + 120_000;
    let rows: { ms: number }[] = [];
    while (Date.now() < deadline) {
      ({ rows } = await db.query<{ ms: number }>(
        `SELECT extract(epoch FROM at - occurred_at) * 1000 AS ms FROM notification.email_log
          WHERE kind = 'low_stock' AND status = 'sent' AND occurred_at >= $1`,
        [from],
      ));
      if (rows.length >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const latencies = rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      emails: latencies.length,
      rate: achieved,
    };
  } finally {
    await db.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The value after `label` in a printed table row (the numbers in it). */
function numbersOf(output: string, label: string): number[] {
  const line = output.split('\n').find((row) => row.includes(label));
  if (!line) throw new Error(`no line with "${label}" in the output`);
  return (line.slice(line.indexOf(label) + label.length).match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

/** bench:movements' cost-per-movement table: from its title to the first blank line after the table. */
function costSection(output: string): string {
  const lines = output.split('\n');
  const first = lines.findIndex((line) => line.startsWith('Cost per movement, by process'));
  if (first < 0) throw new Error('bench:movements printed no cost per movement');
  const tableStart = lines.findIndex((line, i) => i > first && line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > tableStart && !line.startsWith('|'));
  return lines.slice(first, end < 0 ? undefined : end).join('\n');
}

describe('benchmark suite', () => {
  it('prints the figures', async () => {
    const figures: Figure[] = [];

    say('== start-to-healthy (embedded Postgres, stand-ins, four apps)');
    const start = await startToHealthy();
    figures.push({
      what: 'start to all healthy, cold (empty data folder)',
      value: `${start.cold.toFixed(1)} s`,
      goal: '-',
      met: null,
    });
    figures.push({
      what: 'start to all healthy, warm',
      value: `${start.warm.toFixed(1)} s`,
      goal: '≤ 15 s',
      met: start.warm <= 15,
    });

    say('== movement → email latency');
    const e2e = await movementToEmail();
    figures.push({
      what: `movement → low-stock email accepted by SES at ${e2e.rate.toFixed(0)} movements/s (${e2e.emails} emails)`,
      value: `p50 ${e2e.p50.toFixed(0)} ms, p99 ${e2e.p99.toFixed(0)} ms`,
      goal: 'p99 ≤ 250 ms',
      met: e2e.p99 <= 250,
    });

    say('== stock movements (npm run bench:movements)');
    const movements = await runScript('bench:movements');
    const [pgClients, pgRate] = numbersOf(movements, 'pgbench: movement statement, 1000 products');
    const [gwClients, gwRate, gwP50, gwP99] = numbersOf(
      movements,
      'gateway → stock, 1000 products',
    );
    figures.push({
      what: `pgbench, the movement statement (${pgClients} clients)`,
      value: `${pgRate}/s`,
      goal: '-',
      met: null,
    });
    figures.push({
      what: `movements through the gateway (${gwClients} clients)`,
      value: `${gwRate}/s = ${(gwRate / pgRate).toFixed(2)} × pgbench; p50 ${gwP50} ms, p99 ${gwP99} ms`,
      goal: '≥ 0.5 × pgbench, p99 ≤ 50 ms',
      met: gwRate / pgRate >= 0.5 && gwP99 <= 50,
    });

    const costs = costSection(movements);

    say('== product search at 100,000 products (npm run bench:catalog)');
    const catalog = await runScript('bench:catalog');
    const [serviceP95, gatewayP95] = catalog
      .split('\n')
      .filter((line) => line.includes('all search requests'))
      .map((line) => Number(/p95\s+([\d.]+)/.exec(line)?.[1]));
    figures.push({
      what: 'product search at 100,000 products, at the service',
      value: `p95 ${serviceP95} ms`,
      goal: 'p95 ≤ 30 ms',
      met: serviceP95 <= 30,
    });
    figures.push({
      what: 'product search at 100,000 products, through the gateway',
      value: `p95 ${gatewayP95} ms`,
      goal: '-',
      met: null,
    });

    const width = Math.max(...figures.map((f) => f.what.length));
    say('\nElectronic Inventory benchmarks');
    say(
      `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    for (const f of figures) {
      say(
        `  ${f.what.padEnd(width)}  ${f.value.padEnd(56)} ${f.goal.padEnd(30)} ${f.met === null ? '' : f.met ? 'met' : 'NOT met'}`,
      );
    }
    say();
    say(costs);
  });
});
