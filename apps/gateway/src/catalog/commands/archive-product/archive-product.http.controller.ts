import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArchiveProduct, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';
import { ProductWithStockDto } from '../../dtos/product-with-stock.dto';
import { ProductStockAttacher } from '../../product-stock.attacher';

@ApiTags('products')
@Controller('products')
export class ArchiveProductHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly stock: ProductStockAttacher,
  ) {}

  @Post(':id/archive')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'ProductsHttpController_archive',
    summary: 'Archive a product',
    description: 'It stays readable with its history but takes no new stock movements.',
  })
  @ApiOkResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 403, 404, 503, 504)
  async archive(@Param() { id }: IdParamDto): Promise<ProductWithStockDto> {
    const product = await this.bus.send(ArchiveProduct, { id });
    return this.stock.attachOne(product);
  }
}
