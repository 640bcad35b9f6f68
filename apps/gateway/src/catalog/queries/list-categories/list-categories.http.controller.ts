import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryDto, ListCategories } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';

@ApiTags('categories')
@Controller('categories')
export class ListCategoriesHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get()
  @ApiOperation({
    operationId: 'CategoriesHttpController_list',
    summary: 'All categories, depth-first (a parent right before its children)',
    description: 'Product counts include the products of every descendant.',
  })
  @ApiOkResponse({ type: [CategoryDto] })
  @ApiErrors(401, 503, 504)
  list(): Promise<CategoryDto[]> {
    return this.bus.send(ListCategories, {});
  }
}
