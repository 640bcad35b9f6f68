import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, UpdateProduct, UpdateProductDto } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';
import { ProductWithStockDto } from '../../dtos/product-with-stock.dto';
import { ProductStockAttacher } from '../../product-stock.attacher';

@ApiTags('products')
@Controller('products')
export class UpdateProductHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly stock: ProductStockAttacher,
  ) {}

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'ProductsHttpController_update',
    summary: 'Change some fields of a product',
    description: 'Only the fields given change; null clears an optional field.',
  })
  @ApiOkResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 503, 504)
  async update(
    @Param() { id }: IdParamDto,
    @Body() body: UpdateProductDto,
  ): Promise<ProductWithStockDto> {
    const product = await this.bus.send(UpdateProduct, { ...body, id });
    return this.stock.attachOne(product);
  }
}
