import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CategoryIdDto, DeleteCategory } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { DeleteCategoryService } from './delete-category.service';

@Controller()
export class DeleteCategoryMessageController {
  constructor(private readonly deleting: DeleteCategoryService) {}

  @AnswersRequest(DeleteCategory)
  async delete(@Payload('data') dto: CategoryIdDto) {
    await this.deleting.delete(dto.id);
    return { deleted: true };
  }
}
