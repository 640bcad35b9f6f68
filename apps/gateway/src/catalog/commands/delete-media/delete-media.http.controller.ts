import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeleteMedia, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { MediaParamsDto } from '../../../http/id-param.dto';

@ApiTags('product media')
@Controller('products/:id/media')
export class DeleteMediaHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Delete(':mediaId')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({
    operationId: 'ProductMediaHttpController_delete',
    summary: 'Remove an image or datasheet, and its file in storage',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 401, 403, 404, 502, 503, 504)
  async delete(@Param() { id: productId, mediaId }: MediaParamsDto): Promise<void> {
    await this.bus.send(DeleteMedia, { productId, mediaId });
  }
}
