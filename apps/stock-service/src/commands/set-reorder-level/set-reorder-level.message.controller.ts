import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SetReorderLevelRequest, StockPatterns, type StockLevel } from '@inventory/contracts';
import { SetReorderLevelService } from './set-reorder-level.service';

@Controller()
export class SetReorderLevelMessageController {
  constructor(private readonly reorderLevels: SetReorderLevelService) {}

  @MessagePattern(StockPatterns.reorderLevelSet)
  set(@Payload('data') request: SetReorderLevelRequest): Promise<StockLevel> {
    return this.reorderLevels.set(request);
  }
}
