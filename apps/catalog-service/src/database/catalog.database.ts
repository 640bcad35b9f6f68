import type { ServiceDatabase } from '@inventory/platform';
import { CreateOutbox1764000000000 } from './migrations/1764000000000-create-outbox';

/** Everything the catalog service keeps in Postgres lives in this schema. */
export const CATALOG_SCHEMA = 'catalog';

export const catalogDatabase: ServiceDatabase = {
  schema: CATALOG_SCHEMA,
  entities: [],
  migrations: [CreateOutbox1764000000000],
};
