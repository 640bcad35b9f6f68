import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListMovementsQueryDto, type Page } from '@inventory/contracts';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { MovementWithActorDto, MovementWithActorPageDto } from '../../dtos/movement-with-actor.dto';
import { ListMovementsQuery } from './list-movements.query';

@ApiTags('stock')
@Controller('stock')
export class ListMovementsHttpController {
  constructor(private readonly movements: ListMovementsQuery) {}

  @Get('movements')
  @ApiOperation({
    operationId: 'StockHttpController_list',
    summary: 'The movement ledger, newest first',
    description: 'Each row names who recorded it (`actorName`) and the product (SKU, name).',
  })
  @ApiOkResponse({ type: MovementWithActorPageDto })
  @ApiErrors(400, 401, 503, 504)
  list(@Query() query: ListMovementsQueryDto): Promise<Page<MovementWithActorDto>> {
    return this.movements.page(query);
  }
}
