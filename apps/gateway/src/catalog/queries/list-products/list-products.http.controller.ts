import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListProducts, ListProductsQueryDto } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { ProductWithStockPageDto } from '../../dtos/product-with-stock.dto';
import { ProductStockAttacher } from '../../product-stock.attacher';

@ApiTags('products')
@Controller('products')
export class ListProductsHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly stock: ProductStockAttacher,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'ProductsHttpController_list',
    summary: 'Search, filter, sort and page through products',
    description:
      "`search` matches name, SKU, manufacturer part number and description (case-insensitive, partial; every word must match). `categoryId` includes its subcategories. `status` (ok / low / out) keeps the products at that stock status, combinable with the rest; it is the catalog's copy of the stock service's status, which follows a movement within about a second. Each product carries its stock (null when the stock service is unavailable).",
  })
  @ApiOkResponse({ type: ProductWithStockPageDto })
  @ApiErrors(400, 401, 404, 503, 504)
  async list(@Query() query: ListProductsQueryDto): Promise<ProductWithStockPageDto> {
    const page = await this.bus.send(ListProducts, query);
    return { ...page, items: await this.stock.attach(page.items) };
  }
}
