import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** The spans the stock history answers, in days (the console's 30 / 90 / 365 switch). */
export const STOCK_HISTORY_SPANS = [30, 90, 365] as const;
export type StockHistorySpan = (typeof STOCK_HISTORY_SPANS)[number];
export const DEFAULT_STOCK_HISTORY_SPAN: StockHistorySpan = 30;

const spanMessage = `days must be one of ${STOCK_HISTORY_SPANS.join(', ')}`;

/** `GET /api/v1/products/:id/stock/history?days=`. */
export class StockHistoryQueryDto {
  @ApiPropertyOptional({ enum: STOCK_HISTORY_SPANS, default: DEFAULT_STOCK_HISTORY_SPAN })
  @IsOptional()
  @Type(() => Number)
  @IsIn(STOCK_HISTORY_SPANS, { message: spanMessage })
  days?: StockHistorySpan;
}

/** `stock.history.get`. */
export class GetStockHistoryRequest {
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;

  @IsIn(STOCK_HISTORY_SPANS, { message: spanMessage })
  days!: StockHistorySpan;
}

/** On hand at the end of one day (UTC), from the ledger. */
export interface StockHistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  onHand: number;
  /** Sum of the day's receipts (positive deltas). */
  received: number;
  /** Sum of the day's issues and downward corrections, as a positive number. */
  issued: number;
}

/** A product's stock over the last `days` days: one point per day, the oldest first. */
export interface StockHistory {
  productId: string;
  days: StockHistorySpan;
  /** The reorder level now (the ledger does not keep earlier levels). */
  reorderLevel: number;
  onHand: number;
  points: StockHistoryPoint[];
}

export class StockHistoryPointDto implements StockHistoryPoint {
  @ApiProperty({ example: '2026-11-30', description: 'The day (UTC), YYYY-MM-DD' })
  day!: string;

  @ApiProperty({ example: 42, description: 'On hand at the end of the day' })
  onHand!: number;

  @ApiProperty({ example: 50, description: "The day's receipts" })
  received!: number;

  @ApiProperty({ example: 8, description: "The day's issues and downward corrections" })
  issued!: number;
}

export class StockHistoryDto implements StockHistory {
  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty({ enum: STOCK_HISTORY_SPANS, example: 30 })
  days!: StockHistorySpan;

  @ApiProperty({ example: 10, description: 'The reorder level now' })
  reorderLevel!: number;

  @ApiProperty({ example: 42, description: 'On hand now' })
  onHand!: number;

  @ApiProperty({
    type: [StockHistoryPointDto],
    description: 'One point per day, the oldest first; the last is today.',
  })
  points!: StockHistoryPointDto[];
}
