import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CompleteMediaUpload,
  CompleteUploadRequestDto,
  type RequestMeta,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { CompleteUploadService } from './complete-upload.service';

@Controller()
export class CompleteUploadMessageController {
  constructor(private readonly completing: CompleteUploadService) {}

  @AnswersRequest(CompleteMediaUpload)
  completeUpload(
    @Payload('data') dto: CompleteUploadRequestDto,
    @Payload('meta') meta: RequestMeta,
  ) {
    return this.completing.complete(dto, actorOf(meta));
  }
}
