import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeleteCategory, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('categories')
@Controller('categories')
export class DeleteCategoryHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Delete(':id')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({
    operationId: 'CategoriesHttpController_delete',
    summary: 'Delete an empty category (no subcategories, no products)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 401, 403, 404, 409, 503, 504)
  async delete(@Param() { id }: IdParamDto): Promise<void> {
    await this.bus.send(DeleteCategory, { id });
  }
}
