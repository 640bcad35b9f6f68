import type { ServiceDatabase } from '@inventory/platform';
import { CreateOutbox1764000000000 } from './migrations/1764000000000-create-outbox';

/** Everything the stock service keeps in Postgres lives in this schema. */
export const STOCK_SCHEMA = 'stock';

export const stockDatabase: ServiceDatabase = {
  schema: STOCK_SCHEMA,
  entities: [],
  migrations: [CreateOutbox1764000000000],
};
