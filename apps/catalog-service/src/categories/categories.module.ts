import { Module } from '@nestjs/common';
import { CreateCategoryMessageController } from './commands/create-category/create-category.message.controller';
import { CreateCategoryService } from './commands/create-category/create-category.service';
import { DeleteCategoryMessageController } from './commands/delete-category/delete-category.message.controller';
import { DeleteCategoryService } from './commands/delete-category/delete-category.service';
import { UpdateCategoryMessageController } from './commands/update-category/update-category.message.controller';
import { UpdateCategoryService } from './commands/update-category/update-category.service';
import { ReadCategoriesMessageController } from './queries/read-categories/read-categories.message.controller';
import { ReadCategoriesService } from './queries/read-categories/read-categories.service';

@Module({
  controllers: [
    ReadCategoriesMessageController,
    CreateCategoryMessageController,
    UpdateCategoryMessageController,
    DeleteCategoryMessageController,
  ],
  providers: [
    ReadCategoriesService,
    CreateCategoryService,
    UpdateCategoryService,
    DeleteCategoryService,
  ],
})
export class CategoriesModule {}
