import { storeOutboxEnvelopes, storeOutboxEventParts } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows carry each event's type, payload and metadata; the relay builds the envelope.
 * Rows still waiting are taken apart into the new columns and published as they were written.
 */
export class OutboxEventParts1764100000001 implements MigrationInterface {
  name = 'OutboxEventParts1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await storeOutboxEventParts(queryRunner, 'gateway');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await storeOutboxEnvelopes(queryRunner, 'gateway');
  }
}
