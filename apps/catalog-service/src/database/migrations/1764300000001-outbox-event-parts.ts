import { storeOutboxEnvelopes, storeOutboxEventParts } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows carry each event's type, payload and metadata; the relay builds the envelope.
 * Rows still waiting are taken apart into the new columns and published as they were written.
 */
export class OutboxEventParts1764300000001 implements MigrationInterface {
  name = 'OutboxEventParts1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await storeOutboxEventParts(queryRunner, 'catalog');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await storeOutboxEnvelopes(queryRunner, 'catalog');
  }
}
