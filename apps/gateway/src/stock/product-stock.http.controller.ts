import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_STOCK_HISTORY_SPAN,
  Role,
  SetReorderLevelDto,
  StockHistoryDto,
  StockHistoryQueryDto,
  StockLevelDto,
  type GetStockHistoryRequest,
  type SetReorderLevelRequest,
  type StockHistory,
  type StockLevel,
  GetStockHistory,
  GetStockLevel,
  SetReorderLevel,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { IdParamDto } from '../http/id-param.dto';

/** A product's stock: level, reorder level and history. */
@ApiTags('stock')
@Controller('products')
export class ProductStockHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get(':id/stock')
  @ApiOperation({
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

  @Get(':id/stock/history')
  @ApiOperation({
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

  @Put(':id/reorder-level')
  @Roles(Role.Admin)
  @ApiOperation({
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
