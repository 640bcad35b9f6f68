import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SetReorderLevelRequest, type StockLevel, SetReorderLevel } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { SetReorderLevelService } from './set-reorder-level.service';

@Controller()
export class SetReorderLevelMessageController {
  constructor(private readonly reorderLevels: SetReorderLevelService) {}

  @AnswersRequest(SetReorderLevel)
  set(@Payload('data') request: SetReorderLevelRequest): Promise<StockLevel> {
    return this.reorderLevels.set(request);
  }
}
