import { DataSource } from 'typeorm';
import type { AppBaseConfig } from '../config/base.config';
import { dataSourceOptions, type ServiceDatabase } from './data-source-options';

/**
 * Brings a service's schema up to date. Safe to run from several processes at once: an
 * advisory lock per schema makes the others wait, then find nothing left to do.
 */
export async function migrateSchema(
  config: Pick<AppBaseConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'SERVICE_INSTANCE'>,
  database: ServiceDatabase,
): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(config, database), poolSize: 2 });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${database.schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${database.schema}`]);
    return applied.map((migration) => migration.name);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
