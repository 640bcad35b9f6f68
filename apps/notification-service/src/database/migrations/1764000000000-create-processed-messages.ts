import { createProcessedMessagesTable, dropProcessedMessagesTable } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProcessedMessages1764000000000 implements MigrationInterface {
  name = 'CreateProcessedMessages1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createProcessedMessagesTable(queryRunner, 'notification');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProcessedMessagesTable(queryRunner, 'notification');
  }
}
