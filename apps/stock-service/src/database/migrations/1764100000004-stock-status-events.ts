import { Queues, StockStatusEvents } from '@inventory/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The status a product starts with in the catalog's copy: 0 on hand is out. */
const CATALOG_DEFAULT_STATUS = 'out';

/**
 * `stock.status.changed` on the `stock-status` queue, for the catalog's copy of each product's
 * stock status (the parts list filters on it; docs/adr/0015).
 *
 * A trigger, not another change to `stock.record_movements`: every path that changes on hand
 * or the reorder level (movements, reorder-level changes, anything added later) updates
 * `stock_items`, and the trigger sees them all. Its WHEN clause compares the status before
 * and after, so a change that keeps the status costs only that comparison. Movements apply a
 * batch's net result to each product's row with one UPDATE, and a reorder-level change is one
 * UPDATE, so a transaction writes at most one event per product and none when the status
 * ends where it began. New rows (INSERT) have 0 on hand, which is out: the catalog's default.
 *
 * `stock.stock_status` is `stockStatus` of libs/contracts/src/stock/stock-level.ts in SQL
 * (the stock integration tests compare the two).
 *
 * The outbox row carries the event's parts; the relay builds the envelope. occurred_at and
 * the payload's `at` are clock_timestamp(), the moment of the change. Correlation id: the
 * trigger does not know the request behind the UPDATE (a movement batch carries several),
 * so each event is its own correlation: its id. The stock service's outbox has no NOTIFY
 * (docs/adr/0007): the use case's `Outbox.written` wakes the relay after its commit.
 *
 * Backfill: an event per existing stock item whose status is not the catalog's default, so
 * the copy of an upgraded system is right once the catalog has consumed them.
 */
export class StockStatusEvents1764100000004 implements MigrationInterface {
  name = 'StockStatusEvents1764100000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION stock.stock_status(on_hand integer, reorder_level integer)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN on_hand = 0 THEN 'out'
                    WHEN on_hand <= reorder_level THEN 'low'
                    ELSE 'ok' END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION stock.publish_stock_status() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id uuid := gen_random_uuid();
        at timestamptz := clock_timestamp();
      BEGIN
        INSERT INTO stock.outbox (id, queue, type, version, occurred_at, source, correlation_id,
                                  payload)
        VALUES (event_id, '${Queues.StockStatus}', '${StockStatusEvents.Changed}', 1, at, 'stock',
                event_id::text,
                jsonb_build_object(
                  'productId', NEW.product_id,
                  'status', stock.stock_status(NEW.on_hand, NEW.reorder_level),
                  'onHand', NEW.on_hand, 'reorderLevel', NEW.reorder_level,
                  'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER stock_items_status_changed
      AFTER UPDATE OF on_hand, reorder_level ON stock.stock_items
      FOR EACH ROW
      WHEN (stock.stock_status(OLD.on_hand, OLD.reorder_level)
            IS DISTINCT FROM stock.stock_status(NEW.on_hand, NEW.reorder_level))
      EXECUTE FUNCTION stock.publish_stock_status()`);

    await queryRunner.query(`
      INSERT INTO stock.outbox (id, queue, type, version, occurred_at, source, correlation_id,
                                payload)
      SELECT e.id, '${Queues.StockStatus}', '${StockStatusEvents.Changed}', 1, e.at, 'stock',
             e.id::text,
             jsonb_build_object(
               'productId', s.product_id, 'status', e.status,
               'onHand', s.on_hand, 'reorderLevel', s.reorder_level,
               'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        FROM stock.stock_items s
       CROSS JOIN LATERAL (
         SELECT gen_random_uuid() AS id, clock_timestamp() AS at,
                stock.stock_status(s.on_hand, s.reorder_level) AS status
       ) AS e
       WHERE e.status <> '${CATALOG_DEFAULT_STATUS}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER stock_items_status_changed ON stock.stock_items`);
    await queryRunner.query(`DROP FUNCTION stock.publish_stock_status()`);
    await queryRunner.query(`DROP FUNCTION stock.stock_status(integer, integer)`);
  }
}
