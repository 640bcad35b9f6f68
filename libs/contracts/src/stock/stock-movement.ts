import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../pagination';

/**
 * What a movement does to on hand: `receive` adds, `issue` takes away, `adjust` corrects by
 * a signed amount (with a reason), `stocktake` sets the counted quantity (the ledger records
 * the difference).
 */
export const MovementTypes = {
  Receive: 'receive',
  Issue: 'issue',
  Adjust: 'adjust',
  Stocktake: 'stocktake',
} as const;

export type MovementType = (typeof MovementTypes)[keyof typeof MovementTypes];

export const MOVEMENT_TYPES: readonly MovementType[] = Object.values(MovementTypes);

/** Largest quantity one receive, issue or adjust may move. */
export const MAX_MOVEMENT_QUANTITY = 1_000_000;

/** Largest quantity on hand of one product (and largest stocktake count or reorder level). */
export const MAX_ON_HAND = 1_000_000_000;

/** One row of the append-only ledger. */
export interface StockMovement {
  id: string;
  productId: string;
  type: MovementType;
  /** Signed change of on hand: + for receive, − for issue, either for adjust and stocktake. */
  delta: number;
  /** On hand right after this movement. */
  quantityAfter: number;
  reason: string | null;
  /** PO, work order, invoice … */
  reference: string | null;
  /** The signed-in user who recorded it (null for movements no person made). */
  actorUserId: string | null;
  correlationId: string;
  createdAt: string;
}

/** What recording a movement answers; a retry with the same Idempotency-Key answers the same. */
export interface RecordMovementResult {
  movement: StockMovement;
  onHand: number;
}

/**
 * The bus answer of `stock.movements.record`: the result, and whether it is the stored
 * answer to an earlier request with the same idempotency key (nothing was recorded now).
 */
export interface RecordMovementReply extends RecordMovementResult {
  replayed: boolean;
}

export class StockMovementDto implements StockMovement {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty({ enum: MOVEMENT_TYPES, example: MovementTypes.Issue })
  type!: MovementType;

  @ApiProperty({ example: -5, description: 'Signed change of on hand' })
  delta!: number;

  @ApiProperty({ example: 95, description: 'On hand right after this movement' })
  quantityAfter!: number;

  @ApiProperty({ type: String, nullable: true, example: null })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'WO-2291' })
  reference!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who recorded it' })
  actorUserId!: string | null;

  @ApiProperty({ description: 'The request that recorded it (X-Request-Id)' })
  correlationId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class RecordMovementResultDto implements RecordMovementResult {
  @ApiProperty({ type: StockMovementDto })
  movement!: StockMovementDto;

  @ApiProperty({ example: 95, description: 'On hand right after the movement' })
  onHand!: number;
}

export class StockMovementPageDto extends PageMetaDto {
  @ApiProperty({ type: [StockMovementDto] })
  items!: StockMovementDto[];
}
