import { storeOutboxEnvelopes, storeOutboxEventParts } from '@inventory/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RecordMovementsFunction1764100000002 } from './1764100000002-record-movements-function';

const OLD_RECORD_MOVEMENTS = `stock.record_movements(uuid[], text[], integer[], text[], text[], text[], text[], text[], text[], text, text)`;

/**
 * The movement statement stops writing envelope JSON: its outbox rows carry the event's type,
 * payload and metadata, and the relay builds the envelope (`envelope()` in the platform's
 * outbox), as for every other event. The event types are no longer spelled in SQL: the
 * caller passes them (`LEVEL_EVENT_TYPES`, from `StockEvents`), so "who emits stock.low?"
 * leads from the constant to here. Rows still waiting in the outbox are taken apart into the
 * new columns and published as they were written. Replaces the functions of 1764100000002.
 * The catalog copy's processed events move to its new name, `stock.copy-catalog-product`.
 *
 * `stock.level_events(before, after, reorder_before, reorder_after, types)`: the stock events
 * a change of level causes, `types` being [level changed, low, depleted, replenished]:
 * - level changed: every movement and every reorder-level change;
 * - low: from above the reorder level to at or below it;
 * - depleted: from some on hand to none;
 * - replenished: from at or below the reorder level back above it.
 * Each fires on the crossing only: a product that stays low causes no second low.
 * A reorder-level change keeps on hand (before = after) and may cross either way.
 */
export class OutboxEventParts1764100000003 implements MigrationInterface {
  name = 'OutboxEventParts1764100000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await storeOutboxEventParts(queryRunner, 'stock');
    // The catalog copy's subscription is named after its use case now; events it processed
    // under its former name stay processed.
    await queryRunner.query(
      `UPDATE stock.processed_messages SET consumer = 'stock.copy-catalog-product' WHERE consumer = 'stock.catalog-products'`,
    );
    await queryRunner.query(`DROP FUNCTION ${OLD_RECORD_MOVEMENTS}`);
    await queryRunner.query(`DROP FUNCTION stock.level_events(integer, integer, integer, integer)`);
    await queryRunner.query(`
      CREATE FUNCTION stock.level_events(
        before integer, after integer, reorder_before integer, reorder_after integer,
        types text[])
      RETURNS TABLE (type text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT rule.type
          FROM (VALUES
            (types[1], true),
            (types[2], before > reorder_before AND after <= reorder_after),
            (types[3], before > 0 AND after = 0),
            (types[4], before <= reorder_before AND after > reorder_after)
          ) AS rule (type, fires)
         WHERE rule.fires
      $$`);

