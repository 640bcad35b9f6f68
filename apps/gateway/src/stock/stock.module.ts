import { Module } from '@nestjs/common';
import { UsersDatabaseModule } from '../users/database/users-database.module';
import { RecordMovementHttpController } from './commands/record-movement/record-movement.http.controller';
import { SetReorderLevelHttpController } from './commands/set-reorder-level/set-reorder-level.http.controller';
import { GetStockHistoryHttpController } from './queries/get-stock-history/get-stock-history.http.controller';
import { GetStockLevelHttpController } from './queries/get-stock-level/get-stock-level.http.controller';
import { GetStockSummaryHttpController } from './queries/get-stock-summary/get-stock-summary.http.controller';
import { ListLowStockHttpController } from './queries/list-low-stock/list-low-stock.http.controller';
import { ListMovementsHttpController } from './queries/list-movements/list-movements.http.controller';
import { ListMovementsQuery } from './queries/list-movements/list-movements.query';

/** The stock routes, in the OpenAPI document's order. */
export const STOCK_HTTP_CONTROLLERS = [
  RecordMovementHttpController,
  ListMovementsHttpController,
  ListLowStockHttpController,
  GetStockSummaryHttpController,
  GetStockLevelHttpController,
  GetStockHistoryHttpController,
  SetReorderLevelHttpController,
];

/** HTTP routes of stock: movements, levels, reorder levels, low stock (all answered over the bus). */
@Module({
  imports: [UsersDatabaseModule],
  controllers: STOCK_HTTP_CONTROLLERS,
  providers: [ListMovementsQuery],
})
export class StockModule {}
