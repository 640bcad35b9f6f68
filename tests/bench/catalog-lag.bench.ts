import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CategoryDto,
  CSV_PART_MAX_CHARS,
  type ImportResultDto,
  type ProductDto,
  CreateCategory,
  CreateProduct,
  ImportProducts,
  SaveImportPart,
  UpdateProduct,
  type AnyBusRequestType,
} from '@inventory/contracts';
import { startStack, type Stack } from '@inventory/local-stack';
import { AppBaseConfig, RequestContext, ServiceBus } from '@inventory/platform';
import { Client } from 'pg';
import { BENCH_CATEGORIES, benchCsv } from './catalog-data';

/**
 * `npm run bench:catalog-lag`: how long an ordinary catalog change waits behind a bulk CSV
 * import before the stock service has it. A whole stack (as `npm start` runs it, on
 * DATABASE_URL's server when set) imports BENCH_LAG_ROWS (20,000) products; the moment the
 * import answers, one product is renamed, and the time until stock's copy carries the new
 * name is the lag. Also printed: how long until stock has every imported product.
 */
const ROWS = Number(process.env.BENCH_LAG_ROWS ?? 20_000);

const say = (line = '') => process.stdout.write(`${line}\n`);

async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('catalog event lag behind a bulk import', () => {
  let stack: Stack | undefined;
  let dataDir: string;

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`measures the lag of one change behind a ${ROWS}-row import`, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'catalog-lag-bench-'));
    say(`\ncatalog lag benchmark: a ${ROWS}-row CSV import, then one rename`);
    say('(timings on a shared machine are noisy: compare runs with care)\n');
    stack = await startStack({ dataDir, ephemeral: true, onProgress: (m) => say(`  stack: ${m}`) });

    const bus = new ServiceBus(
      Object.assign(new AppBaseConfig(), {
        CATALOG_SERVICE_URL: `tcp://127.0.0.1:${stack.ports.services.catalog.bus}`,
        BUS_TIMEOUT_MS: 10 * 60 * 1000,
      }),
    );
    const send = <T>(request: AnyBusRequestType, data: unknown) =>
      RequestContext.run(
        { correlationId: `bench-${randomUUID()}` },
        () => bus.send(request, data) as Promise<T>,
      );
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const stockName = async (productId: string) =>
      (await db.query('SELECT name FROM stock.stock_items WHERE product_id = $1', [productId]))
        .rows[0]?.name as string | undefined;

    try {
      const categories: Record<string, CategoryDto> = {};
      for (const [top, children] of Object.entries(BENCH_CATEGORIES)) {
        categories[top] = await send<CategoryDto>(CreateCategory, { name: top });
        for (const child of children) {
          categories[`${top} > ${child}`] = await send<CategoryDto>(CreateCategory, {
            name: child,
            parentId: categories[top].id,
          });
        }
      }
      const probe = await send<ProductDto>(CreateProduct, {
        sku: 'LAG-PROBE',
        name: 'Probe before',
      });
      await until('stock to know the probe', () => stockName(probe.id), 60_000);

      const csv = benchCsv(ROWS);
      const importId = randomUUID();
      const parts: string[] = [];
      for (let i = 0; i < csv.length; i += CSV_PART_MAX_CHARS) {
        parts.push(csv.slice(i, i + CSV_PART_MAX_CHARS));
      }
      const importStarted = Date.now();
      for (const [index, text] of parts.entries()) {
        await send(SaveImportPart, { importId, index, text });
      }
      const result = await send<ImportResultDto>(ImportProducts, {
        importId,
        parts: parts.length,
      });
      const imported = Date.now();
      expect(result.created).toBe(ROWS);

      // The ordinary change, right behind the import's events.
      await send(UpdateProduct, { id: probe.id, name: 'Probe after' });
      const renamed = Date.now();
      await until(
        'stock to have the new name',
        async () => ((await stockName(probe.id)) === 'Probe after' ? true : undefined),
        30 * 60 * 1000,
      );
      const lagMs = Date.now() - renamed;

      await until(
        'stock to have every imported product',
        async () => {
          const { rows } = await db.query(
            `SELECT count(*)::int AS n FROM stock.stock_items WHERE sku LIKE 'BEN-%'`,
          );
          return rows[0].n >= ROWS ? true : undefined;
        },
        30 * 60 * 1000,
      );
      const allMs = Date.now() - imported;
      const [{ events }] = (
        await db.query(
          `SELECT count(*)::int AS events FROM stock.processed_messages WHERE consumer = 'stock.copy-catalog-product'`,
        )
      ).rows;

      say(
        `\n  import of ${ROWS} rows answered in ${((imported - importStarted) / 1000).toFixed(1)} s`,
      );
      say(
        `  stock has all ${ROWS} imported products ${(allMs / 1000).toFixed(1)} s after the import answered (${events} catalog events consumed)`,
      );
      say(
        `  catalog event lag behind a ${ROWS}-row import: ${(lagMs / 1000).toFixed(1)} s (a rename sent when the import answered, until stock had it)`,
      );
    } finally {
      await db.end();
      await bus.onApplicationShutdown();
    }
  });
});
