import { Injectable, Logger } from '@nestjs/common';
import {
  MAX_ON_HAND,
  MovementTypes,
  type Actor,
  type RecordMovementReply,
  type RecordMovementRequest,
} from '@inventory/contracts';
import {
  ConflictError,
  MetricNames,
  MetricsService,
  NotFoundError,
  RequestContext,
  UnprocessableError,
} from '@inventory/platform';
import { appliedQuantity, onHandAfter } from '../../domain/movement-quantity';
import { toMovement, type MovementRow } from '../../database/stock.rows';
import { ProductCopies } from '../../products/product-copies.repository';
import { MovementBatcher } from './movement-batcher.service';
import type { MovementInput, RecordMovementRow } from './record-movement.sql';
import { requestHash } from './request-hash';

/** How often a movement is submitted at most (a product learned from the catalog, a key whose owner vanished). */
const MAX_SUBMISSIONS = 3;

/**
 * Records one movement: the whole change (on hand, ledger row, idempotency key, events)
 * happens in Postgres, in one statement (see MovementBatcher); this class turns the outcome
 * into the answer, and learns about products the stock service has not heard of yet.
 */
@Injectable()
export class RecordMovementService {
  private readonly logger = new Logger('StockMovements');

  constructor(
    private readonly batcher: MovementBatcher,
    private readonly products: ProductCopies,
    private readonly metrics: MetricsService,
  ) {}

  async record(request: RecordMovementRequest, actor?: Actor): Promise<RecordMovementReply> {
    const key = request.idempotencyKey ?? null;
    const hash = key === null ? null : requestHash(request, actor);
    const movement: MovementInput = {
      productId: request.productId,
      type: request.type,
      applied: appliedQuantity(request.type, request.quantity),
      reason: request.reason ?? null,
      reference: request.reference ?? null,
      actorUserId: actor?.userId ?? null,
      correlationId: RequestContext.correlationId(),
      idempotencyKey: key,
      requestHash: hash,
    };

    for (let submission = 1; ; submission++) {
      const row = await this.batcher.submit(movement);
      if (submission < MAX_SUBMISSIONS && row === null) continue;
      if (submission < MAX_SUBMISSIONS && row?.outcome === 'unknown') {
        // A product no catalog event has told about yet: ask the catalog (404 / 503 from here).
        await this.products.findOrLearn(request.productId);
        continue;
      }
      if (row === null) throw new Error('the movement was not answered');
      switch (row.outcome) {
        case 'recorded':
          return this.recorded(row, actor);
        case 'replay':
          return this.replay(row, hash);
        case 'unknown':
          throw new NotFoundError(`Unknown product ${request.productId}`);
        default:
          throw refusal(request, row);
      }
    }
  }

  private recorded(row: RecordMovementRow, actor: Actor | undefined): RecordMovementReply {
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

  private replay(row: RecordMovementRow, hash: string | null): RecordMovementReply {
    if (row.prior_request_hash !== hash) {
      throw new UnprocessableError(
        'This Idempotency-Key was already used for a different movement request; use a new key for a new movement',
        [{ field: 'idempotencyKey', message: 'already used with a different request' }],
      );
    }
    const movement = toMovement(row as MovementRow);
    return { movement, onHand: movement.quantityAfter, replayed: true };
  }
}

/** Why a movement was not recorded, as the person who asked should read it. */
function refusal(request: RecordMovementRequest, row: RecordMovementRow): Error {
  const label = row.sku ? `${row.sku} (${row.name})` : request.productId;
  const onHand = row.on_hand ?? 0;
  if (row.outcome === 'archived') {
    return new UnprocessableError(
      `Product ${label} is archived in the catalog: no new stock movements`,
      [{ field: 'productId', message: 'product is archived' }],
    );
  }
  if (onHandAfter(request.type, request.quantity, onHand) > MAX_ON_HAND) {
    return new ConflictError(
      `Cannot ${request.type} ${request.quantity} of ${label}: on hand would exceed ${MAX_ON_HAND}`,
      [{ field: 'quantity', message: `at most ${MAX_ON_HAND - onHand} more fit` }],
    );
  }
  const wanted =
    request.type === MovementTypes.Adjust
      ? `adjust by ${request.quantity}`
      : `issue ${request.quantity}`;
  return new ConflictError(`Not enough stock to ${wanted} of ${label}: ${onHand} on hand`, [
    { field: 'quantity', message: `${onHand} available` },
  ]);
}
