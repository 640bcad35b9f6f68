import { ScheduleModule } from '@nestjs/schedule';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  BusModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  OutboxModule,
} from '@inventory/platform';
import { ListAuditMessageController } from './audit/queries/list-audit/list-audit.message.controller';
import { CatalogSharedModule } from './catalog-shared.module';
import type { CatalogConfig } from './catalog.config';
import { CategoriesModule } from './categories/categories.module';
import { catalogDatabase } from './database/catalog.database';
import { MediaModule } from './media/media.module';
import { ProductsModule } from './products/products.module';

/** Products, the category tree and product media in S3. */
@Module({})
export class AppModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: 'catalog' }),
        DatabaseModule.forService(catalogDatabase),
        HealthModule.forService('catalog'),
        BusModule,
        OutboxModule.forRoot({ source: 'catalog' }),
        ScheduleModule.forRoot(),
        CatalogSharedModule,
        CategoriesModule,
        ProductsModule,
        MediaModule,
      ],
      controllers: [ListAuditMessageController],
    };
  }
}
