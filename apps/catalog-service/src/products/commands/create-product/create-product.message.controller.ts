import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateProduct, CreateProductDto, type RequestMeta } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { CreateProductService } from './create-product.service';

@Controller()
export class CreateProductMessageController {
  constructor(private readonly creating: CreateProductService) {}

  @AnswersRequest(CreateProduct)
  create(@Payload('data') dto: CreateProductDto, @Payload('meta') meta: RequestMeta) {
    return this.creating.create(dto, actorOf(meta));
  }
}
