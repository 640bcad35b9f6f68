import { MovementTypes, RecordMovement, SetReorderLevel } from '@inventory/contracts';
import type { ServiceBus } from '@inventory/platform';
import type { DataSource } from 'typeorm';
import { OPENING_STOCK, OPENING_STOCK_REFERENCE } from './stock.seed-data';

export type StockSeedResult =
  { seeded: false; reason: string } | { seeded: true; products: number; low: string[] };

export interface StockSeedOptions {
  /** How long to wait for the stock service to learn the catalog's products (its events). */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Opening stock for the example catalog, recorded by the running stock service like any
 * other change (so the ledger, the history chart, the audit and the alerts all have it):
 * for each seeded product that has no movement yet, its reorder level, then a receive
 * movement with reference "Opening stock" and an idempotency key of its own.
 *
 * Skipped once the ledger holds any other movement: it never mixes with real data. Running
 * it again (or after an interrupted run) only completes what is missing.
 */
export async function seedStock(
  dataSource: DataSource,
  bus: Pick<ServiceBus, 'send'>,
  options: StockSeedOptions = {},
): Promise<StockSeedResult> {
  const [{ real }] = await dataSource.query<{ real: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM stock.stock_movements WHERE reference IS DISTINCT FROM $1) AS real`,
    [OPENING_STOCK_REFERENCE],
  );
  if (real) return { seeded: false, reason: 'stock has movements already' };

  const known = await waitForProducts(dataSource, options);
  if (known.length === 0) {
    return { seeded: false, reason: 'none of the example products is in the catalog' };
  }
  const items = known.filter((item) => !item.moved);
  if (items.length === 0) return { seeded: false, reason: 'opening stock is recorded already' };
  const low: string[] = [];
  for (const item of items) {
    const opening = OPENING_STOCK[item.sku];
    await bus.send(SetReorderLevel, {
      productId: item.product_id,
      reorderLevel: opening.reorderLevel,
    });
    const reply = await bus.send(RecordMovement, {
      productId: item.product_id,
      type: MovementTypes.Receive,
      quantity: opening.onHand,
      reference: OPENING_STOCK_REFERENCE,
      idempotencyKey: `opening-stock-${item.product_id}`,
    });
    if (reply.onHand <= opening.reorderLevel) low.push(item.sku);
  }
  return { seeded: true, products: items.length, low };
}

interface Item {
  product_id: string;
  sku: string;
  moved: boolean;
}

/**
 * The example products the stock service knows, and whether each has moved. Right after
 * the catalog's seed, its product.created events are still on their way: wait until every
 * example product has arrived, or until none arrived for a while.
 */
async function waitForProducts(dataSource: DataSource, options: StockSeedOptions): Promise<Item[]> {
  const skus = Object.keys(OPENING_STOCK);
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  const known = () =>
    dataSource.query<Item[]>(
      `SELECT product_id, sku,
              EXISTS (SELECT 1 FROM stock.stock_movements m WHERE m.product_id = i.product_id) AS moved
         FROM stock.stock_items i
        WHERE sku = ANY($1::text[]) AND active
        ORDER BY sku`,
      [skus],
    );
  let rows = await known();
  let count = rows.length;
  let quietSince = Date.now();
  while (rows.length < skus.length && Date.now() < deadline) {
    await sleep(200);
    rows = await known();
    if (rows.length !== count) {
      count = rows.length;
      quietSince = Date.now();
    } else if (count > 0 && Date.now() - quietSince > 5000) {
      break;
    }
  }
  return rows;
}
