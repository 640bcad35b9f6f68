import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { STOCK_STATUSES, type StockStatus } from './stock-level';
import { MOVEMENT_TYPES, type MovementType } from './stock-movement';

/** Event types on the `stock-events` queue. */
export const StockEvents = {
  /**
   * Every movement, and every reorder-level change. Not written since the stock service's
   * migration 1764250000000 (no consumer needed it); still valid on the queue.
   */
  LevelChanged: 'stock.level.changed',
  /** Crossed from above the reorder level to at or below it. */
  Low: 'stock.low',
  /** Reached 0 on hand. */
  Depleted: 'stock.depleted',
  /** Rose from at-or-below back above the reorder level. */
  Replenished: 'stock.replenished',
} as const;

export type StockEventType = (typeof StockEvents)[keyof typeof StockEvents];

export const STOCK_EVENT_TYPES = Object.values(StockEvents);

/** Payload of every stock event: the level before and after the change that caused it. */
export interface StockLevelEventPayload {
  productId: string;
  sku: string | null;
  name: string | null;
  before: number;
  after: number;
  reorderLevel: number;
  /** The movement that caused it; absent when a reorder-level change did. */
  movementId?: string;
  /** The kind of movement that caused it; absent when a reorder-level change did. */
  movementType?: MovementType;
  /** A reorder-level change only: the level before it (`reorderLevel` is the new one). */
  previousReorderLevel?: number;
  at: string;
}

export class StockLevelEventPayloadDto implements StockLevelEventPayload {
  @IsUUID()
  productId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  sku!: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  name!: string | null;

  @IsInt()
  @Min(0)
  before!: number;

  @IsInt()
  @Min(0)
  after!: number;

  @IsInt()
  @Min(0)
  reorderLevel!: number;

  @IsOptional()
  @IsUUID()
  movementId?: string;

  @IsOptional()
  @IsIn(MOVEMENT_TYPES)
  movementType?: MovementType;

  @IsOptional()
  @IsInt()
  @Min(0)
  previousReorderLevel?: number;

  @IsISO8601()
  at!: string;
}

/** A stock event as consumers validate it. */
export class StockEventDto {
  @IsIn(STOCK_EVENT_TYPES)
  type!: StockEventType;

  @ValidateNested()
  @Type(() => StockLevelEventPayloadDto)
  payload!: StockLevelEventPayloadDto;
}

/** Event types on the `stock-status` queue (consumed by the catalog). */
export const StockStatusEvents = {
  /**
   * A product's stock status (`stockStatus(onHand, reorderLevel)`) is not what it was before
   * the transaction that changed its on hand or reorder level: at most one per product per
   * transaction, none while the status stays.
   */
  Changed: 'stock.status.changed',
} as const;

/** Payload of `stock.status.changed`: the status now, and what it was computed from. */
export interface StockStatusChangedPayload {
  productId: string;
  status: StockStatus;
  onHand: number;
  reorderLevel: number;
  /** When the change was made; a consumer applies an event only if it is newer than the last. */
  at: string;
}

export class StockStatusChangedPayloadDto implements StockStatusChangedPayload {
  @IsUUID()
  productId!: string;

  @IsIn(STOCK_STATUSES)
  status!: StockStatus;

  @IsInt()
  @Min(0)
  onHand!: number;

  @IsInt()
  @Min(0)
  reorderLevel!: number;

  @IsISO8601()
  at!: string;
}

/** A stock-status event as the catalog validates it. */
export class StockStatusChangedEventDto {
  @IsIn([StockStatusEvents.Changed])
  type!: typeof StockStatusEvents.Changed;

  @ValidateNested()
  @Type(() => StockStatusChangedPayloadDto)
  payload!: StockStatusChangedPayloadDto;
}
