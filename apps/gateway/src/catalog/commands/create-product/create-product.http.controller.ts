import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateProduct, CreateProductDto, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { ProductWithStockDto } from '../../dtos/product-with-stock.dto';
import { ProductStockAttacher } from '../../product-stock.attacher';

@ApiTags('products')
@Controller('products')
export class CreateProductHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly stock: ProductStockAttacher,
  ) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'ProductsHttpController_create',
    summary: 'Create a product',
    description:
      'Prices are decimal strings ("12.50"); the SKU is stored in upper case and must be unused (409 names the product that has it).',
  })
  @ApiCreatedResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 403, 409, 422, 503, 504)
  async create(@Body() body: CreateProductDto): Promise<ProductWithStockDto> {
    const product = await this.bus.send(CreateProduct, body);
    return this.stock.attachOne(product);
  }
}
