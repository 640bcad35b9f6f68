import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MediaIdDto, SetPrimaryMedia } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { SetPrimaryImageService } from './set-primary-image.service';

@Controller()
export class SetPrimaryImageMessageController {
  constructor(private readonly primaries: SetPrimaryImageService) {}

  @AnswersRequest(SetPrimaryMedia)
  setPrimary(@Payload('data') dto: MediaIdDto) {
    return this.primaries.setPrimary(dto);
  }
}
