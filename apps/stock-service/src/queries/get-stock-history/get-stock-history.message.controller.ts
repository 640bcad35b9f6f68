import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetStockHistoryRequest, StockPatterns, type StockHistory } from '@inventory/contracts';
import { GetStockHistoryQuery } from './get-stock-history.query';

@Controller()
export class GetStockHistoryMessageController {
  constructor(private readonly history: GetStockHistoryQuery) {}

  @MessagePattern(StockPatterns.historyGet)
  get(@Payload('data') request: GetStockHistoryRequest): Promise<StockHistory> {
    return this.history.history(request.productId, request.days);
  }
}
