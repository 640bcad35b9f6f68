import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MediaDto, Role, SetPrimaryMedia } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { MediaParamsDto } from '../../../http/id-param.dto';

@ApiTags('product media')
@Controller('products/:id/media')
export class SetPrimaryImageHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post(':mediaId/primary')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'ProductMediaHttpController_setPrimary',
    summary: 'Make an image the primary one (shown in lists and on the part page first)',
    description: 'The previous primary image stays attached. A datasheet cannot be primary (400).',
  })
  @ApiOkResponse({ type: MediaDto })
  @ApiErrors(400, 401, 403, 404, 502, 503, 504)
  setPrimary(@Param() { id: productId, mediaId }: MediaParamsDto): Promise<MediaDto> {
    return this.bus.send(SetPrimaryMedia, { productId, mediaId });
  }
}
