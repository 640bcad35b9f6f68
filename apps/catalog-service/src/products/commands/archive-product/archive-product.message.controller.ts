import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ArchiveProduct, ProductIdDto, type RequestMeta } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { ArchiveProductService } from './archive-product.service';

@Controller()
export class ArchiveProductMessageController {
  constructor(private readonly archiving: ArchiveProductService) {}

  @AnswersRequest(ArchiveProduct)
  archive(@Payload('data') dto: ProductIdDto, @Payload('meta') meta: RequestMeta) {
    return this.archiving.archive(dto.id, actorOf(meta));
  }
}
