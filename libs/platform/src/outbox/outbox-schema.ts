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
 * wakes its own relay in-process after each commit instead (`Outbox.written`); rows
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

/**
 * The outbox row carries an event's parts — type, payload and metadata (version, occurred at,
 * source, correlation and causation id) — instead of its envelope's JSON, so that the relay
 * builds every envelope in one place (`envelope()` in outbox.ts), whoever wrote the row: the
 * `Outbox` class or a service's own SQL. Rows still waiting from before are taken apart into
 * the new columns, so they are published exactly as they were written.
 */
export async function storeOutboxEventParts(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  await queryRunner.query(`
    ALTER TABLE "${schema}".outbox
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN occurred_at timestamptz,
      ADD COLUMN source text,
      ADD COLUMN correlation_id text,
      ADD COLUMN causation_id text,
      ADD COLUMN payload jsonb`);
  await queryRunner.query(`
    UPDATE "${schema}".outbox
       SET version = (body->>'version')::integer,
           occurred_at = (body->>'occurredAt')::timestamptz,
           source = body->>'source',
           correlation_id = body->>'correlationId',
           causation_id = body->>'causationId',
           payload = body->'payload'`);
  await queryRunner.query(`
    ALTER TABLE "${schema}".outbox
      ALTER COLUMN version DROP DEFAULT,
      ALTER COLUMN occurred_at SET NOT NULL,
      ALTER COLUMN source SET NOT NULL,
      ALTER COLUMN correlation_id SET NOT NULL,
      ALTER COLUMN payload SET NOT NULL,
      DROP COLUMN body`);
}

/**
 * Undoes `storeOutboxEventParts`, on an empty outbox only: the previous release publishes
 * envelope JSON written into the row, and envelopes are built in one place (`envelope()`),
 * not here. Let the relay publish what waits, then roll back.
 */
export async function storeOutboxEnvelopes(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  await queryRunner.query(`
    DO $$ BEGIN
      IF EXISTS (SELECT FROM "${schema}".outbox) THEN
        RAISE EXCEPTION 'events are waiting in "${schema}".outbox: let the relay publish them before rolling back';
      END IF;
    END $$`);
  await queryRunner.query(`
    ALTER TABLE "${schema}".outbox
      ADD COLUMN body jsonb NOT NULL,
      DROP COLUMN version, DROP COLUMN occurred_at, DROP COLUMN source,
      DROP COLUMN correlation_id, DROP COLUMN causation_id, DROP COLUMN payload`);
}
