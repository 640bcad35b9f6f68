import { Module } from '@nestjs/common';
import { CategoriesMessageController } from './categories.message.controller';
import { CreateCategoryService } from './commands/create-category/create-category.service';
import { DeleteCategoryService } from './commands/delete-category/delete-category.service';
import { UpdateCategoryService } from './commands/update-category/update-category.service';
import { ReadCategoriesService } from './queries/read-categories/read-categories.service';

@Module({
  controllers: [CategoriesMessageController],
  providers: [
    ReadCategoriesService,
    CreateCategoryService,
    UpdateCategoryService,
    DeleteCategoryService,
  ],
})
export class CategoriesModule {}
