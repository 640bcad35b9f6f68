import { Injectable } from '@nestjs/common';
import {
  NOTIFICATION_REQUEST_TYPES,
  NotificationRequestDto,
  NotificationRequests,
  Queues,
} from '@inventory/contracts';
import type { Subscription, SubscriptionContext, SubscriptionHandler } from '@inventory/platform';
import { EMAIL_EVENTS_CONSUME_OPTIONS, EmailDelivery } from '../../email/email-delivery';
import { passwordResetEmail, welcomeEmail } from './account.email';

/**
 * Password reset and welcome emails the gateway asks for on the notification-requests
 * queue. The payload carries the link to put in the email (for a reset, with its one-time
 * token), so nothing about users is stored here; the link itself never reaches a log.
 */
@Injectable()
export class SendAccountEmailService implements SubscriptionHandler<NotificationRequestDto> {
  constructor(private readonly delivery: EmailDelivery) {}

  async handle(
    { type, payload }: NotificationRequestDto,
    context: SubscriptionContext,
  ): Promise<void> {
    const reset = type === NotificationRequests.PasswordReset;
    await this.delivery.onceForEvent(context, async () => {
      const planned = { email: reset ? passwordResetEmail(payload) : welcomeEmail(payload) };
      // A reset link that expired while the request waited would only frustrate.
      if (reset && payload.expiresAt && new Date(payload.expiresAt).getTime() <= Date.now()) {
        return { ...planned, skip: 'the reset link expired before it could be sent' };
      }
      return planned;
    });
  }
}

/** The emails the gateway asks for (send-account-email). */
export const sendAccountEmails: Subscription<NotificationRequestDto> = {
  name: 'notification.account-emails',
  queue: Queues.NotificationRequests,
  events: [{ types: NOTIFICATION_REQUEST_TYPES, dto: NotificationRequestDto }],
  handler: SendAccountEmailService,
  options: { ...EMAIL_EVENTS_CONSUME_OPTIONS, pollers: 1 },
};
