import { ListAuditMessageController } from './queries/list-audit/list-audit.message.controller';
import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationDatabaseModule } from './database/notification-database.module';
import { ScheduleModule } from '@nestjs/schedule';
import {
  BusModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  SqsModule,
  subscribe,
} from '@inventory/platform';
import { DigestScheduler } from './commands/run-digest/digest.scheduler';
import { RunDigestMessageController } from './commands/run-digest/run-digest.message.controller';
import { RunDigestService } from './commands/run-digest/run-digest.service';
import {
  sendAccountEmails,
  SendAccountEmailService,
} from './commands/send-account-email/send-account-email.service';
import { SendStockAlertService } from './commands/send-stock-alert/send-stock-alert.service';
import {
  sendStockAlerts,
  StockEventsHandler,
} from './commands/send-stock-alert/stock-events.handler';
import { RecipientsSeeder } from './commands/set-recipients/recipients.seeder';
import { SetRecipientsMessageController } from './commands/set-recipients/set-recipients.message.controller';
import { SetRecipientsService } from './commands/set-recipients/set-recipients.service';
import { notificationDatabase } from './database/notification.database';
import { EmailModule } from './email/email.module';
import type { NotificationConfig } from './notification.config';
import { GetEmailMessageController } from './queries/get-email/get-email.message.controller';
import { GetEmailQuery } from './queries/get-email/get-email.query';
import { GetRecipientsMessageController } from './queries/get-recipients/get-recipients.message.controller';
import { GetRecipientsQuery } from './queries/get-recipients/get-recipients.query';
import { ListEmailsMessageController } from './queries/list-emails/list-emails.message.controller';
import { ListEmailsQuery } from './queries/list-emails/list-emails.query';

/** Consumes events from SQS, sends email through SES, runs the daily digest. */
@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: 'notification' }),
        DatabaseModule.forService(notificationDatabase),
        NotificationDatabaseModule,
        HealthModule.forService('notification'),
        BusModule,
        SqsModule,
        ScheduleModule.forRoot(),
        EmailModule,
      ],
      controllers: [
        RunDigestMessageController,
        SetRecipientsMessageController,
        GetRecipientsMessageController,
        ListAuditMessageController,
        ListEmailsMessageController,
        GetEmailMessageController,
      ],
      providers: [
        RecipientsSeeder,
        SetRecipientsService,
        GetRecipientsQuery,
        ListEmailsQuery,
        GetEmailQuery,
        SendStockAlertService,
        StockEventsHandler,
        subscribe(sendStockAlerts),
        SendAccountEmailService,
        subscribe(sendAccountEmails),
        RunDigestService,
        DigestScheduler,
      ],
    };
  }
}
