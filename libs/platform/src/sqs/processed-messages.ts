import type { EntityManager, QueryRunner } from 'typeorm';
import { deleteInBatches, type ExecuteSql } from '../database/delete-in-batches';

/**
 * The insert that records an event id for a consumer, with the two as parameters `$first` and
 * `$first + 1`: a row back when the id is new, none when it was recorded before (or by a
 * concurrent delivery, whose commit it waits for).
 */
const recordEventId = (first: number) =>
  `INSERT INTO processed_messages (event_id, consumer) VALUES ($${first}, $${first + 1})
   ON CONFLICT DO NOTHING RETURNING event_id`;

/**
 * Records that `consumer` acted on `eventId`, inside the caller's transaction. Returns false
 * when it already had: the caller then does nothing, and a redelivered event has no effect.
 */
export async function markProcessed(
  manager: EntityManager,
  eventId: string,
  consumer: string,
): Promise<boolean> {
  const inserted: unknown[] = await manager.query(recordEventId(1), [eventId, consumer]);
  return inserted.length === 1;
}

/** One data-changing SQL statement and its parameters (`$1` … `$n`). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** The name under which `onceInStatement` offers the recorded id to the statement. */
export const PROCESSED = 'processed';

/**
 * `markProcessed` and the effect in one statement, so one round trip and no transaction of
 * its own: a CTE named `processed` inserts the event id (its one row, or none when the id was
 * recorded before, or by a concurrent delivery that then committed), and `effect`, an INSERT,
 * UPDATE or DELETE without RETURNING, must apply only when that row is there: its WHERE
 * carries `EXISTS (SELECT 1 FROM processed)`. Returns whether the id was new and how many
 * rows the effect changed.
 */
export async function onceInStatement(
  db: Pick<EntityManager, 'query'>,
  eventId: string,
  consumer: string,
  effect: SqlStatement,
): Promise<{ recorded: boolean; changed: number }> {
  if (!new RegExp(`\\bFROM\\s+${PROCESSED}\\b`, 'i').test(effect.sql)) {
    throw new Error(`the statement must apply only when the event id is new (FROM ${PROCESSED})`);
  }
  const n = effect.params.length;
  const [row] = (await db.query(
    `WITH ${PROCESSED} AS (${recordEventId(n + 1)}),
     effect AS (${effect.sql} RETURNING 1)
     SELECT (SELECT count(*) FROM ${PROCESSED})::int AS recorded,
            (SELECT count(*) FROM effect)::int AS changed`,
    [...effect.params, eventId, consumer],
  )) as { recorded: number; changed: number }[];
  return { recorded: row.recorded === 1, changed: row.changed };
}

/** Event ids are kept this long: SQS redelivers a message for 4 days at most. */
export const PROCESSED_MESSAGE_RETENTION_DAYS = 14;

/**
 * Forgets the event ids recorded more than `retentionDays` ago: a redelivery that late cannot
 * happen. Deletes in batches of `batch` rows (`deleteInBatches`). Returns how many ids went.
 */
export function purgeProcessedMessages(
  execute: ExecuteSql,
  retentionDays = PROCESSED_MESSAGE_RETENTION_DAYS,
  batch = 5000,
): Promise<number> {
  return deleteInBatches(
    execute,
    `DELETE FROM processed_messages WHERE (event_id, consumer) IN (
       SELECT event_id, consumer FROM processed_messages
        WHERE processed_at < now() - make_interval(days => $1) LIMIT ${batch})`,
    [retentionDays],
    batch,
  );
}

/**
 * Event ids a consumer has already acted on, recorded in the same transaction as the effect.
 * Services call this from their own checked-in migrations; it is part of migration history:
 * never edit it, add a new function for a later change.
 */
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
