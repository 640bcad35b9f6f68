import { Injectable, Logger } from '@nestjs/common';
import {
  MAX_ON_HAND,
  MovementTypes,
  Queues,
  type Actor,
  type RecordMovementReply,
  type RecordMovementRequest,
} from '@inventory/contracts';
import {
  ConflictError,
  MetricNames,
  MetricsService,
  OutboxRelay,
  RequestContext,
  UnprocessableError,
} from '@inventory/platform';
import { appliedQuantity, onHandAfter } from '../../domain/movement-quantity';
import { StockSql } from '../../database/stock-sql';
import { MOVEMENT_COLUMNS, toMovement, type MovementRow } from '../../database/stock-rows';
import { ProductCopies } from '../../products/product-copies';
import {
  RECORD_MOVEMENT_SQL,
  recordMovementValues,
  type RecordMovementParams,
  type RecordMovementRow,
} from './record-movement.sql';
import { requestHash } from './request-hash';

const UNIQUE_VIOLATION = '23505';
const IDEMPOTENCY_KEY_CONSTRAINT = 'idempotency_keys_pkey';

/**
 * Records one movement: the whole change (on hand, ledger row, idempotency key, events) is
 * one statement; this class decides what to answer when that statement records nothing.
 */
@Injectable()
export class RecordMovementService {
  private readonly logger = new Logger('StockMovements');

  constructor(
    private readonly sql: StockSql,
    private readonly products: ProductCopies,
    private readonly relay: OutboxRelay,
    private readonly metrics: MetricsService,
  ) {}

  async record(request: RecordMovementRequest, actor?: Actor): Promise<RecordMovementReply> {
    const key = request.idempotencyKey ?? null;
    const hash = key === null ? null : requestHash(request, actor);
    const params: RecordMovementParams = {
      productId: request.productId,
      type: request.type,
      applied: appliedQuantity(request.type, request.quantity),
      reason: request.reason ?? null,
      reference: request.reference ?? null,
      actorUserId: actor?.userId ?? null,
      correlationId: RequestContext.correlationId(),
      idempotencyKey: key,
      requestHash: hash,
      queue: Queues.StockEvents,
      source: 'stock',
    };

    let row = await this.apply(params);
    if (isRefused(row) && !(await this.products.find(request.productId))) {
      // A product no catalog event has told about yet: ask the catalog (404 / 503 from here).
      const copy = await this.products.findOrLearn(request.productId);
      if (copy.active) row = await this.apply(params);
    }

    if (row.id !== null) return this.recorded(row, actor);
    if (row.prior_movement_id !== null) return this.replay(row, hash);
    throw await this.refusal(request);
  }

  private async apply(params: RecordMovementParams): Promise<RecordMovementRow> {
    try {
      const [row] = await this.sql.prepared<RecordMovementRow>(
        'stock_record_movement',
        RECORD_MOVEMENT_SQL,
        recordMovementValues(params),
      );
      return row;
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code !== UNIQUE_VIOLATION || constraint !== IDEMPOTENCY_KEY_CONSTRAINT) throw error;
      // The same key in a request that committed while this one ran: this one rolled back
      // entirely, and is answered like any later retry.
      const [prior] = await this.sql.query<{ request_hash: string; movement_id: string }>(
        'SELECT request_hash, movement_id FROM idempotency_keys WHERE key = $1',
        [params.idempotencyKey],
      );
      return {
        ...NOTHING_RECORDED,
        prior_request_hash: prior.request_hash,
        prior_movement_id: prior.movement_id,
      };
    }
  }

  private recorded(row: RecordMovementRow, actor: Actor | undefined): RecordMovementReply {
    this.relay.wakeAll();
    const movement = toMovement(row as MovementRow);
    this.metrics.count(MetricNames.StockMovements, 1, { type: movement.type });
    this.logger.log(
      {
        event: 'stock.movement',
        productId: movement.productId,
        sku: row.sku,
        type: movement.type,
        before: row.before,
        after: movement.quantityAfter,
        delta: movement.delta,
        movementId: movement.id,
        actorUserId: actor?.userId ?? null,
        events: row.events,
      },
      `${movement.type} ${row.sku ?? movement.productId}: ${row.before} → ${movement.quantityAfter}`,
    );
    return { movement, onHand: movement.quantityAfter, replayed: false };
  }

  private async replay(row: RecordMovementRow, hash: string | null): Promise<RecordMovementReply> {
    if (row.prior_request_hash !== hash) {
      throw new UnprocessableError(
        'This Idempotency-Key was already used for a different movement request; use a new key for a new movement',
        [{ field: 'idempotencyKey', message: 'already used with a different request' }],
      );
    }
    const [movement] = await this.sql.query<MovementRow>(
      `SELECT ${MOVEMENT_COLUMNS} FROM stock_movements WHERE id = $1`,
      [row.prior_movement_id],
    );
    const result = toMovement(movement);
    return { movement: result, onHand: result.quantityAfter, replayed: true };
  }

  /** Why nothing was recorded, read after the fact (the statement itself only says "no"). */
  private async refusal(request: RecordMovementRequest): Promise<Error> {
    const [item] = await this.sql.query<{
      on_hand: number;
      active: boolean;
      sku: string | null;
      name: string | null;
    }>('SELECT on_hand, active, sku, name FROM stock_items WHERE product_id = $1', [
      request.productId,
    ]);
    const label = item?.sku ? `${item.sku} (${item.name})` : request.productId;
    if (!item?.active) {
      return new UnprocessableError(
        `Product ${label} is archived in the catalog: no new stock movements`,
        [{ field: 'productId', message: 'product is archived' }],
      );
    }
    const after = onHandAfter(request.type, request.quantity, item.on_hand);
    if (after > MAX_ON_HAND) {
      return new ConflictError(
        `Cannot ${request.type} ${request.quantity} of ${label}: on hand would exceed ${MAX_ON_HAND}`,
        [{ field: 'quantity', message: `at most ${MAX_ON_HAND - item.on_hand} more fit` }],
      );
    }
    const wanted =
      request.type === MovementTypes.Adjust
        ? `adjust by ${request.quantity}`
        : `issue ${request.quantity}`;
    return new ConflictError(`Not enough stock to ${wanted} of ${label}: ${item.on_hand} on hand`, [
      { field: 'quantity', message: `${item.on_hand} available` },
    ]);
  }
}

const NOTHING_RECORDED: RecordMovementRow = {
  id: null,
  product_id: null,
  type: null,
  delta: null,
  quantity_after: null,
  reason: null,
  reference: null,
  actor_user_id: null,
  correlation_id: null,
  created_at: null,
  before: null,
  sku: null,
  name: null,
  events: null,
  prior_request_hash: null,
  prior_movement_id: null,
};

function isRefused(row: RecordMovementRow): boolean {
  return row.id === null && row.prior_movement_id === null;
}
