import 'reflect-metadata';
import { dataSourceOptions, loadConfigOrQuit, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CatalogConfig } from './catalog.config';
import { configOptions } from './config-options';
import { catalogDatabase } from './database/catalog.database';
import { seedCatalog } from './seed/seed-catalog';

/**
 * `node dist/seed.js`: loads the example catalog into an empty catalog (the local stack
 * runs it after the migrations); skipped when there is data already.
 */
async function main(): Promise<void> {
  const config = loadConfigOrQuit(CatalogConfig, configOptions);
  const dataSource = new DataSource({ ...dataSourceOptions(config, catalogDatabase), poolSize: 1 });
  try {
    await dataSource.initialize();
    const result = await seedCatalog(dataSource, new Outbox('catalog'));
    process.stdout.write(
      result.seeded
        ? `catalog-service: seeded ${result.categories} categories and ${result.products} products\n`
        : 'catalog-service: catalog has data already; seed skipped\n',
    );
  } catch (error) {
    process.stderr.write(`catalog-service: seeding failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

void main();
