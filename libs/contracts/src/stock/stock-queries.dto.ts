import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../pagination';
import { MOVEMENT_TYPES, type MovementType } from './stock-movement';

/** `GET /api/v1/stock/movements`: the ledger, newest first, filtered and paginated. */
export class ListMovementsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this product' })
  @IsOptional()
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId?: string;

  @ApiPropertyOptional({ enum: MOVEMENT_TYPES, description: 'Only this kind of movement' })
  @IsOptional()
  @IsIn(MOVEMENT_TYPES, { message: `type must be one of ${MOVEMENT_TYPES.join(', ')}` })
  type?: MovementType;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-01T00:00:00Z',
    description: 'Recorded at or after this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
    description: 'Recorded before this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

/** `stock.levels.get`. */
export class GetStockLevelRequest {
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;
}

/** Most ids `stock.levels.getMany` answers in one request (a page of products and then some). */
export const MAX_LEVELS_PER_REQUEST = 500;

/** `stock.levels.getMany`: one `StockLevel` per id, in the order asked. */
export class GetStockLevelsRequest {
  @IsArray({ message: 'productIds must be a list of UUIDs' })
  @ArrayMaxSize(MAX_LEVELS_PER_REQUEST, {
    message: `productIds may hold at most ${MAX_LEVELS_PER_REQUEST} ids`,
  })
  @IsUUID('all', { each: true, message: 'each of productIds must be a UUID' })
  productIds!: string[];
}

/** Most rows `stock.levels.low` answers when a limit is given. */
export const MAX_LOW_STOCK_LIMIT = 1000;

/**
 * `stock.levels.low` and `GET /api/v1/stock/low`: optionally only the most urgent `limit`
 * (a catalog of new parts can have tens of thousands at 0; a dashboard wants the top).
 */
export class ListLowStockRequest {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_LOW_STOCK_LIMIT,
    description: 'Only the most urgent this many (all when absent)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_LOW_STOCK_LIMIT, { message: `limit must be at most ${MAX_LOW_STOCK_LIMIT}` })
  limit?: number;

  @ApiPropertyOptional({
    enum: ['low', 'out'],
    description:
      'Only out of stock (nothing on hand, a reorder level set), or only low (at or below the reorder level, some on hand)',
  })
  @IsOptional()
  @IsIn(['low', 'out'], { message: 'status must be low or out' })
  status?: 'low' | 'out';
}
