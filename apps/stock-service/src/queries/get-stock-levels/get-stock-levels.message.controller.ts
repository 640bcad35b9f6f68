import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetStockLevelRequest,
  GetStockLevelsRequest,
  ListLowStockRequest,
  StockPatterns,
  type StockLevel,
  type StockSummary,
} from '@inventory/contracts';
import { GetStockLevelsQuery } from './get-stock-levels.query';

@Controller()
export class GetStockLevelsMessageController {
  constructor(private readonly levels: GetStockLevelsQuery) {}

  @MessagePattern(StockPatterns.levelsGet)
  get(@Payload('data') request: GetStockLevelRequest): Promise<StockLevel> {
    return this.levels.one(request.productId);
  }

  @MessagePattern(StockPatterns.levelsGetMany)
  getMany(@Payload('data') request: GetStockLevelsRequest): Promise<StockLevel[]> {
    return this.levels.many(request.productIds);
  }

  @MessagePattern(StockPatterns.levelsLow)
  low(@Payload('data') request: ListLowStockRequest): Promise<StockLevel[]> {
    return this.levels.low(request?.limit, request?.status);
  }

  @MessagePattern(StockPatterns.levelsSummary)
  summary(): Promise<StockSummary> {
    return this.levels.summary();
  }
}
