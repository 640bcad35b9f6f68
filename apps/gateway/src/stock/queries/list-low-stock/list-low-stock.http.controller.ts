import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListLowStock,
  ListLowStockRequest,
  StockLevelDto,
  type StockLevel,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';

@ApiTags('stock')
@Controller('stock')
export class ListLowStockHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('low')
  @ApiOperation({
    operationId: 'StockHttpController_low',
    summary: 'Products at or below their reorder level',
    description:
      'Out of stock first, then the smallest share of the reorder level left. Only products with a reorder level: one with none set (0) and nothing on hand is not stocked, not out.',
  })
  @ApiOkResponse({ type: [StockLevelDto] })
  @ApiErrors(400, 401, 503, 504)
  low(@Query() query: ListLowStockRequest): Promise<StockLevel[]> {
    return this.bus.send(ListLowStock, query);
  }
}
