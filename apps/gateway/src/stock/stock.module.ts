import { Module } from '@nestjs/common';
import { UsersDatabaseModule } from '../users/database/users-database.module';
import { ProductStockHttpController } from './product-stock.http.controller';
import { StockHttpController } from './stock.http.controller';

/** HTTP routes of stock: movements, levels, reorder levels, low stock (all answered over the bus). */
@Module({
  imports: [UsersDatabaseModule],
  controllers: [StockHttpController, ProductStockHttpController],
})
export class StockModule {}
