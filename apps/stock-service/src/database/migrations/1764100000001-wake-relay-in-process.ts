import { dropOutboxNotify, restoreOutboxNotify } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every movement writes to the outbox; a NOTIFY per movement would make movements commit one
 * at a time. The service wakes its relay itself after each movement (docs/adr/0007).
 */
export class WakeRelayInProcess1764100000001 implements MigrationInterface {
  name = 'WakeRelayInProcess1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxNotify(queryRunner, 'stock');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreOutboxNotify(queryRunner, 'stock');
  }
}
