import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  Role,
  SetReorderLevel,
  SetReorderLevelDto,
  StockLevelDto,
  type SetReorderLevelRequest,
  type StockLevel,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('stock')
@Controller('products')
export class SetReorderLevelHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Put(':id/reorder-level')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'ProductStockHttpController_setReorderLevel',
    summary: "Set a product's reorder level",
    description:
      'At or below it the product is low on stock. Crossing it because of this change ' +
      'alerts like a movement would (stock.low / stock.replenished).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StockLevelDto })
  @ApiErrors(400, 401, 403, 404, 503, 504)
  setReorderLevel(
    @Param() { id: productId }: IdParamDto,
    @Body() body: SetReorderLevelDto,
  ): Promise<StockLevel> {
    const request: SetReorderLevelRequest = { productId, reorderLevel: body.reorderLevel };
    return this.bus.send(SetReorderLevel, request);
  }
}
