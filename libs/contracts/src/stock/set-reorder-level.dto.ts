import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_ON_HAND } from './stock-movement';

/** `PUT /api/v1/products/:id/reorder-level`: at or below this, the product is low on stock. */
export class SetReorderLevelDto {
  @ApiProperty({ minimum: 0, maximum: MAX_ON_HAND, example: 10 })
  @IsInt({ message: 'reorderLevel must be a whole number' })
  @Min(0, { message: 'reorderLevel must be 0 or more' })
  @Max(MAX_ON_HAND, { message: `reorderLevel must be at most ${MAX_ON_HAND}` })
  reorderLevel!: number;
}

/** `stock.reorderLevel.set` on the bus; answers the product's `StockLevel`. */
export class SetReorderLevelRequest extends SetReorderLevelDto {
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;
}
