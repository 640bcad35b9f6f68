import { ApiProperty } from '@nestjs/swagger';

/** ok: above the reorder level; low: at or below it; out: nothing on hand. */
export type StockStatus = 'ok' | 'low' | 'out';

/** How many of a product there are, as the stock service reports it. */
export interface StockLevel {
  productId: string;
  sku: string | null;
  name: string | null;
  onHand: number;
  reorderLevel: number;
  status: StockStatus;
  location: string | null;
  lastMovementAt: string | null;
}

export const STOCK_STATUSES: readonly StockStatus[] = ['ok', 'low', 'out'];

/**
 * The one ok/low/out rule, for the stock service's levels and the notification service's
 * alert state alike: out with nothing on hand, low at or below the reorder level, else ok.
 */
export function stockStatus(onHand: number, reorderLevel: number): StockStatus {
  if (onHand === 0) return 'out';
  return onHand <= reorderLevel ? 'low' : 'ok';
}

/** `StockLevel` as the API documents it. */
export class StockLevelDto implements StockLevel {
  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'MCU-ESP-32' })
  sku!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ESP32 DevKit' })
  name!: string | null;

  @ApiProperty({ example: 8, description: 'A product with no movements has 0 on hand' })
  onHand!: number;

  @ApiProperty({ example: 10, description: 'At or below this the product is low on stock' })
  reorderLevel!: number;

  @ApiProperty({ enum: STOCK_STATUSES, example: 'low' })
  status!: StockStatus;

  @ApiProperty({ type: String, nullable: true, example: 'Drawer B3' })
  location!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastMovementAt!: string | null;
}

/** How many active products are at each stock status (the dashboard's counts). */
export interface StockSummary {
  active: number;
  ok: number;
  low: number;
  out: number;
}

export class StockSummaryDto implements StockSummary {
  @ApiProperty({ example: 312, description: 'Active products' })
  active!: number;

  @ApiProperty({
    example: 290,
    description:
      'Needing nothing: above their reorder level, or with no reorder level set (0) and nothing on hand (not stocked)',
  })
  ok!: number;

  @ApiProperty({ example: 15, description: 'At or below their reorder level, some on hand' })
  low!: number;

  @ApiProperty({ example: 7, description: 'Nothing on hand, with a reorder level set' })
  out!: number;
}
