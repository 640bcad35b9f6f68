import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetStockLevelRequest,
  GetStockLevelsRequest,
  StockPatterns,
  type StockLevel,
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
  low(): Promise<StockLevel[]> {
    return this.levels.low();
  }
}
