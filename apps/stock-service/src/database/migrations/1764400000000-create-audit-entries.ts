import { createAuditTable, dropAuditTable } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail: one append-only row per change, written with the change (ADR 0016). */
export class CreateAuditEntries1764400000000 implements MigrationInterface {
  name = 'CreateAuditEntries1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner, 'stock');
    // The trail shows movements by who made them; the ledger had no index for that.
    await queryRunner.query(
      `CREATE INDEX stock_movements_actor ON stock.stock_movements (actor_user_id, seq)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS stock.stock_movements_actor`);
    await dropAuditTable(queryRunner, 'stock');
  }
}
