import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListMovementsQueryDto,
  StockPatterns,
  type Page,
  type StockMovement,
} from '@inventory/contracts';
import { ListMovementsQuery } from './list-movements.query';

@Controller()
export class ListMovementsMessageController {
  constructor(private readonly movements: ListMovementsQuery) {}

  @MessagePattern(StockPatterns.movementsList)
  list(@Payload('data') query: ListMovementsQueryDto): Promise<Page<StockMovement>> {
    return this.movements.list(query);
  }
}
