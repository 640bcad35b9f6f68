import { createProcessedMessagesTable, dropProcessedMessagesTable } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock items (on hand per product, with the copy of the catalog's SKU, name and active flag),
 * the append-only movement ledger, idempotency keys of recorded movements, and the ids of
 * catalog events already applied.
 */
export class CreateStockLedger1764100000000 implements MigrationInterface {
  name = 'CreateStockLedger1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // on_hand is the cached sum of the product's ledger deltas. fillfactor leaves room on
    // each page for HOT updates of hot rows (no index covers the columns a movement changes).
    await queryRunner.query(`
      CREATE TABLE stock.stock_items (
        product_id uuid PRIMARY KEY,
        sku text,
        name text,
        active boolean NOT NULL DEFAULT true,
        on_hand integer NOT NULL DEFAULT 0,
        reorder_level integer NOT NULL DEFAULT 0,
        location text,
        last_movement_at timestamptz,
        catalog_event_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT stock_items_on_hand_not_negative CHECK (on_hand >= 0),
        CONSTRAINT stock_items_on_hand_at_most_max CHECK (on_hand <= 1000000000),
        CONSTRAINT stock_items_reorder_level_range CHECK (reorder_level BETWEEN 0 AND 1000000000)
      ) WITH (fillfactor = 80)`);

    // The ledger. seq orders movements as they were applied (newest first = seq DESC); a
    // product's movements are applied one at a time under its row lock, so quantity_after
    // follows seq within a product.
    await queryRunner.query(`
      CREATE TABLE stock.stock_movements (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES stock.stock_items (product_id),
        type text NOT NULL,
        delta integer NOT NULL,
        quantity_after integer NOT NULL,
        reason text,
        reference text,
        actor_user_id text,
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT stock_movements_id_unique UNIQUE (id),
        CONSTRAINT stock_movements_type CHECK (type IN ('receive', 'issue', 'adjust', 'stocktake')),
        CONSTRAINT stock_movements_delta_sign CHECK (
          (type = 'receive' AND delta > 0) OR (type = 'issue' AND delta < 0)
          OR (type = 'adjust' AND delta <> 0) OR type = 'stocktake'),
        CONSTRAINT stock_movements_adjust_reason CHECK (type <> 'adjust' OR reason IS NOT NULL),
        CONSTRAINT stock_movements_quantity_after CHECK (quantity_after >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX stock_movements_product_seq ON stock.stock_movements (product_id, seq)`,
    );
    await queryRunner.query(
      `CREATE INDEX stock_movements_created_at ON stock.stock_movements USING brin (created_at)`,
    );
    // Append-only: the database itself refuses to change or remove a movement.
    await queryRunner.query(`
      CREATE FUNCTION stock.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movements is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Correct a movement with an adjust or a stocktake.';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER stock_movements_append_only
      BEFORE UPDATE OR DELETE OR TRUNCATE ON stock.stock_movements
      FOR EACH STATEMENT EXECUTE FUNCTION stock.refuse_ledger_change()`);

    // The answer to a movement recorded with an Idempotency-Key is its ledger row.
    await queryRunner.query(`
      CREATE TABLE stock.idempotency_keys (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        movement_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_keys_created_at ON stock.idempotency_keys (created_at)`,
    );

    await createProcessedMessagesTable(queryRunner, 'stock');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProcessedMessagesTable(queryRunner, 'stock');
    await queryRunner.query(`DROP TABLE IF EXISTS stock.idempotency_keys`);
    await queryRunner.query(`DROP TABLE IF EXISTS stock.stock_movements`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS stock.refuse_ledger_change()`);
    await queryRunner.query(`DROP TABLE IF EXISTS stock.stock_items`);
  }
}
