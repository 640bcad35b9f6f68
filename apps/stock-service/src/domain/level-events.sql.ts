import { StockEvents } from '@inventory/contracts';

/** SQL expressions for a change of level: on hand and reorder level, before and after. */
export interface LevelChangeColumns {
  before: string;
  after: string;
  reorderBefore: string;
  reorderAfter: string;
}

/**
 * The stock events a change of level causes, as a SQL row source `(id, type)` to join
 * laterally: the statement that changes the level writes them to the outbox itself, in the
 * same transaction, from the values it read under the row lock.
 *
 * - stock.level.changed: every movement and every reorder-level change;
 * - stock.low: from above the reorder level to at or below it;
 * - stock.depleted: from some on hand to none;
 * - stock.replenished: from at or below the reorder level back above it.
 *
 * Each fires on the crossing only, so a product that stays low causes no second stock.low
 * however many movements follow. A reorder-level change keeps on hand (before = after) and
 * can cross in either direction.
 */
export function levelEventsSql(c: LevelChangeColumns): string {
  return `
    SELECT gen_random_uuid() AS id, rule.type
      FROM (VALUES
        ('${StockEvents.LevelChanged}', true),
        ('${StockEvents.Low}', ${c.before} > ${c.reorderBefore} AND ${c.after} <= ${c.reorderAfter}),
        ('${StockEvents.Depleted}', ${c.before} > 0 AND ${c.after} = 0),
        ('${StockEvents.Replenished}', ${c.before} <= ${c.reorderBefore} AND ${c.after} > ${c.reorderAfter})
      ) AS rule (type, fires)
     WHERE rule.fires`;
}

/** An event envelope (see the platform's `envelope()`) built in SQL, for rows written to the outbox. */
export function envelopeSql(e: {
  id: string;
  type: string;
  occurredAt: string;
  source: string;
  correlationId: string;
  payload: string;
}): string {
  return `jsonb_build_object(
    'id', ${e.id}, 'type', ${e.type}, 'version', 1, 'occurredAt', ${e.occurredAt},
    'source', ${e.source}, 'correlationId', ${e.correlationId}, 'payload', ${e.payload})`;
}

/**
 * A timestamptz as JavaScript's `toISOString()` writes it (UTC, milliseconds, Z). The colons
 * are quoted literals so that no `:name` appears in the text (pgbench would take it for a
 * variable).
 */
export const isoTimestampSql = (expression: string) =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.MS"Z"')`;
