import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryDto, CreateCategory, CreateCategoryDto, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';

@ApiTags('categories')
@Controller('categories')
export class CreateCategoryHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'CategoriesHttpController_create',
    summary: 'Create a category, at the top or under a parent',
  })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiErrors(400, 401, 403, 409, 422, 503, 504)
  create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.bus.send(CreateCategory, body);
  }
}
