import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryDto, Role, UpdateCategory, UpdateCategoryDto } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('categories')
@Controller('categories')
export class UpdateCategoryHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'CategoriesHttpController_update',
    summary: 'Rename, describe or move a category (with its subtree)',
    description: 'A move under the category itself or one of its descendants is refused (409).',
  })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 503, 504)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.bus.send(UpdateCategory, { ...body, id });
  }
}
