import { type DynamicModule, Module } from '@nestjs/common';
import {
  BusModule,
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  OutboxModule,
} from '@inventory/platform';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { ApiIndexModule } from './api-index/api-index.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { gatewayDatabase } from './database/gateway.database';
import type { GatewayConfig } from './gateway.config';
import { GatewayHealthModule } from './health/health.module';
import { UsersModule } from './users/users.module';
import { StockModule } from './stock/stock.module';

/** The one door for people and scripts: HTTP in, bus requests to the services out. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: 'gateway' }),
        DatabaseModule.forService(gatewayDatabase),
        BusModule,
        OutboxModule.forRoot({ source: 'gateway' }),
        GatewayHealthModule,
        ApiIndexModule,
        AuthModule,
        UsersModule,
        AlertsModule,
        CatalogModule,
        StockModule,
        AuditModule,
      ],
    };
  }
}
