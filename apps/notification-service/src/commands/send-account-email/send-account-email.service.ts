import { Injectable } from '@nestjs/common';
import {
  NOTIFICATION_REQUEST_TYPES,
  NotificationRequestDto,
  NotificationRequests,
  type EventEnvelope,
} from '@inventory/contracts';
import { validatedEvent } from '../../consumers/validated-event';
import { EmailDelivery } from '../../email/email-delivery';
import { passwordResetEmail, welcomeEmail } from './account.email';

export const ACCOUNT_EMAILS_CONSUMER = 'notification.account-emails';

/**
 * Password reset and welcome emails the gateway asks for on the notification-requests
 * queue. The payload carries the link to put in the email (for a reset, with its one-time
 * token), so nothing about users is stored here; the link itself never reaches a log.
 */
@Injectable()
export class SendAccountEmailService {
  constructor(private readonly delivery: EmailDelivery) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const { type, payload } = await validatedEvent(
      NotificationRequestDto,
      NOTIFICATION_REQUEST_TYPES,
      envelope,
    );
    const reset = type === NotificationRequests.PasswordReset;
    await this.delivery.onceForEvent(envelope, ACCOUNT_EMAILS_CONSUMER, async () => {
      const planned = { email: reset ? passwordResetEmail(payload) : welcomeEmail(payload) };
      // A reset link that expired while the request waited would only frustrate.
      if (reset && payload.expiresAt && new Date(payload.expiresAt).getTime() <= Date.now()) {
        return { ...planned, skip: 'the reset link expired before it could be sent' };
      }
      return planned;
    });
  }
}
