import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateProductDto,
  ListProductsQueryDto,
  Role,
  UpdateProductDto,
  ArchiveProduct,
  CreateProduct,
  DeleteProduct,
  GetProduct,
  ListProducts,
  UpdateProduct,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../auth/auth.decorators';
import { IdParamDto } from '../http/id-param.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { ProductWithStockDto, ProductWithStockPageDto } from './dtos/product-with-stock.dto';
import { ProductStockAttacher } from './product-stock.attacher';

/** Products with their stock: everyone signed in reads, admins change the catalog. */
@ApiTags('products')
@Controller('products')
export class ProductsHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly stock: ProductStockAttacher,
  ) {}

  @Get()
  @ApiOperation({
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

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
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

  @Get(':id')
  @ApiOperation({ summary: 'One product with its stock' })
  @ApiOkResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 404, 503, 504)
  async get(@Param() { id }: IdParamDto): Promise<ProductWithStockDto> {
    const product = await this.bus.send(GetProduct, { id });
    return this.stock.attachOne(product);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Change some fields of a product',
    description: 'Only the fields given change; null clears an optional field.',
  })
  @ApiOkResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 503, 504)
  async update(
    @Param() { id }: IdParamDto,
    @Body() body: UpdateProductDto,
  ): Promise<ProductWithStockDto> {
    const product = await this.bus.send(UpdateProduct, {
      ...body,
      id,
    });
    return this.stock.attachOne(product);
  }

  @Post(':id/archive')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive a product',
    description: 'It stays readable with its history but takes no new stock movements.',
  })
  @ApiOkResponse({ type: ProductWithStockDto })
  @ApiErrors(400, 401, 403, 404, 503, 504)
  async archive(@Param() { id }: IdParamDto): Promise<ProductWithStockDto> {
    const product = await this.bus.send(ArchiveProduct, {
      id,
    });
    return this.stock.attachOne(product);
  }

  @Delete(':id')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({
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
