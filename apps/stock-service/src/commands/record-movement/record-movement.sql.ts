import { MAX_ON_HAND, MovementTypes } from '@inventory/contracts';
import { envelopeSql, isoTimestampSql, levelEventsSql } from '../../domain/level-events.sql';

/**
 * A whole movement in ONE statement, run on its own (autocommit: the statement is the
 * transaction). While it holds the product's row lock there is no other round trip: no
 * BEGIN, no read, no second statement, no COMMIT to wait for. Throughput on a hot product is
 * bounded by how long that lock is held (docs/stock-movements.md).
 *
 * 1. `prior`: the stored answer when the idempotency key was used before.
 * 2. `item`: the one conditional update of on hand, refused (no row) when the product is
 *    unknown here or archived, when the key was used before, or when on hand would leave
 *    0 … MAX_ON_HAND. Under concurrency each update re-checks the condition against the
 *    newest committed on hand (READ COMMITTED re-evaluation), so no interleaving oversells.
 * 3. `movement`: the ledger row, only when the update happened.
 * 4. `claim`: the idempotency key with the movement it produced. Two requests with the same
 *    key at once: the second fails on the key's primary key and its whole statement rolls
 *    back (the service then answers it with the first one's result).
 * 5. `events`: stock.level.changed and any crossing, straight into the outbox.
 *
 * Parameters: $1 product id, $2 type, $3 quantity applied (signed; the count for stocktake),
 * $4 reason, $5 reference, $6 actor user id, $7 correlation id, $8 idempotency key,
 * $9 request hash, $10 queue, $11 source. Every parameter is cast, so the text runs
 * unchanged under pgbench (bench/).
 */
export const RECORD_MOVEMENT_SQL = `
WITH prior AS (
  SELECT request_hash, movement_id FROM idempotency_keys WHERE key = $8::text
),
item AS (
  UPDATE stock_items
     SET previous_on_hand = on_hand,
         on_hand = CASE WHEN $2::text = '${MovementTypes.Stocktake}' THEN $3::int ELSE on_hand + $3::int END,
         last_movement_at = clock_timestamp()
   WHERE product_id = $1::uuid
     AND active
     AND NOT EXISTS (SELECT 1 FROM prior)
     AND CASE WHEN $2::text = '${MovementTypes.Stocktake}' THEN $3::int ELSE on_hand + $3::int END
         BETWEEN 0 AND ${MAX_ON_HAND}
  RETURNING product_id, sku, name, previous_on_hand AS before, on_hand AS after, reorder_level,
            last_movement_at AS at
),
movement AS (
  INSERT INTO stock_movements (product_id, type, delta, quantity_after, reason, reference,
                               actor_user_id, correlation_id, created_at)
  SELECT product_id, $2::text, after - before, after, $4::text, $5::text, $6::text, $7::text, at
    FROM item
  RETURNING id, product_id, type, delta, quantity_after, reason, reference, actor_user_id,
            correlation_id, created_at
),
claim AS (
  INSERT INTO idempotency_keys (key, request_hash, movement_id)
  SELECT $8::text, $9::text, id FROM movement WHERE $8::text IS NOT NULL
),
events AS (
  INSERT INTO outbox (id, queue, type, body)
  SELECT e.id, $10::text, e.type, ${envelopeSql({
    id: 'e.id',
    type: 'e.type',
    occurredAt: isoTimestampSql('i.at'),
    source: '$11::text',
    correlationId: '$7::text',
    payload: `jsonb_build_object(
        'productId', i.product_id, 'sku', i.sku, 'name', i.name,
        'before', i.before, 'after', i.after, 'reorderLevel', i.reorder_level,
        'movementId', m.id, 'movementType', m.type, 'at', ${isoTimestampSql('i.at')})`,
  })}
    FROM item i
    CROSS JOIN movement m
    CROSS JOIN LATERAL (${levelEventsSql({
      before: 'i.before',
      after: 'i.after',
      reorderBefore: 'i.reorder_level',
      reorderAfter: 'i.reorder_level',
    })}) e
  RETURNING type
)
SELECT m.id, m.product_id, m.type, m.delta, m.quantity_after, m.reason, m.reference,
       m.actor_user_id, m.correlation_id, m.created_at,
       i.before, i.sku, i.name,
       (SELECT array_agg(type) FROM events) AS events,
       p.request_hash AS prior_request_hash, p.movement_id AS prior_movement_id
  FROM (SELECT 1) AS one
  LEFT JOIN movement m ON true
  LEFT JOIN item i ON true
  LEFT JOIN prior p ON true`;

export interface RecordMovementRow {
  /** Null when nothing was recorded. */
  id: string | null;
  product_id: string | null;
  type: string | null;
  delta: number | null;
  quantity_after: number | null;
  reason: string | null;
  reference: string | null;
  actor_user_id: string | null;
  correlation_id: string | null;
  created_at: Date | null;
  before: number | null;
  sku: string | null;
  name: string | null;
  events: string[] | null;
  /** Set when the idempotency key was used before (then nothing was recorded). */
  prior_request_hash: string | null;
  prior_movement_id: string | null;
}

export interface RecordMovementParams {
  productId: string;
  type: string;
  applied: number;
  reason: string | null;
  reference: string | null;
  actorUserId: string | null;
  correlationId: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  queue: string;
  source: string;
}

export const recordMovementValues = (p: RecordMovementParams): unknown[] => [
  p.productId,
  p.type,
  p.applied,
  p.reason,
  p.reference,
  p.actorUserId,
  p.correlationId,
  p.idempotencyKey,
  p.requestHash,
  p.queue,
  p.source,
];
