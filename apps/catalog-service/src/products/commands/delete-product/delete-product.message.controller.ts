import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DeleteProduct, ProductIdDto, type RequestMeta } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { DeleteProductService } from './delete-product.service';

@Controller()
export class DeleteProductMessageController {
  constructor(private readonly deleting: DeleteProductService) {}

  @AnswersRequest(DeleteProduct)
  async delete(@Payload('data') dto: ProductIdDto, @Payload('meta') meta: RequestMeta) {
    await this.deleting.delete(dto.id, actorOf(meta));
    return { deleted: true };
  }
}
