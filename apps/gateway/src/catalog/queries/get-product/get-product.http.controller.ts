import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetProduct } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';
import { ProductWithStockDto } from '../../dtos/product-with-stock.dto';
import { ProductStockAttacher } from '../../product-stock.attacher';

@ApiTags('products')
@Controller('products')
export class GetProductHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly stock: ProductStockAttacher,
  ) {}

  @Get(':id')
  @ApiOperation({
    operationId: 'ProductsHttpController_get',
    summary: 'One product with its stock',
  })
  @ApiOkResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 404, 503, 504)
  async get(@Param() { id }: IdParamDto): Promise<ProductWithStockDto> {
    const product = await this.bus.send(GetProduct, { id });
    return this.stock.attachOne(product);
  }
}
