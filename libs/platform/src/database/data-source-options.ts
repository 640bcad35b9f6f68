import type { DataSourceOptions } from 'typeorm';
import type { AppBaseConfig } from '../config/base.config';

export type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

export interface ServiceDatabase {
  /** The Postgres schema that holds every table this service owns. */
  schema: string;
  // TypeORM accepts entity classes and migration classes as plain constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/**
 * One service's connection: its own schema (also first on the search_path, so plain SQL
 * finds its tables), checked-in migrations that run only when asked, never `synchronize`.
 */
export function dataSourceOptions(
  config: Pick<AppBaseConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'SERVICE_INSTANCE'>,
  database: ServiceDatabase,
): PostgresOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: config.DATABASE_POOL_SIZE,
    extra: {
      application_name: `${database.schema}:${config.SERVICE_INSTANCE}`.slice(0, 63),
      options: `-c search_path=${database.schema},public`,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    },
  };
}
