import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The email log keeps the text of each email, so an admin can open one and read it. */
export class KeepEmailText1764200000000 implements MigrationInterface {
  name = 'KeepEmailText1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.email_log ADD COLUMN body_text text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.email_log DROP COLUMN body_text`);
  }
}
