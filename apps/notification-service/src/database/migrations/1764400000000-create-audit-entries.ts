import { createAuditTable, dropAuditTable } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail: one append-only row per change, written with the change (ADR 0016). */
export class CreateAuditEntries1764400000000 implements MigrationInterface {
  name = 'CreateAuditEntries1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner, 'notification');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner, 'notification');
  }
}
