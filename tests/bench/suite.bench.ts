/**
 * `npm run bench`: the product's figures in one table, measured in one run on this machine.
 *
 * - stock movements through the gateway (64 clients) next to pgbench running the same SQL
 *   in the same run, and their cost per movement by process (`bench:movements`);
 * - movement → email latency at 200 movements/s end to end, by stage (`bench:email`);
 * - product search p95 at 100,000 products (`bench:catalog`);
 * - start-to-healthy seconds of the whole system, cold and warm (this file).
 *
 * Needs DATABASE_URL (a Postgres server for the throwaway databases) and pgbench.
 * Settings: BENCH_E2E_SECONDS (20), BENCH_E2E_RATE (200), BENCH_E2E_WARMUP_SECONDS (2).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort, repoPath, startStack } from '@inventory/local-stack';
import { coldLine, movementToEmail } from './movement-email';

const say = (line = '') => process.stdout.write(`${line}\n`);

interface Figure {
  what: string;
  value: string;
  goal: string;
  met: boolean | null;
}

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
    say(coldLine(e2e));
    say(e2e.stages);
    say(e2e.cpu);
    say(e2e.sqsRequests);
    figures.push({
      what: `movement → low-stock email accepted by SES at ${e2e.rate.toFixed(0)} movements/s (${e2e.emails} emails)`,
      value: `p50 ${e2e.p50.toFixed(0)} ms, p99 ${e2e.p99.toFixed(0)} ms`,
      goal: 'p99 ≤ 250 ms',
      met: e2e.p99 <= 250,
    });
    figures.push({
      what: `… the first ${e2e.cold.seconds} s after start (${e2e.cold.emails} emails)`,
      value: `p50 ${e2e.cold.p50.toFixed(0)} ms, p99 ${e2e.cold.p99.toFixed(0)} ms`,
      goal: '-',
      met: null,
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
