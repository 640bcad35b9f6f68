import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogPatterns,
  CompleteUploadRequestDto,
  MediaIdDto,
  ProductMediaListDto,
  type RequestMeta,
  RequestUploadRequestDto,
} from '@inventory/contracts';
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

  @MessagePattern(CatalogPatterns.mediaRequestUpload)
  requestUpload(@Payload('data') dto: RequestUploadRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.requesting.request(dto, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.mediaCompleteUpload)
  completeUpload(
    @Payload('data') dto: CompleteUploadRequestDto,
    @Payload('meta') meta: RequestMeta,
  ) {
    return this.completing.complete(dto, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.mediaList)
  list(@Payload('data') dto: ProductMediaListDto) {
    return this.listing.list(dto.productId);
  }

  @MessagePattern(CatalogPatterns.mediaSetPrimary)
  setPrimary(@Payload('data') dto: MediaIdDto) {
    return this.primaries.setPrimary(dto);
  }

  @MessagePattern(CatalogPatterns.mediaDelete)
  async delete(@Payload('data') dto: MediaIdDto) {
    await this.deleting.delete(dto);
    return { deleted: true };
  }
}
