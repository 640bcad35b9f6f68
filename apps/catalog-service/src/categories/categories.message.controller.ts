import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CategoryIdDto,
  CreateCategoryDto,
  type RequestMeta,
  UpdateCategoryRequestDto,
  CreateCategory,
  DeleteCategory,
  GetCategory,
  ListCategories,
  UpdateCategory,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../actor';
import { CreateCategoryService } from './commands/create-category/create-category.service';
import { DeleteCategoryService } from './commands/delete-category/delete-category.service';
import { UpdateCategoryService } from './commands/update-category/update-category.service';
import { ReadCategoriesService } from './queries/read-categories/read-categories.service';

/** Bus requests about the category tree. */
@Controller()
export class CategoriesMessageController {
  constructor(
    private readonly read: ReadCategoriesService,
    private readonly creating: CreateCategoryService,
    private readonly updating: UpdateCategoryService,
    private readonly deleting: DeleteCategoryService,
  ) {}

  @AnswersRequest(CreateCategory)
  create(@Payload('data') dto: CreateCategoryDto, @Payload('meta') meta: RequestMeta) {
    return this.creating.create(dto, actorOf(meta));
  }

  @AnswersRequest(GetCategory)
  get(@Payload('data') dto: CategoryIdDto) {
    return this.read.get(dto.id);
  }

  @AnswersRequest(ListCategories)
  list() {
    return this.read.list();
  }

  @AnswersRequest(UpdateCategory)
  update(@Payload('data') dto: UpdateCategoryRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.updating.update(dto, actorOf(meta));
  }

  @AnswersRequest(DeleteCategory)
  async delete(@Payload('data') dto: CategoryIdDto) {
    await this.deleting.delete(dto.id);
    return { deleted: true };
  }
}
