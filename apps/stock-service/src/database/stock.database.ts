import type { ServiceDatabase } from '@inventory/platform';
import { CreateOutbox1764000000000 } from './migrations/1764000000000-create-outbox';
import { CreateStockLedger1764100000000 } from './migrations/1764100000000-create-stock-ledger';
import { WakeRelayInProcess1764100000001 } from './migrations/1764100000001-wake-relay-in-process';
import { RecordMovementsFunction1764100000002 } from './migrations/1764100000002-record-movements-function';
import { OutboxEventParts1764100000003 } from './migrations/1764100000003-outbox-event-parts';
import { StockStatusEvents1764100000004 } from './migrations/1764100000004-stock-status-events';
import { CrossingsOnly1764250000000 } from './migrations/1764250000000-crossings-only';
import { CreateAuditEntries1764400000000 } from './migrations/1764400000000-create-audit-entries';

/** Everything the stock service keeps in Postgres lives in this schema. */
export const STOCK_SCHEMA = 'stock';

export const stockDatabase: ServiceDatabase = {
  schema: STOCK_SCHEMA,
  entities: [],
  migrations: [
    CreateOutbox1764000000000,
    CreateStockLedger1764100000000,
    WakeRelayInProcess1764100000001,
    RecordMovementsFunction1764100000002,
    OutboxEventParts1764100000003,
    StockStatusEvents1764100000004,
    CrossingsOnly1764250000000,
    CreateAuditEntries1764400000000,
  ],
};
