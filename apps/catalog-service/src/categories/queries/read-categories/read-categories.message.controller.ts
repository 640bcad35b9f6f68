import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CategoryIdDto, GetCategory, ListCategories } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ReadCategoriesService } from './read-categories.service';

/** One category, or the whole tree. */
@Controller()
export class ReadCategoriesMessageController {
  constructor(private readonly read: ReadCategoriesService) {}

  @AnswersRequest(GetCategory)
  get(@Payload('data') dto: CategoryIdDto) {
    return this.read.get(dto.id);
  }

  @AnswersRequest(ListCategories)
  list() {
    return this.read.list();
  }
}
