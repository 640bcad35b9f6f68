import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  RecordMovementRequest,
  type RecordMovementReply,
  type RequestMeta,
  RecordMovement,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { RecordMovementService } from './record-movement.service';

@Controller()
export class RecordMovementMessageController {
  constructor(private readonly movements: RecordMovementService) {}

  @AnswersRequest(RecordMovement)
  record(
    @Payload('data') request: RecordMovementRequest,
    @Payload('meta') meta: RequestMeta,
  ): Promise<RecordMovementReply> {
    return this.movements.record(request, meta?.actor);
  }
}
