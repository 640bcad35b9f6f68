import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogPatterns,
  CategoryIdDto,
  CreateCategoryDto,
  type RequestMeta,
  UpdateCategoryRequestDto,
} from '@inventory/contracts';
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

  @MessagePattern(CatalogPatterns.categoriesCreate)
  create(@Payload('data') dto: CreateCategoryDto, @Payload('meta') meta: RequestMeta) {
    return this.creating.create(dto, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.categoriesGet)
  get(@Payload('data') dto: CategoryIdDto) {
    return this.read.get(dto.id);
  }

  @MessagePattern(CatalogPatterns.categoriesList)
  list() {
    return this.read.list();
  }

  @MessagePattern(CatalogPatterns.categoriesUpdate)
  update(@Payload('data') dto: UpdateCategoryRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.updating.update(dto, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.categoriesDelete)
  async delete(@Payload('data') dto: CategoryIdDto) {
    await this.deleting.delete(dto.id);
    return { deleted: true };
  }
}
