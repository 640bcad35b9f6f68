import { Module } from '@nestjs/common';
import { NotificationConfig } from '../notification.config';
import { EMAIL_SENDER, SESV2_CLIENT } from './email.di-tokens';
import { createSesClient, SesEmailSender } from './ses-email.sender';
import { EmailDelivery } from './email-delivery';

/** Sending email (the port and its SES adapter) and recording every attempt. */
@Module({
  providers: [
    { provide: SESV2_CLIENT, inject: [NotificationConfig], useFactory: createSesClient },
    { provide: EMAIL_SENDER, useClass: SesEmailSender },
    EmailDelivery,
  ],
  exports: [EMAIL_SENDER, EmailDelivery],
})
export class EmailModule {}
