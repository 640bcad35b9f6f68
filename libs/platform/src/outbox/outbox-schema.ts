import type { QueryRunner } from 'typeorm';

/**
 * Tables the platform's messaging needs in a service's schema. Services call these from
 * their own checked-in migrations. They are part of migration history: never edit one;
 * add a new function for a later change.
 */

/** The channel the relay LISTENs on; an insert into the outbox NOTIFYs it. */
export const outboxChannel = (schema: string) => `${schema}_outbox`;

export async function createOutboxTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".outbox (
      id uuid PRIMARY KEY,
      queue text NOT NULL,
      type text NOT NULL,
      body jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      available_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
  await queryRunner.query(`CREATE INDEX outbox_available_at ON "${schema}".outbox (available_at)`);
  // One notification per inserting statement (not per row) wakes the relay without polling.
  await queryRunner.query(`
    CREATE FUNCTION "${schema}".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${outboxChannel(schema)}', '');
      RETURN NULL;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".outbox_notify()`);
}

/**
 * For a service that writes its outbox at a high rate: stop the NOTIFY on every insert.
 * Postgres serialises the commits of all transactions that sent a NOTIFY (a database-wide
 * lock held through the commit's WAL flush), so at high rates they no longer share WAL
 * flushes (group commit) and throughput drops to about one commit per flush. Such a service
 * wakes its own relay in-process after each commit instead (`OutboxRelay.wakeAll()`); rows
 * written by anyone else are picked up on the relay's idle poll. See docs/adr/0007.
 */
export async function dropOutboxNotify(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER IF EXISTS outbox_notify ON "${schema}".outbox`);
}

/** Undoes `dropOutboxNotify`: every insert into the outbox NOTIFYs the relay again. */
export async function restoreOutboxNotify(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".outbox_notify()`);
}

export async function dropOutboxTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS "${schema}".outbox`);
  await queryRunner.query(`DROP FUNCTION IF EXISTS "${schema}".outbox_notify()`);
}

/** Event ids a consumer has already acted on, recorded in the same transaction as the effect. */
export async function createProcessedMessagesTable(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".processed_messages (
      event_id uuid NOT NULL,
      consumer text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, consumer)
    )`);
  await queryRunner.query(
    `CREATE INDEX processed_messages_processed_at ON "${schema}".processed_messages (processed_at)`,
  );
}

export async function dropProcessedMessagesTable(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS "${schema}".processed_messages`);
}
