import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetProduct,
  GetProducts,
  ListProducts,
  ListProductsQueryDto,
  ProductIdDto,
  ProductIdsDto,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ReadProductsService } from './read-products.service';

/** One product, several by id (for the stock service), or a page of the list. */
@Controller()
export class ReadProductsMessageController {
  constructor(private readonly read: ReadProductsService) {}

  @AnswersRequest(GetProduct)
  get(@Payload('data') dto: ProductIdDto) {
    return this.read.get(dto.id);
  }

  @AnswersRequest(GetProducts)
  getMany(@Payload('data') dto: ProductIdsDto) {
    return this.read.getMany(dto.ids);
  }

  @AnswersRequest(ListProducts)
  list(@Payload('data') dto: ListProductsQueryDto) {
    return this.read.list(dto);
  }
}
