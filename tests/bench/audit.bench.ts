import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from '@inventory/local-stack';
import { Client } from 'pg';

/**
 * `npm run bench:audit`: a whole stack (as `npm start` runs it, on DATABASE_URL's server when
 * set), 1,000,000 entries in the catalog's audit trail (generate_series: 1,000 products, 50
 * people, 4 actions, one entry every 30 s for a year back), then filtered pages of
 * GET /api/v1/audit through the gateway, one request at a time. Goal: p95 ≤ 50 ms.
 */
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARMUP = 20;

const say = (line = '') => process.stdout.write(`${line}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('audit trail benchmark', () => {
  let stack: Stack | undefined;
  let dataDir: string;

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`fills the catalog's trail with ${ENTRIES} entries and measures filtered pages`, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
    say(`\naudit benchmark: ${ENTRIES} entries, ${SAMPLES} sequential requests per scenario\n`);
    stack = await startStack({ dataDir, ephemeral: true, onProgress: (m) => say(`  stack: ${m}`) });
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const started = Date.now();
      // Version-4-shaped ids from a seed, so the benchmark can name them again (GET /audit
      // checks that actorId is a UUID).
      await db.query(`
        CREATE FUNCTION pg_temp.bench_uuid(seed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
          SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8'
                 || substr(h, 18, 3) || '-' || substr(h, 21, 12)
            FROM md5(seed) AS h
        $$`);
      await db.query(
        `INSERT INTO catalog.audit_entries (id, at, actor_user_id, actor_email, actor_role, action,
                                            entity_type, entity_id, summary, changes,
                                            correlation_id, origin)
         SELECT gen_random_uuid(), now() - g * interval '30 seconds',
                pg_temp.bench_uuid('actor' || g % 50), 'person' || g % 50 || '@lab.example', 'admin',
                (ARRAY['product.updated', 'product.created', 'product.media.attached',
                       'category.updated'])[1 + g % 4],
                'product', pg_temp.bench_uuid('product' || (g * 7) % 1000),
                'Changed BENCH-' || g % 1000 || ': salePrice',
                jsonb_build_array(jsonb_build_object('field', 'salePrice', 'from', '1.00', 'to', '1.10')),
                'bench-' || g, 'api'
           FROM generate_series(1, $1::int) AS g`,
        [ENTRIES],
      );
      await db.query('VACUUM ANALYZE catalog.audit_entries');
      say(`  ${ENTRIES} entries written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      const [{ product, actor }] = (
        await db.query(
          `SELECT pg_temp.bench_uuid('product' || 7) AS product, pg_temp.bench_uuid('actor' || 7) AS actor`,
        )
      ).rows;

      const login = await fetch(`${stack.urls.api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(stack.admin),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const get = async (query: string) => {
        const response = await fetch(`${stack!.urls.api}/audit?${query}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const body = (await response.json()) as { items: unknown[] };
        if (response.status !== 200 || body.items.length === 0) {
          throw new Error(`GET /audit?${query}: ${response.status} ${JSON.stringify(body)}`);
        }
      };
      const month = (i: number) => {
        const to = new Date(Date.now() - (i % 11) * 30 * 86_400_000);
        const from = new Date(to.getTime() - 30 * 86_400_000);
        return `from=${from.toISOString()}&to=${to.toISOString()}`;
      };
      const scenarios: [string, (i: number) => string][] = [
        ['by entity (catalog + stock), page 1', () => `entityType=product&entityId=${product}`],
        [
          'by entity, pages 1–5',
          (i) => `entityType=product&entityId=${product}&page=${(i % 5) + 1}`,
        ],
        ['by actor (all four services), page 1', () => `actorId=${actor}`],
        ['by action + a month (catalog only)', (i) => `action=product.updated&${month(i)}`],
        ['by action prefix + a month', (i) => `action=product.&${month(i)}&page=${(i % 3) + 1}`],
      ];
      const all: number[] = [];
      for (const [name, query] of scenarios) {
        for (let i = 0; i < WARMUP; i++) await get(query(i));
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const t0 = process.hrtime.bigint();
          await get(query(i));
          samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        all.push(...samples);
        const sorted = samples.sort((a, b) => a - b);
        const f = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;
        say(
          `  ${name.padEnd(40)} p50 ${f(percentile(sorted, 50))}   p95 ${f(percentile(sorted, 95))}   p99 ${f(percentile(sorted, 99))}`,
        );
      }
      const p95 = percentile(
        all.sort((a, b) => a - b),
        95,
      );
      say(`\n  all filtered pages: p95 ${p95.toFixed(1)} ms (goal ≤ 50 ms)`);
    } finally {
      await db.end();
    }
  });
});
