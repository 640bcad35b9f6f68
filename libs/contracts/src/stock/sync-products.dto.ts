import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Most products in one `stock.products.sync` request (well below NATS' 1 MB). */
export const SYNC_PRODUCTS_MAX = 1000;

/** A product as the catalog has it now: what stock keeps of it, and when it changed. */
export class SyncedProductDto {
  @IsUUID()
  productId!: string;

  @IsString()
  @MaxLength(64)
  sku!: string;

  @IsString()
  @MaxLength(300)
  name!: string;

  /** false: archived or deleted in the catalog, so no movement may be recorded for it. */
  @IsBoolean()
  active!: boolean;

  /**
   * When the catalog made this change: the `occurredAt` of the catalog event that will
   * announce it. An older state than the one stock already has is ignored, as for events.
   */
  @IsISO8601({ strict: true })
  changedAt!: string;
}

/**
 * `stock.products.sync`: the catalog tells stock at once what its catalog events will tell
 * later, so that an archive or a delete takes effect on movements before the catalog
 * answers (docs/stock-movements.md). Applying it twice, or before or after the events, ends
 * in the same state.
 */
export class SyncProductsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SYNC_PRODUCTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => SyncedProductDto)
  products!: SyncedProductDto[];

  /**
   * For a delete: apply nothing if any of the products has stock history (answered in
   * `history`). The check and the change are one transaction with the product's row
   * locked, so no movement can slip in between.
   */
  @IsOptional()
  @IsBoolean()
  requireNoHistory?: boolean;
}

export interface SyncProductsReply {
  /** How many products stock now holds in the state sent. */
  applied: number;
  /** With `requireNoHistory`: the products that have stock history (nothing was applied). */
  history: { productId: string; lastMovementAt: string }[];
}
