import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CategoryDto,
  CreateCategoryDto,
  Role,
  UpdateCategoryDto,
  CreateCategory,
  DeleteCategory,
  GetCategory,
  ListCategories,
  UpdateCategory,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../auth/auth.decorators';
import { IdParamDto } from '../http/id-param.dto';
import { ApiErrors } from '../http/api-errors.decorator';

/** The category tree: everyone signed in reads it, admins change it. */
@ApiTags('categories')
@Controller('categories')
export class CategoriesHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  @ApiOperation({
    summary: 'All categories, depth-first (a parent right before its children)',
    description: 'Product counts include the products of every descendant.',
  })
  @ApiOkResponse({ type: [CategoryDto] })
  @ApiErrors(401, 503, 504)
  list(): Promise<CategoryDto[]> {
    return this.bus.send(ListCategories, {});
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a category, at the top or under a parent' })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiErrors(400, 401, 403, 409, 422, 503, 504)
  create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.bus.send(CreateCategory, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One category' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrors(400, 401, 404, 503, 504)
  get(@Param() { id }: IdParamDto): Promise<CategoryDto> {
    return this.bus.send(GetCategory, { id });
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Rename, describe or move a category (with its subtree)',
    description: 'A move under the category itself or one of its descendants is refused (409).',
  })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 503, 504)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.bus.send(UpdateCategory, { ...body, id });
  }

  @Delete(':id')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty category (no subcategories, no products)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 401, 403, 404, 409, 503, 504)
  async delete(@Param() { id }: IdParamDto): Promise<void> {
    await this.bus.send(DeleteCategory, { id });
  }
}
