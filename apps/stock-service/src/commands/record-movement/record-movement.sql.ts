import { LEVEL_EVENT_TYPES } from '../../database/level-events';

/**
 * Records a batch of movements: one call of `stock.record_movements` (migration
 * 1764100000003), run on its own in autocommit, so the statement is the transaction and no
 * round trip happens while a product's row lock is held (docs/stock-movements.md).
 *
 * Parameters ($1 … $9 are arrays, one element per movement): product ids, types, quantities
 * applied (signed; the count for stocktake), reasons, references, actor user ids, correlation
 * ids, idempotency keys, request hashes; $10 queue, $11 source, $12 the event types
(`LEVEL_EVENT_TYPES`). Every parameter is cast, so
 * the text runs unchanged under pgbench (bench/).
 */
export const RECORD_MOVEMENTS_SQL = `SELECT * FROM record_movements($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text, $11::text, $12::text[])`;

export type MovementOutcome = 'recorded' | 'replay' | 'refused' | 'archived' | 'unknown';

/** One movement's answer from `stock.record_movements`. */
export interface RecordMovementRow {
  /** 1-based position of the movement in the batch. */
  ord: number;
  outcome: MovementOutcome;
  /** recorded / replay: the ledger row (for a replay, the earlier movement's). */
  id: string | null;
  product_id: string;
  type: string;
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
  /** recorded: the stock events written. */
  events: string[] | null;
  /** replay: the hash of the request that used the key first. */
  prior_request_hash: string | null;
  /** refused / archived: on hand when the movement was judged. */
  on_hand: number | null;
}

/** One movement as the statement takes it. */
export interface MovementInput {
  productId: string;
  type: string;
  applied: number;
  reason: string | null;
  reference: string | null;
  actorUserId: string | null;
  correlationId: string;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export function recordMovementsValues(
  batch: MovementInput[],
  queue: string,
  source: string,
): unknown[] {
  // The events this statement may write are named in StockEvents, and passed from here.
  return [
    batch.map((m) => m.productId),
    batch.map((m) => m.type),
    batch.map((m) => m.applied),
    batch.map((m) => m.reason),
    batch.map((m) => m.reference),
    batch.map((m) => m.actorUserId),
    batch.map((m) => m.correlationId),
    batch.map((m) => m.idempotencyKey),
    batch.map((m) => m.requestHash),
    queue,
    source,
    LEVEL_EVENT_TYPES,
  ];
}
