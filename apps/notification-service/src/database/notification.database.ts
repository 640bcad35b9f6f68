import type { ServiceDatabase } from '@inventory/platform';
import { CreateProcessedMessages1764000000000 } from './migrations/1764000000000-create-processed-messages';
import { CreateAlerts1764100000000 } from './migrations/1764100000000-create-alerts';
import { KeepEmailText1764200000000 } from './migrations/1764200000000-keep-email-text';
import { CreateAuditEntries1764400000000 } from './migrations/1764400000000-create-audit-entries';

/** Everything the notification service keeps in Postgres lives in this schema. */
export const NOTIFICATION_SCHEMA = 'notification';

export const notificationDatabase: ServiceDatabase = {
  schema: NOTIFICATION_SCHEMA,
  entities: [],
  migrations: [
    CreateProcessedMessages1764000000000,
    CreateAlerts1764100000000,
    KeepEmailText1764200000000,
    CreateAuditEntries1764400000000,
  ],
};
