import type { ServiceDatabase } from '@inventory/platform';
import { CreateOutbox1764000000000 } from './migrations/1764000000000-create-outbox';
import { CreateCatalog1764200000000 } from './migrations/1764200000000-create-catalog';
import { CompletedUploads1764300000000 } from './migrations/1764300000000-completed-uploads';
import { OutboxEventParts1764300000001 } from './migrations/1764300000001-outbox-event-parts';
import { StockStatusCopy1764400000000 } from './migrations/1764400000000-stock-status-copy';
import { CreateAuditEntries1764400000001 } from './migrations/1764400000001-create-audit-entries';

/** Everything the catalog service keeps in Postgres lives in this schema. */
export const CATALOG_SCHEMA = 'catalog';

/**
 * Tables are read and written with SQL through the DataSource (see the *.repository.ts
 * files): search, tree walks and bulk imports are clearer in SQL than through entities.
 */
export const catalogDatabase: ServiceDatabase = {
  schema: CATALOG_SCHEMA,
  entities: [],
  migrations: [
    CreateOutbox1764000000000,
    CreateCatalog1764200000000,
    CompletedUploads1764300000000,
    OutboxEventParts1764300000001,
    StockStatusCopy1764400000000,
    CreateAuditEntries1764400000001,
  ],
};
