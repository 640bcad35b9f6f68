import { Module } from '@nestjs/common';
import { ProductStockHttpController } from './product-stock.http.controller';
import { StockHttpController } from './stock.http.controller';

/** HTTP routes of stock: movements, levels, reorder levels, low stock (all answered over the bus). */
@Module({ controllers: [StockHttpController, ProductStockHttpController] })
export class StockModule {}
