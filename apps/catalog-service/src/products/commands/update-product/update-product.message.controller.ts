import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type RequestMeta, UpdateProduct, UpdateProductRequestDto } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { UpdateProductService } from './update-product.service';

@Controller()
export class UpdateProductMessageController {
  constructor(private readonly updating: UpdateProductService) {}

  @AnswersRequest(UpdateProduct)
  update(@Payload('data') dto: UpdateProductRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.updating.update(dto, actorOf(meta));
  }
}
