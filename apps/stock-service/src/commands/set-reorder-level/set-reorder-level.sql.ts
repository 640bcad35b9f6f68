/**
 * Sets a product's reorder level and, in the same statement, writes any crossing it causes
 * (`stock.level_events`: the rules movements use too; no stock.level.changed). On hand stays;
 * the line it is compared with moves. The old level is read under the row lock
 * (`old … FOR NO KEY UPDATE`), so a movement at the same time is judged against one level or
 * the other, never half of each.
 *
 * Its outbox rows carry each event's type, payload and metadata; the relay builds the
 * envelope. A level that changed is recorded in the audit trail by the same statement
 * (docs/adr/0016). Parameters: $1 product id, $2 reorder level, $3 correlation id, $4 queue,
 * $5 source, $6 the event types (`LEVEL_EVENT_TYPES`, from `StockEvents`), $7–$10 the
 * actor's user id, email and role and the origin.
 */
export const SET_REORDER_LEVEL_SQL = `
WITH old AS (
  SELECT product_id, reorder_level FROM stock_items WHERE product_id = $1::uuid
     FOR NO KEY UPDATE
),
item AS (
  UPDATE stock_items s
     SET reorder_level = $2::int, updated_at = clock_timestamp()
    FROM old
   WHERE s.product_id = old.product_id
  RETURNING s.product_id, s.sku, s.name, s.on_hand, s.reorder_level, s.location,
            s.last_movement_at, s.updated_at, old.reorder_level AS reorder_before,
            to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
),
events AS (
  INSERT INTO outbox (id, queue, type, version, occurred_at, source, correlation_id, payload)
  SELECT e.id, $4::text, e.type, 1, i.updated_at, $5::text, $3::text,
         jsonb_build_object(
           'productId', i.product_id, 'sku', i.sku, 'name', i.name,
           'before', i.on_hand, 'after', i.on_hand, 'reorderLevel', i.reorder_level,
           'previousReorderLevel', i.reorder_before, 'at', i.at)
    FROM item i
   CROSS JOIN LATERAL (
     SELECT gen_random_uuid() AS id, l.type
       FROM level_events(i.on_hand, i.on_hand, i.reorder_before, i.reorder_level,
                         $6::text[]) AS l
   ) AS e
  RETURNING type
),
audit AS (
  INSERT INTO audit_entries (id, at, actor_user_id, actor_email, actor_role, action, entity_type,
                             entity_id, summary, changes, correlation_id, origin)
  SELECT gen_random_uuid(), i.updated_at, $7::text, $8::text, $9::text, 'stock.reorder_level.set',
         'product', i.product_id::text,
         'Reorder level of ' || coalesce(i.sku, i.product_id::text) || ': '
           || i.reorder_before || ' → ' || i.reorder_level,
         jsonb_build_array(jsonb_build_object(
           'field', 'reorderLevel', 'from', i.reorder_before, 'to', i.reorder_level)),
         $3::text, $10::text
    FROM item i
   WHERE i.reorder_level <> i.reorder_before
)
SELECT i.product_id, i.sku, i.name, i.on_hand, i.reorder_level, i.location, i.last_movement_at,
       i.reorder_before, (SELECT array_agg(type) FROM events) AS events
  FROM item i`;
