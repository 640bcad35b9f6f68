import { ListAuditMessageController } from './queries/list-audit/list-audit.message.controller';
import { ListAuditQuery } from './queries/list-audit/list-audit.query';
import { ScheduleModule } from '@nestjs/schedule';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  BusModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  OutboxModule,
  SqsModule,
  subscribe,
} from '@inventory/platform';
import {
  copyCatalogProduct,
  CopyCatalogProductHandler,
} from './commands/copy-catalog-product/copy-catalog-product.handler';
import { PurgeExpiredService } from './commands/purge-expired/purge-expired.service';
import { MovementBatcher } from './commands/record-movement/movement-batcher.service';
import { RecordMovementMessageController } from './commands/record-movement/record-movement.message.controller';
import { RecordMovementService } from './commands/record-movement/record-movement.service';
import { SetReorderLevelMessageController } from './commands/set-reorder-level/set-reorder-level.message.controller';
import { SetReorderLevelService } from './commands/set-reorder-level/set-reorder-level.service';
import { SyncProductsMessageController } from './commands/sync-products/sync-products.message.controller';
import { SyncProductsService } from './commands/sync-products/sync-products.service';
import { stockDatabase } from './database/stock.database';
import { StockSql } from './database/stock-sql.service';
import { CATALOG_DIRECTORY } from './products/catalog-directory.port';
import { BusCatalogDirectory } from './products/catalog-directory.bus-adapter';
import { ProductCopies } from './products/product-copies.repository';
import { GetStockHistoryMessageController } from './queries/get-stock-history/get-stock-history.message.controller';
import { GetStockHistoryQuery } from './queries/get-stock-history/get-stock-history.query';
import { GetStockLevelsMessageController } from './queries/get-stock-levels/get-stock-levels.message.controller';
import { GetStockLevelsQuery } from './queries/get-stock-levels/get-stock-levels.query';
import { ListMovementsMessageController } from './queries/list-movements/list-movements.message.controller';
import { ListMovementsQuery } from './queries/list-movements/list-movements.query';
import type { StockConfig } from './stock.config';

/** Stock levels, the movement ledger and reorder levels. */
@Module({})
export class AppModule {
  static forRoot(config: StockConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: 'stock' }),
        DatabaseModule.forService(stockDatabase),
        HealthModule.forService('stock'),
        BusModule,
        // Every movement writes at least one event: more relay loops keep the outbox short.
        OutboxModule.forRoot({ source: 'stock', relay: { concurrency: 4 } }),
        SqsModule,
        ScheduleModule.forRoot(),
      ],
      controllers: [
        RecordMovementMessageController,
        SetReorderLevelMessageController,
        GetStockLevelsMessageController,
        GetStockHistoryMessageController,
        ListMovementsMessageController,
        SyncProductsMessageController,
        ListAuditMessageController,
      ],
      providers: [
        StockSql,
        ProductCopies,
        { provide: CATALOG_DIRECTORY, useClass: BusCatalogDirectory },
        MovementBatcher,
        RecordMovementService,
        SetReorderLevelService,
        SyncProductsService,
        GetStockLevelsQuery,
        GetStockHistoryQuery,
        ListMovementsQuery,
        ListAuditQuery,
        CopyCatalogProductHandler,
        subscribe(copyCatalogProduct),
        PurgeExpiredService,
      ],
    };
  }
}
