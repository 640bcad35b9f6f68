import type { ServiceDatabase } from '@inventory/platform';
import { CreateProcessedMessages1764000000000 } from './migrations/1764000000000-create-processed-messages';

/** Everything the notification service keeps in Postgres lives in this schema. */
export const NOTIFICATION_SCHEMA = 'notification';

export const notificationDatabase: ServiceDatabase = {
  schema: NOTIFICATION_SCHEMA,
  entities: [],
  migrations: [CreateProcessedMessages1764000000000],
};
