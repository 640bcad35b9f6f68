import { type DynamicModule, Module } from '@nestjs/common';
import {
  BusModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
} from '@inventory/platform';
import { notificationDatabase } from './database/notification.database';
import type { NotificationConfig } from './notification.config';

/** Consumes events from SQS, sends email through SES, runs the daily digest. */
@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: 'notification', logRequests: false }),
        DatabaseModule.forService(notificationDatabase),
        HealthModule.forService('notification'),
        BusModule,
      ],
    };
  }
}
