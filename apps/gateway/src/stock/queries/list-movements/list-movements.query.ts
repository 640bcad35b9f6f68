import { Injectable } from '@nestjs/common';
import {
  GetStockLevels,
  ListMovements,
  type ListMovementsQueryDto,
  type Page,
  type StockMovement,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { UsersRepository } from '../../../users/database/users.repository';
import type { MovementWithActorDto } from '../../dtos/movement-with-actor.dto';

/** A page of the ledger from the stock service, with who recorded each row and what it moved. */
@Injectable()
export class ListMovementsQuery {
  constructor(
    private readonly bus: ServiceBus,
    private readonly users: UsersRepository,
  ) {}

  async page(query: ListMovementsQueryDto): Promise<Page<MovementWithActorDto>> {
    const page = await this.bus.send(ListMovements, query);
    return { ...page, items: await this.withActorNames(page.items) };
  }

  /**
   * Names for the page's rows: one query for the people (a page holds at most 100 rows) and
   * one batched request for the products' SKU and name as the stock service knows them.
   */
  private async withActorNames(items: StockMovement[]): Promise<MovementWithActorDto[]> {
    if (items.length === 0) return [];
    const actorIds = [
      ...new Set(items.map((item) => item.actorUserId).filter((id) => id !== null)),
    ];
    const productIds = [...new Set(items.map((item) => item.productId))];
    const [names, products] = await Promise.all([
      this.users.displayNames(actorIds),
      this.bus.send(GetStockLevels, { productIds }),
    ]);
    const levels = new Map(products.map((level) => [level.productId, level]));
    return items.map((item) => ({
      ...item,
      actorName: item.actorUserId ? (names.get(item.actorUserId) ?? null) : null,
      productSku: levels.get(item.productId)?.sku ?? null,
      productName: levels.get(item.productId)?.name ?? null,
    }));
  }
}