    // Movement i of the batch is (p_product_ids[i], p_types[i], p_quantities[i], …).
    // p_quantities is what applies to on hand: signed for receive/issue/adjust, the count for
    // stocktake. Outcome per movement:
    //   recorded  on hand changed, ledger row, idempotency key and events written;
    //   replay    its idempotency key was used by an earlier, committed movement: that
    //             movement is answered (with the earlier request's hash), nothing written;
    //   refused   on hand would leave 0 … 1 000 000 000 (on_hand says how many there are);
    //   archived  the product may not move; unknown: no stock item for the product.
    // A movement that is not recorded leaves nothing behind, its idempotency key included.
    //
    // Locks are taken in one order by every batch (idempotency keys by key, then stock items
    // by product id), so concurrent batches wait for each other but never deadlock. The
    // caller never puts one idempotency key twice into a batch.
    await queryRunner.query(`
      CREATE FUNCTION stock.record_movements(
        p_product_ids uuid[], p_types text[], p_quantities integer[], p_reasons text[],
        p_references text[], p_actor_ids text[], p_correlation_ids text[], p_keys text[],
        p_request_hashes text[], p_queue text, p_source text, p_event_types text[])
      RETURNS TABLE (
        ord integer, outcome text, id uuid, product_id uuid, type text, delta integer,
        quantity_after integer, reason text, reference text, actor_user_id text,
        correlation_id text, created_at timestamptz, before integer, sku text, name text,
        events text[], prior_request_hash text, on_hand integer)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        n integer := coalesce(cardinality(p_product_ids), 0);
        ids uuid[] := ARRAY(SELECT gen_random_uuid() FROM generate_series(1, n));
        outcomes text[] := array_fill(NULL::text, ARRAY[n]);
        befores integer[] := array_fill(NULL::integer, ARRAY[n]);
        afters integer[] := array_fill(NULL::integer, ARRAY[n]);
        reorders integer[] := array_fill(NULL::integer, ARRAY[n]);
        skus text[] := array_fill(NULL::text, ARRAY[n]);
        names text[] := array_fill(NULL::text, ARRAY[n]);
        ats timestamptz[] := array_fill(NULL::timestamptz, ARRAY[n]);
        applied_as integer[] := array_fill(NULL::integer, ARRAY[n]);
        applied_count integer := 0;
        has_replay boolean := false;
        has_refusal boolean := false;
        give_back boolean := false;
        claimed text[] := '{}';
        i integer;
        wanted integer;
        item_id uuid;
        item_found boolean := false;
        item_active boolean;
        item_on_hand integer;
        item_reorder integer;
        item_sku text;
        item_name text;
        item_moved boolean := false;
        item_last_at timestamptz;
      BEGIN
        IF EXISTS (SELECT FROM unnest(p_keys) AS k (key) WHERE k.key IS NOT NULL) THEN
        WITH taken AS (
          INSERT INTO idempotency_keys (key, request_hash, movement_id)
          SELECT k.key, p_request_hashes[k.i], ids[k.i]
            FROM unnest(p_keys) WITH ORDINALITY AS k (key, i)
           WHERE k.key IS NOT NULL
           ORDER BY k.key
          ON CONFLICT (key) DO NOTHING
          RETURNING key)
        SELECT coalesce(array_agg(key), '{}') INTO claimed FROM taken;
        END IF;

        FOR i IN
          SELECT m.i FROM unnest(p_product_ids) WITH ORDINALITY AS m (product_id, i)
           ORDER BY m.product_id, m.i
        LOOP
          IF item_id IS DISTINCT FROM p_product_ids[i] THEN
            IF item_moved THEN
              UPDATE stock_items SET on_hand = item_on_hand, last_movement_at = item_last_at
               WHERE product_id = item_id;
            END IF;
            item_id := p_product_ids[i];
            item_moved := false;
            SELECT s.active, s.on_hand, s.reorder_level, s.sku, s.name
              INTO item_active, item_on_hand, item_reorder, item_sku, item_name
              FROM stock_items s WHERE s.product_id = item_id
               FOR NO KEY UPDATE;
            item_found := FOUND;
          END IF;

          skus[i] := item_sku;
          names[i] := item_name;
          IF p_keys[i] IS NOT NULL AND NOT p_keys[i] = ANY (claimed) THEN
            outcomes[i] := 'replay';
            has_replay := true;
            CONTINUE;
          END IF;
          IF NOT item_found OR NOT item_active THEN
            outcomes[i] := CASE WHEN item_found THEN 'archived' ELSE 'unknown' END;
            afters[i] := item_on_hand;
          ELSE
            wanted := CASE WHEN p_types[i] = 'stocktake' THEN p_quantities[i]
                           ELSE item_on_hand + p_quantities[i] END;
            IF wanted < 0 OR wanted > 1000000000 THEN
              outcomes[i] := 'refused';
              afters[i] := item_on_hand;
            END IF;
          END IF;
          IF outcomes[i] IS NOT NULL THEN
            has_refusal := true;
            give_back := give_back OR p_keys[i] IS NOT NULL;
            CONTINUE;
          END IF;

          outcomes[i] := 'recorded';
          befores[i] := item_on_hand;
          afters[i] := wanted;
          reorders[i] := item_reorder;
          ats[i] := clock_timestamp();
          applied_count := applied_count + 1;
          applied_as[i] := applied_count;
          item_on_hand := wanted;
          item_last_at := ats[i];
          item_moved := true;
        END LOOP;
        IF item_moved THEN
          UPDATE stock_items SET on_hand = item_on_hand, last_movement_at = item_last_at
           WHERE product_id = item_id;
        END IF;

        IF give_back THEN
          DELETE FROM idempotency_keys
           WHERE key IN (SELECT p_keys[j] FROM generate_subscripts(p_keys, 1) AS j
                          WHERE outcomes[j] IN ('refused', 'archived', 'unknown')
                            AND p_keys[j] IS NOT NULL);
        END IF;

        RETURN QUERY
          WITH recorded AS (
            SELECT j FROM generate_subscripts(p_product_ids, 1) AS j
             WHERE outcomes[j] = 'recorded'
          ),
          ledger AS (
            INSERT INTO stock_movements (id, product_id, type, delta, quantity_after, reason,
                                         reference, actor_user_id, correlation_id, created_at)
            SELECT ids[j], p_product_ids[j], p_types[j], afters[j] - befores[j], afters[j],
                   p_reasons[j], p_references[j], p_actor_ids[j], p_correlation_ids[j], ats[j]
              FROM recorded
             ORDER BY applied_as[j]
          ),
          events AS (
            SELECT r.j, gen_random_uuid() AS id, l.type,
                   to_char(ats[r.j] AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
              FROM recorded r
             CROSS JOIN LATERAL stock.level_events(befores[r.j], afters[r.j], reorders[r.j],
                                                   reorders[r.j], p_event_types) AS l
          ),
          published AS (
            INSERT INTO outbox (id, queue, type, version, occurred_at, source, correlation_id,
                                payload)
            SELECT e.id, p_queue, e.type, 1, ats[e.j], p_source, p_correlation_ids[e.j],
                   jsonb_build_object(
                     'productId', p_product_ids[e.j], 'sku', skus[e.j], 'name', names[e.j],
                     'before', befores[e.j], 'after', afters[e.j],
                     'reorderLevel', reorders[e.j], 'movementId', ids[e.j],
                     'movementType', p_types[e.j], 'at', e.at)
              FROM events e
          )
          SELECT r.j, 'recorded'::text, ids[r.j], p_product_ids[r.j], p_types[r.j],
                 afters[r.j] - befores[r.j], afters[r.j], p_reasons[r.j], p_references[r.j],
                 p_actor_ids[r.j], p_correlation_ids[r.j], ats[r.j], befores[r.j], skus[r.j],
                 names[r.j], ARRAY(SELECT e.type FROM events e WHERE e.j = r.j), NULL::text,
                 NULL::integer
            FROM recorded r;

        IF has_replay THEN
          RETURN QUERY
            SELECT j, 'replay'::text, m.id, m.product_id, m.type, m.delta, m.quantity_after,
                   m.reason, m.reference, m.actor_user_id, m.correlation_id, m.created_at,
                   m.quantity_after - m.delta, skus[j], names[j], NULL::text[], k.request_hash,
                   NULL::integer
              FROM generate_subscripts(p_product_ids, 1) AS j
              JOIN idempotency_keys k ON k.key = p_keys[j]
              JOIN stock_movements m ON m.id = k.movement_id
             WHERE outcomes[j] = 'replay';
        END IF;
        IF give_back OR has_refusal THEN
          RETURN QUERY
            SELECT j, outcomes[j], NULL::uuid, p_product_ids[j], p_types[j], NULL::integer,
                   NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text,
                   NULL::timestamptz, NULL::integer, skus[j], names[j], NULL::text[], NULL::text,
                   afters[j]
              FROM generate_subscripts(p_product_ids, 1) AS j
             WHERE outcomes[j] IN ('refused', 'archived', 'unknown');
        END IF;
      END $$`);
  }

  /** Back to 1764100000002's functions and envelope JSON in the outbox. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION stock.record_movements(uuid[], text[], integer[], text[], text[], text[], text[], text[], text[], text, text, text[])`,
    );
    await queryRunner.query(
      `DROP FUNCTION stock.level_events(integer, integer, integer, integer, text[])`,
    );
    await storeOutboxEnvelopes(queryRunner, 'stock');
    await queryRunner.query(
      `UPDATE stock.processed_messages SET consumer = 'stock.catalog-products' WHERE consumer = 'stock.copy-catalog-product'`,
    );
    await new RecordMovementsFunction1764100000002().up(queryRunner);
  }
}
