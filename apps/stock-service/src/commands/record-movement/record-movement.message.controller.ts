import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RecordMovementRequest,
  StockPatterns,
  type RecordMovementReply,
  type RequestMeta,
} from '@inventory/contracts';
import { RecordMovementService } from './record-movement.service';

@Controller()
export class RecordMovementMessageController {
  constructor(private readonly movements: RecordMovementService) {}

  @MessagePattern(StockPatterns.movementsRecord)
  record(
    @Payload('data') request: RecordMovementRequest,
    @Payload('meta') meta: RequestMeta,
  ): Promise<RecordMovementReply> {
    return this.movements.record(request, meta?.actor);
  }
}
