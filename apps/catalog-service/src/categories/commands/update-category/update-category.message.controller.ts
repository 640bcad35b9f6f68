import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type RequestMeta, UpdateCategory, UpdateCategoryRequestDto } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { UpdateCategoryService } from './update-category.service';

@Controller()
export class UpdateCategoryMessageController {
  constructor(private readonly updating: UpdateCategoryService) {}

  @AnswersRequest(UpdateCategory)
  update(@Payload('data') dto: UpdateCategoryRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.updating.update(dto, actorOf(meta));
  }
}
