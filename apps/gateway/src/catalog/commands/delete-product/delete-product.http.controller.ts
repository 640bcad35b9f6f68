import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeleteProduct, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('products')
@Controller('products')
export class DeleteProductHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Delete(':id')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({
    operationId: 'ProductsHttpController_delete',
    summary: 'Delete a product that has no stock history',
    description:
      'A product with stock movements must be archived instead (409). While the stock service cannot confirm there are none, the delete is refused (503). Its images and datasheets are removed too.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 401, 403, 404, 409, 502, 503, 504)
  async delete(@Param() { id }: IdParamDto): Promise<void> {
    await this.bus.send(DeleteProduct, { id });
  }
}
