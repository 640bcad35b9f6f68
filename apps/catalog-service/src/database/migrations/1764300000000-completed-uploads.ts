import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A completed upload is kept (marked) until its presigned URL has expired, so that the
 * sweeper removes whatever a client PUT to that URL after completion. Attached files live
 * under a key of their own that no upload URL names (docs/catalog.md, "Media").
 */
export class CompletedUploads1764300000000 implements MigrationInterface {
  name = 'CompletedUploads1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE media_uploads ADD COLUMN completed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE media_uploads DROP COLUMN completed_at`);
  }
}
