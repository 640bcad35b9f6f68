import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryDto, GetCategory } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

@ApiTags('categories')
@Controller('categories')
export class GetCategoryHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get(':id')
  @ApiOperation({ operationId: 'CategoriesHttpController_get', summary: 'One category' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrors(400, 401, 404, 503, 504)
  get(@Param() { id }: IdParamDto): Promise<CategoryDto> {
    return this.bus.send(GetCategory, { id });
  }
}
