import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListMedia, MediaDto } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('product media')
@Controller('products/:id/media')
export class ListMediaHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  @ApiOperation({
    operationId: 'ProductMediaHttpController_list',
    summary: 'A product’s images (primary first) and datasheets, with URLs a browser can open',
  })
  @ApiOkResponse({ type: [MediaDto] })
  @ApiErrors(400, 401, 404, 502, 503, 504)
  list(@Param() { id: productId }: IdParamDto): Promise<MediaDto[]> {
    return this.bus.send(ListMedia, { productId });
  }
}
