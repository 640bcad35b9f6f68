import type { ServiceDatabase } from '@inventory/platform';
import { CreateOutbox1764000000000 } from './migrations/1764000000000-create-outbox';

/** Everything the gateway keeps in Postgres (users, sessions, its outbox) lives in this schema. */
export const GATEWAY_SCHEMA = 'gateway';

export const gatewayDatabase: ServiceDatabase = {
  schema: GATEWAY_SCHEMA,
  entities: [],
  migrations: [CreateOutbox1764000000000],
};
