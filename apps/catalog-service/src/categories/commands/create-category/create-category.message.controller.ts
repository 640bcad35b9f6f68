import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateCategory, CreateCategoryDto, type RequestMeta } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { CreateCategoryService } from './create-category.service';

@Controller()
export class CreateCategoryMessageController {
  constructor(private readonly creating: CreateCategoryService) {}

  @AnswersRequest(CreateCategory)
  create(@Payload('data') dto: CreateCategoryDto, @Payload('meta') meta: RequestMeta) {
    return this.creating.create(dto, actorOf(meta));
  }
}
