import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ListMovementsQueryDto,
  type Page,
  type StockMovement,
  ListMovements,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ListMovementsQuery } from './list-movements.query';

@Controller()
export class ListMovementsMessageController {
  constructor(private readonly movements: ListMovementsQuery) {}

  @AnswersRequest(ListMovements)
  list(@Payload('data') query: ListMovementsQueryDto): Promise<Page<StockMovement>> {
    return this.movements.list(query);
  }
}
