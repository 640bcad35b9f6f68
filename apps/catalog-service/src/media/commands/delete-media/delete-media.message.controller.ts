import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DeleteMedia, MediaIdDto } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { DeleteMediaService } from './delete-media.service';

@Controller()
export class DeleteMediaMessageController {
  constructor(private readonly deleting: DeleteMediaService) {}

  @AnswersRequest(DeleteMedia)
  async delete(@Payload('data') dto: MediaIdDto) {
    await this.deleting.delete(dto);
    return { deleted: true };
  }
}
