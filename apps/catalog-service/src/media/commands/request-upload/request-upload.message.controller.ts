import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  RequestMediaUpload,
  type RequestMeta,
  RequestUploadRequestDto,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { RequestUploadService } from './request-upload.service';

@Controller()
export class RequestUploadMessageController {
  constructor(private readonly requesting: RequestUploadService) {}

  @AnswersRequest(RequestMediaUpload)
  requestUpload(@Payload('data') dto: RequestUploadRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.requesting.request(dto, actorOf(meta));
  }
}
