import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetStockSummary, StockSummaryDto, type StockSummary } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';

@ApiTags('stock')
@Controller('stock')
export class GetStockSummaryHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('summary')
  @ApiOperation({
    operationId: 'StockHttpController_summary',
    summary: 'How many active products are in stock, low and out',
    description: 'The counts of the dashboard; one pass over the stock levels.',
  })
  @ApiOkResponse({ type: StockSummaryDto })
  @ApiErrors(401, 503, 504)
  summary(): Promise<StockSummary> {
    return this.bus.send(GetStockSummary, {});
  }
}
