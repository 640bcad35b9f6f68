import { NotificationRequests } from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';
import {
  type AccountEmailRecipient,
  accountEmailRequest,
} from '../../../users/account-email.request';

/** Asks the notification service to send a reset link carrying the one-time token. */
export function passwordResetEmail(
  publicUrl: string,
  user: AccountEmailRecipient,
  token: string,
  expiresAt: Date,
): NewEvent {
  return accountEmailRequest(
    NotificationRequests.PasswordReset,
    user,
    publicUrl,
    `/reset-password?token=${encodeURIComponent(token)}`,
    { expiresAt: expiresAt.toISOString() },
  );
}
