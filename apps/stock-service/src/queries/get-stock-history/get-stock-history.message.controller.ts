import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GetStockHistoryRequest, type StockHistory, GetStockHistory } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { GetStockHistoryQuery } from './get-stock-history.query';

@Controller()
export class GetStockHistoryMessageController {
  constructor(private readonly history: GetStockHistoryQuery) {}

  @AnswersRequest(GetStockHistory)
  get(@Payload('data') request: GetStockHistoryRequest): Promise<StockHistory> {
    return this.history.history(request.productId, request.days);
  }
}
