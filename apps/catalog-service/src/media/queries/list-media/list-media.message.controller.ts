import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListMedia, ProductMediaListDto } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ListMediaService } from './list-media.service';

@Controller()
export class ListMediaMessageController {
  constructor(private readonly listing: ListMediaService) {}

  @AnswersRequest(ListMedia)
  list(@Payload('data') dto: ProductMediaListDto) {
    return this.listing.list(dto.productId);
  }
}
