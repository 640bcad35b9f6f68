import { Module } from '@nestjs/common';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { NotificationConfig } from '../notification.config';
import { EMAIL_SENDER, SESV2_CLIENT } from './email.di-tokens';
import { createSesClient, SesEmailSender } from './ses-email.sender';
import { SmtpEmailSender } from './smtp-email.sender';
import { EmailDelivery } from './email-delivery';

/**
 * Sending email (the port, its SES and SMTP adapters, chosen by EMAIL_DRIVER) and recording
 * every attempt.
 */
@Module({
  providers: [
    { provide: SESV2_CLIENT, inject: [NotificationConfig], useFactory: createSesClient },
    {
      provide: EMAIL_SENDER,
      inject: [NotificationConfig, SESV2_CLIENT],
      useFactory: (config: NotificationConfig, ses: SESv2Client) =>
        config.EMAIL_DRIVER === 'smtp'
          ? new SmtpEmailSender(config)
          : new SesEmailSender(ses, config),
    },
    EmailDelivery,
  ],
  exports: [EMAIL_SENDER, EmailDelivery],
})
export class EmailModule {}
