import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_STOCK_HISTORY_SPAN,
  GetStockHistory,
  StockHistoryDto,
  StockHistoryQueryDto,
  type GetStockHistoryRequest,
  type StockHistory,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('stock')
@Controller('products')
export class GetStockHistoryHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get(':id/stock/history')
  @ApiOperation({
    operationId: 'ProductStockHttpController_history',
    summary: "A product's stock over time",
    description:
      'On hand at the end of each day (UTC) of the last 30, 90 or 365 days, the oldest first, ' +
      "with the day's receipts and issues, read from the movement ledger; and the reorder " +
      'level and on hand now (for drawing the reorder line).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StockHistoryDto })
  @ApiErrors(400, 401, 404, 503, 504)
  history(
    @Param() { id: productId }: IdParamDto,
    @Query() query: StockHistoryQueryDto,
  ): Promise<StockHistory> {
    const request: GetStockHistoryRequest = {
      productId,
      days: query.days ?? DEFAULT_STOCK_HISTORY_SPAN,
    };
    return this.bus.send(GetStockHistory, request);
  }
}
