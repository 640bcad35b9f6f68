import { createOutboxTable, dropOutboxTable } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1764000000000 implements MigrationInterface {
  name = 'CreateOutbox1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner, 'stock');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTable(queryRunner, 'stock');
  }
}
