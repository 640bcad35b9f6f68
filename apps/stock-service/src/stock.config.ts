import { EnvInt, ServiceBaseConfig } from '@inventory/platform';
import { MAX_ON_HAND } from '@inventory/contracts';

/** Configuration of the stock service, read from the environment at boot. */
export class StockConfig extends ServiceBaseConfig {
  override BUS_PORT = 4002;
  override HEALTH_PORT = 3002;

  /** Reorder level of a product until an admin sets one. */
  @EnvInt(0, MAX_ON_HAND)
  DEFAULT_REORDER_LEVEL = 0;

  /** How long an Idempotency-Key is remembered; a retry within it gets the first answer. */
  @EnvInt(24, 24 * 90)
  IDEMPOTENCY_KEY_RETENTION_HOURS = 48;

  /** How long a movement for a product not seen yet waits for the catalog to describe it. */
  @EnvInt(100, 60_000)
  CATALOG_LOOKUP_TIMEOUT_MS = 3000;

  /**
   * Movement batches running at once; movements arriving meanwhile wait and go together in
   * the next batch. Keep it below DATABASE_POOL_SIZE (reads and the outbox relay need
   * connections too).
   */
  @EnvInt(1, 100)
  MOVEMENT_LANES = 4;

  /** Most movements in one batch (one transaction). */
  @EnvInt(1, 1000)
  MOVEMENT_BATCH_SIZE = 50;
}
