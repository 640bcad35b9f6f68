import { Module } from '@nestjs/common';
import { RunDigestHttpController } from './commands/run-digest/run-digest.http.controller';
import { SetRecipientsHttpController } from './commands/set-recipients/set-recipients.http.controller';
import { GetEmailHttpController } from './queries/get-email/get-email.http.controller';
import { GetRecipientsHttpController } from './queries/get-recipients/get-recipients.http.controller';
import { ListEmailsHttpController } from './queries/list-emails/list-emails.http.controller';

/**
 * /alerts: recipients, email log and the low-stock digest, served by the notification service.
 * Admins only. Listed in the OpenAPI document's order.
 */
@Module({
  controllers: [
    GetRecipientsHttpController,
    SetRecipientsHttpController,
    ListEmailsHttpController,
    GetEmailHttpController,
    RunDigestHttpController,
  ],
})
export class AlertsModule {}
