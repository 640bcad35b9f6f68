import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetStockLevelRequest,
  GetStockLevelsRequest,
  ListLowStockRequest,
  type StockLevel,
  type StockSummary,
  GetStockLevel,
  GetStockLevels,
  GetStockSummary,
  ListLowStock,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { GetStockLevelsQuery } from './get-stock-levels.query';

@Controller()
export class GetStockLevelsMessageController {
  constructor(private readonly levels: GetStockLevelsQuery) {}

  @AnswersRequest(GetStockLevel)
  get(@Payload('data') request: GetStockLevelRequest): Promise<StockLevel> {
    return this.levels.one(request.productId);
  }

  @AnswersRequest(GetStockLevels)
  getMany(@Payload('data') request: GetStockLevelsRequest): Promise<StockLevel[]> {
    return this.levels.many(request.productIds);
  }

  @AnswersRequest(ListLowStock)
  low(@Payload('data') request: ListLowStockRequest): Promise<StockLevel[]> {
    return this.levels.low(request?.limit, request?.status);
  }

  @AnswersRequest(GetStockSummary)
  summary(): Promise<StockSummary> {
    return this.levels.summary();
  }
}
