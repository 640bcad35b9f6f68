import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto, ProductDto, type StockStatus } from '@inventory/contracts';

/** How many there are, as the stock service reports it. */
export class StockBlockDto {
  @ApiProperty({ example: 42 })
  onHand!: number;

  @ApiProperty({ example: 10 })
  reorderLevel!: number;

  @ApiProperty({ enum: ['ok', 'low', 'out'], example: 'ok' })
  status!: StockStatus;

  @ApiProperty({ type: String, nullable: true, example: 'Shelf B3' })
  location!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastMovementAt!: string | null;
}

/** A product with its stock, composed by the gateway from the catalog and stock services. */
export class ProductWithStockDto extends ProductDto {
  @ApiProperty({
    type: StockBlockDto,
    nullable: true,
    description:
      'null when the stock service did not answer in time: the product is shown without it.',
  })
  stock!: StockBlockDto | null;
}

export class ProductWithStockPageDto extends PageMetaDto {
  @ApiProperty({ type: [ProductWithStockDto] })
  items!: ProductWithStockDto[];
}
