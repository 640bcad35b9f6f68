import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  dataSourceOptions,
  loadConfigOrQuit,
  RequestContext,
  ServiceBus,
} from '@inventory/platform';
import { DataSource } from 'typeorm';
import { configOptions } from './config-options';
import { stockDatabase } from './database/stock.database';
import { seedStock } from './seed/seed-stock';
import { StockConfig } from './stock.config';

/**
 * `node dist/seed.js`: opening stock and reorder levels for the example catalog, recorded
 * through the running stock service (the local stack runs it once every app is healthy);
 * skipped once the ledger has real movements.
 */
async function main(): Promise<void> {
  const config = loadConfigOrQuit(StockConfig, configOptions);
  config.STOCK_SERVICE_URL ??= `tcp://127.0.0.1:${config.BUS_PORT}`;
  const dataSource = new DataSource({ ...dataSourceOptions(config, stockDatabase), poolSize: 1 });
  const bus = new ServiceBus(config);
  try {
    await dataSource.initialize();
    const result = await RequestContext.run({ correlationId: `seed-${randomUUID()}` }, () =>
      seedStock(dataSource, bus),
    );
    process.stdout.write(
      result.seeded
        ? `stock-service: opening stock received for ${result.products} products, ` +
            `${result.low.length} at or below their reorder level (${result.low.join(', ')})\n`
        : `stock-service: ${result.reason}; stock seed skipped\n`,
    );
  } catch (error) {
    process.stderr.write(`stock-service: seeding failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await bus.onApplicationShutdown();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

void main();
