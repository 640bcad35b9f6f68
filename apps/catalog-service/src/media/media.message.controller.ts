import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CompleteUploadRequestDto,
  MediaIdDto,
  ProductMediaListDto,
  type RequestMeta,
  RequestUploadRequestDto,
  CompleteMediaUpload,
  DeleteMedia,
  ListMedia,
  RequestMediaUpload,
  SetPrimaryMedia,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../actor';
import { CompleteUploadService } from './commands/complete-upload/complete-upload.service';
import { DeleteMediaService } from './commands/delete-media/delete-media.service';
import { SetPrimaryImageService } from './commands/set-primary-image/set-primary-image.service';
import { RequestUploadService } from './commands/request-upload/request-upload.service';
import { ListMediaService } from './queries/list-media/list-media.service';

/** Bus requests about product images and datasheets. */
@Controller()
export class MediaMessageController {
  constructor(
    private readonly requesting: RequestUploadService,
    private readonly completing: CompleteUploadService,
    private readonly listing: ListMediaService,
    private readonly deleting: DeleteMediaService,
    private readonly primaries: SetPrimaryImageService,
  ) {}

  @AnswersRequest(RequestMediaUpload)
  requestUpload(@Payload('data') dto: RequestUploadRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.requesting.request(dto, actorOf(meta));
  }

  @AnswersRequest(CompleteMediaUpload)
  completeUpload(
    @Payload('data') dto: CompleteUploadRequestDto,
    @Payload('meta') meta: RequestMeta,
  ) {
    return this.completing.complete(dto, actorOf(meta));
  }

  @AnswersRequest(ListMedia)
  list(@Payload('data') dto: ProductMediaListDto) {
    return this.listing.list(dto.productId);
  }

  @AnswersRequest(SetPrimaryMedia)
  setPrimary(@Payload('data') dto: MediaIdDto) {
    return this.primaries.setPrimary(dto);
  }

  @AnswersRequest(DeleteMedia)
  async delete(@Payload('data') dto: MediaIdDto) {
    await this.deleting.delete(dto);
    return { deleted: true };
  }
}
