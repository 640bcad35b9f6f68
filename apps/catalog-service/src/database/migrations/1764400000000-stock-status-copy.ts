import { createProcessedMessagesTable, dropProcessedMessagesTable } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog's copy of each product's stock status, kept from the stock service's
 * `stock.status.changed` events (docs/adr/0015), so the parts list can filter by status and
 * still page in the database.
 *
 * - `stock_status` starts as out: a new product has 0 on hand. The stock service's migration
 *   sent an event for every existing item whose status is anything else.
 * - `stock_status_at` is when the status was reached; an event older than it is ignored
 *   (SQS does not keep order).
 * - `products_stock_status` serves "status = … ORDER BY name" (the list's default order)
 *   from the index alone, with the other filters riding along as in the sort indexes, and
 *   the count of a status; other sorts read that status's rows from it and sort them.
 * - `processed_messages`: the ids of the events applied, recorded with the change.
 */
export class StockStatusCopy1764400000000 implements MigrationInterface {
  name = 'StockStatusCopy1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE catalog.products
        ADD COLUMN stock_status text NOT NULL DEFAULT 'out'
          CONSTRAINT products_stock_status_known CHECK (stock_status IN ('ok', 'low', 'out')),
        ADD COLUMN stock_status_at timestamptz`);
    await queryRunner.query(`
      CREATE INDEX products_stock_status ON catalog.products (stock_status, name, id)
        INCLUDE (active, category_id)`);
    await createProcessedMessagesTable(queryRunner, 'catalog');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProcessedMessagesTable(queryRunner, 'catalog');
    await queryRunner.query(`DROP INDEX IF EXISTS catalog.products_stock_status`);
    await queryRunner.query(`
      ALTER TABLE catalog.products DROP COLUMN stock_status_at, DROP COLUMN stock_status`);
  }
}
