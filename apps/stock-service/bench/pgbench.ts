import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MovementTypes, Queues } from '@inventory/contracts';
import { LEVEL_EVENT_TYPES } from '../src/database/level-events';
import { RECORD_MOVEMENTS_SQL } from '../src/commands/record-movement/record-movement.sql';
import { followProcesses } from '@inventory/local-stack';
import type { LoadResult } from './load';

const run = promisify(execFile);

/** The bench's product ids: a number made into a UUID, so pgbench can pick one at random. */
export const benchProductId = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PRODUCT_ID_SQL = `('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))`;

/**
 * The service's movement statement, unchanged, recording one movement per transaction (the
 * unit a client asks for): an issue of 1 with a fresh idempotency key, as the HTTP and bus
 * runs send it.
 */
export function movementScript(products: { from: number; to: number }): string {
  const parameters: Record<number, string> = {
    1: `ARRAY[${PRODUCT_ID_SQL}]`,
    2: `ARRAY['${MovementTypes.Issue}']`,
    3: 'ARRAY[-1]',
    4: 'ARRAY[NULL]',
    5: 'ARRAY[NULL]',
    6: `ARRAY['pgbench']`,
    7: `ARRAY['pgbench']`,
    8: `ARRAY[:client_id::text || '-' || :k::text]`,
    9: `ARRAY['pgbench']`,
    10: `'${Queues.StockEvents}'`,
    11: `'stock'`,
    12: `ARRAY[${LEVEL_EVENT_TYPES.map((type) => `'${type}'`).join(', ')}]`,
  };
  const sql = RECORD_MOVEMENTS_SQL.replace(/\$(\d+)/g, (_, n: string) => parameters[Number(n)]);
  return [
    `\\set n random(${products.from}, ${products.to})`,
    `\\set k random(1, 9223372036854775806)`,
    `${sql};`,
    '',
  ].join('\n');
}

/**
 * pgbench's reference for a hot part: the bare single-row conditional update, on a copy of
 * the stock items table (same columns, same row) so that the real one keeps on hand equal
 * to its ledger.
 */
export const SINGLE_ROW_TABLE = 'bench_single_row';

export function singleRowSetupSql(product: number): string[] {
  return [
    `DROP TABLE IF EXISTS ${SINGLE_ROW_TABLE}`,
    `CREATE TABLE ${SINGLE_ROW_TABLE} (LIKE stock_items INCLUDING ALL) WITH (fillfactor = 80)`,
    `INSERT INTO ${SINGLE_ROW_TABLE} SELECT * FROM stock_items WHERE product_id = '${benchProductId(product)}'`,
  ];
}

export function singleRowUpdateScript(product: number): string {
  return [
    `\\set n ${product}`,
    `UPDATE ${SINGLE_ROW_TABLE} SET on_hand = on_hand - 1 WHERE product_id = ${PRODUCT_ID_SQL}::uuid AND on_hand - 1 >= 0 RETURNING on_hand;`,
    '',
  ].join('\n');
}

/**
 * Runs one pgbench script (prepared statements) against the stock schema of `databaseUrl`.
 * With `backends` (finds pgbench's connections), also the CPU that pgbench's process (from
 * the shell's `times`, exact) and its backends (read from /proc while they live) used.
 */
export async function pgbench(options: {
  label: string;
  databaseUrl: string;
  script: string;
  clients: number;
  seconds: number;
  backends?: () => Promise<number[]>;
}): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  const backends = options.backends && followProcesses(options.backends);
  try {
    const file = join(dir, 'script.sql');
    writeFileSync(file, options.script);
    // bash's `times` prints, last, the user and system time of the children it waited for.
    const { stdout, stderr } = await run(
      'bash',
      [
        '-c',
        'pgbench "$@"; status=$?; times >&2; exit $status',
        'pgbench',
        '--no-vacuum',
        '--protocol=prepared',
        `--client=${options.clients}`,
        `--jobs=${Math.min(2, options.clients)}`,
        `--time=${options.seconds}`,
        `--file=${file}`,
        '--log',
        `--log-prefix=${join(dir, 'tx')}`,
        options.databaseUrl,
      ],
      {
        env: { ...process.env, PGOPTIONS: '-c search_path=stock,public' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const backendCpu = await backends?.stop();
    const times = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(stderr);
    const pgbenchMs = times
      ? (Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 1000
      : NaN;
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // Per-transaction log lines: client, tx no, latency in µs, …
    const latencies = readdirSync(dir)
      .filter((name) => name.startsWith('tx'))
      .flatMap((name) => readFileSync(join(dir, name), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    return {
      label: options.label,
      clients: options.clients,
      seconds: options.seconds,
      ok: latencies.length,
      failures: failed > 0 ? { failed } : {},
      perSecond: tps,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
      p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
      ...(backendCpu && {
        cpu: [
          { name: 'pgbench (its process)', ms: pgbenchMs },
          {
            name: 'Postgres (its backends)',
            ms: backendCpu.ms,
            note: `${backendCpu.processes} backends`,
          },
        ],
      }),
    };
  } finally {
    await backends?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
