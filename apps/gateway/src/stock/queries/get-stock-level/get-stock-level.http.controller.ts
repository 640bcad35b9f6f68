import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetStockLevel, StockLevelDto, type StockLevel } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('stock')
@Controller('products')
export class GetStockLevelHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get(':id/stock')
  @ApiOperation({
    operationId: 'ProductStockHttpController_get',
    summary: "A product's stock",
    description:
      'On hand, reorder level, status (ok, low at or below the reorder level, out at 0) and ' +
      'the last movement. A product with no movements has 0 on hand.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StockLevelDto })
  @ApiErrors(400, 401, 404, 503, 504)
  get(@Param() { id: productId }: IdParamDto): Promise<StockLevel> {
    return this.bus.send(GetStockLevel, { productId });
  }
}
