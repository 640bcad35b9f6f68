import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the notification service keeps: every send attempt (email_log), the stored list of
 * alert recipients, the last known alert state per product, and the digest runs that make
 * "once a day" hold across instances.
 */
export class CreateAlerts1764100000000 implements MigrationInterface {
  name = 'CreateAlerts1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.digest_runs (
        id uuid PRIMARY KEY,
        run_date date NOT NULL,
        time_zone text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'on_demand')),
        forced boolean NOT NULL,
        status text NOT NULL
          CHECK (status IN ('sent', 'nothing_low', 'already_sent', 'no_recipients', 'failed')),
        item_count integer,
        error text,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // At most one digest sent per day without force, whatever races the lock misses.
    await queryRunner.query(`
      CREATE UNIQUE INDEX digest_runs_one_per_day ON notification.digest_runs (run_date)
        WHERE status = 'sent' AND NOT forced`);
    await queryRunner.query(
      `CREATE INDEX digest_runs_sent ON notification.digest_runs (run_date) WHERE status = 'sent'`,
    );

    await queryRunner.query(`
      CREATE TABLE notification.email_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL
          CHECK (kind IN ('low_stock', 'out_of_stock', 'digest', 'password_reset', 'welcome')),
        status text NOT NULL CHECK (status IN ('sent', 'failed', 'retrying', 'skipped')),
        recipients text[] NOT NULL,
        subject text NOT NULL,
        event_id uuid,
        digest_run_id uuid REFERENCES notification.digest_runs (id),
        product_id uuid,
        ses_message_id text,
        error text,
        correlation_id text,
        occurred_at timestamptz,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE INDEX email_log_at ON notification.email_log (at DESC, id)`);
    await queryRunner.query(
      `CREATE INDEX email_log_event ON notification.email_log (event_id) WHERE event_id IS NOT NULL`,
    );

    // One row: the list admins manage. Absent until seeded, so an emptied list stays empty.
    await queryRunner.query(`
      CREATE TABLE notification.alert_recipients (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        recipients text[] NOT NULL,
        updated_at timestamptz,
        updated_by text
      )`);

    await queryRunner.query(`
      CREATE TABLE notification.alert_state (
        product_id uuid PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('ok', 'low', 'out')),
        on_hand integer NOT NULL,
        reorder_level integer NOT NULL,
        changed_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS notification.alert_state`);
    await queryRunner.query(`DROP TABLE IF EXISTS notification.alert_recipients`);
    await queryRunner.query(`DROP TABLE IF EXISTS notification.email_log`);
    await queryRunner.query(`DROP TABLE IF EXISTS notification.digest_runs`);
  }
}
