import { type DynamicModule, Module } from '@nestjs/common';
import {
  BusModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  OutboxModule,
} from '@inventory/platform';
import { stockDatabase } from './database/stock.database';
import type { StockConfig } from './stock.config';

/** Stock levels, the movement ledger and reorder levels. */
@Module({})
export class AppModule {
  static forRoot(config: StockConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: 'stock', logRequests: false }),
        DatabaseModule.forService(stockDatabase),
        HealthModule.forService('stock'),
        BusModule,
        OutboxModule.forRoot({ source: 'stock' }),
      ],
    };
  }
}
